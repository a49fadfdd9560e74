// The bytes of an input file, read with pread in chunks (never mapped), or held in memory for pipes and text.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a CSV table's bytes come from, shared (read-only) by the threads that parse them. A regular file is
/// kept open and read with `pread` into each reader's own buffer, so a file that shrinks or changes while it is
/// read gives `CSVError.changedWhileRead` instead of a fault; pipes, devices and text already in memory are
/// held in memory.
final class FileBytes: @unchecked Sendable {
    /// The file name used in messages.
    let file: String
    /// How many bytes there are (a regular file's size when it was opened).
    let count: Int
    private let descriptor: Int32
    /// The whole of the bytes when they are in memory (nil for a regular file read on demand).
    private let memory: UnsafeBufferPointer<UInt8>?
    /// The regular file's size and modification time when it was opened.
    private let identity: (size: Int, seconds: Int, nanoseconds: Int)?
    /// Whether bytes in memory are copied out in chunks like a file's.
    private let chunked: Bool

    /// Opens (a regular file) or reads (anything else) the file at `path`; the error names the path as typed.
    init(path: String) throws {
        file = path
        chunked = false
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileBytes.error(path, errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw FileBytes.error(path, code)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw CSVError.unreadableFile(.init(file: path), reason: "it is a directory")
        }
        if status.st_mode & S_IFMT == S_IFREG {
            self.descriptor = descriptor
            count = Int(status.st_size)
            memory = nil
            identity = FileBytes.identity(status)
            return
        }
        defer { close(descriptor) }
        let bytes = try FileBytes.readAll(descriptor, path: path)
        self.descriptor = -1
        memory = bytes
        count = bytes.count
        identity = nil
    }

    /// A copy of `data` (for text already in memory); `chunked` makes readers copy it out in chunks as they
    /// would read a file (for tests and the fuzzer, which compare the two ways).
    init(data: Data, file: String, chunked: Bool = false) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, data.count))
        _ = data.copyBytes(to: copy)
        self.file = file
        memory = UnsafeBufferPointer(start: copy.baseAddress, count: data.count)
        count = data.count
        descriptor = -1
        identity = nil
        self.chunked = chunked
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if let memory { UnsafeMutablePointer(mutating: memory.baseAddress)?.deallocate() }
    }

    /// Whether the bytes are read from a file on demand (else they are all in memory).
    var isReadOnDemand: Bool { memory == nil || chunked }

    /// The bytes of `range`: a view of memory, or read with `pread` into `buffer` (grown to fit). The view is
    /// valid until `buffer` is used again. Throws `changedWhileRead` when the file ends before the range does.
    func bytes(_ range: Range<Int>, using buffer: inout ReadBuffer) throws -> UnsafeBufferPointer<UInt8> {
        if let memory, !chunked { return UnsafeBufferPointer(rebasing: memory[range]) }
        buffer.reserve(range.count)
        if let memory, let from = memory.baseAddress {
            buffer.base.update(from: from + range.lowerBound, count: range.count)
            return UnsafeBufferPointer(start: buffer.base, count: range.count)
        }
        var done = 0
        while done < range.count {
            let got = pread(descriptor, buffer.base + done, range.count - done, off_t(range.lowerBound + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw FileBytes.error(file, errno)
            }
            if got == 0 { throw CSVError.changedWhileRead(.init(file: file)) }
            done += got
        }
        return UnsafeBufferPointer(start: buffer.base, count: range.count)
    }

    /// Throws `changedWhileRead` when the file's size or modification time is no longer what it was at the open.
    func checkUnchanged() throws {
        guard let identity, descriptor >= 0 else { return }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileBytes.error(file, errno) }
        let now = FileBytes.identity(status)
        if now.size != identity.size || now.seconds != identity.seconds || now.nanoseconds != identity.nanoseconds {
            throw CSVError.changedWhileRead(.init(file: file))
        }
    }

    private static func identity(_ status: stat) -> (size: Int, seconds: Int, nanoseconds: Int) {
        (Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
    }

    /// Everything `descriptor` yields until its end.
    private static func readAll(_ descriptor: Int32, path: String) throws -> UnsafeBufferPointer<UInt8> {
        var capacity = 1 << 16, count = 0
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        while true {
            if count == capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                larger.copyMemory(from: buffer, byteCount: count)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let got = read(descriptor, buffer + count, capacity - count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.deallocate()
                throw error(path, code)
            }
            count += got
        }
        return UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count)
    }

    private static func error(_ path: String, _ code: Int32) -> CSVError {
        if code == ENOENT { return .missingFile(.init(file: path)) }
        if code == EISDIR { return .unreadableFile(.init(file: path), reason: "it is a directory") }
        return .unreadableFile(.init(file: path), reason: String(cString: strerror(code)))
    }
}

/// One reader's buffer for `pread`, grown as needed and reused chunk after chunk.
struct ReadBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for at least `count` bytes (the contents are not kept).
    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        capacity = max(count, 2 * capacity)
        base = .allocate(capacity: capacity)
    }
}
