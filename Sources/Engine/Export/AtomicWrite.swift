// Writing files so that a reader never sees half of one: a temporary file beside it, then a rename.
import Foundation

/// Writes a group of files atomically, each through a temporary file in its own directory and a rename.
/// Every temporary file is written before any is renamed, so a failure to write leaves no target touched
/// (a rename within one directory fails only in rare cases, e.g. the directory vanishing meanwhile).
public enum AtomicWrite {
    /// Why files could not be written, in one line naming the file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes `contents` to each path; throws `Failure` (and removes its temporary files) on any error.
    public static func files(_ files: [(path: String, contents: Data)]) throws {
        var temporaries: [(temporary: URL, target: URL)] = []
        func cleanUp() {
            for (temporary, _) in temporaries { try? FileManager.default.removeItem(at: temporary) }
        }
        // A directory in a target's place would only fail at the rename, after other targets moved in.
        for (path, _) in files {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw Failure(description: "\(path): cannot write (a directory is in the way)")
            }
        }
        for (path, contents) in files {
            let target = URL(fileURLWithPath: path)
            let directory = target.deletingLastPathComponent()
            let temporary = directory.appendingPathComponent(
                ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try contents.write(to: temporary, options: [])
                temporaries.append((temporary, target))
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                cleanUp()
                throw Failure(description: "\(path): cannot write (\(reason(error)))")
            }
        }
        for (index, (temporary, target)) in temporaries.enumerated() {
            if rename(temporary.path, target.path) != 0 {
                let why = String(cString: strerror(errno))
                for (left, _) in temporaries[index...] { try? FileManager.default.removeItem(at: left) }
                throw Failure(description: "\(target.path): cannot write (\(why))")
            }
        }
    }

    /// A short reason for a file error (the POSIX message when there is one).
    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileWriteNoPermissionError: return "permission denied"
            case NSFileNoSuchFileError, NSFileWriteInvalidFileNameError: return "no such directory"
            case NSFileWriteOutOfSpaceError: return "no space left"
            default: break
            }
        }
        return nsError.localizedDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
    }
}
