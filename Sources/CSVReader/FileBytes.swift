// The bytes of an input file: mapped read-only when it is a regular file, read into memory otherwise.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's bytes, immutable and shared by the threads that parse them. A regular file is mapped (private,
/// read-only), so nothing is copied from the page cache; pipes, devices and anything mmap refuses are read.
///
/// A mapped file's pages count towards resident memory as they are touched, as a copy would; `release(_:)`
/// drops the pages of a range already parsed (they come back from the file if a message reads them again), so
/// loading a large file does not hold all of it at once.
final class FileBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether `bytes` is a mapping of the file (else memory of our own).
    let isMapped: Bool

    /// Maps or reads the file at `path`; the error names the path as the user typed it.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileBytes.error(path, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileBytes.error(path, errno) }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw CSVError.unreadableFile(.init(file: path), reason: "it is a directory")
        }
        let size = Int(status.st_size)
        if status.st_mode & S_IFMT == S_IFREG, size > 0,
            let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED
        {
            // Both reader threads go front to back through their halves: read ahead generously.
            _ = madvise(mapped, size, MADV_SEQUENTIAL)
            bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
            isMapped = true
            return
        }
        bytes = try FileBytes.readAll(descriptor, path: path, sizeHint: size)
        isMapped = false
    }

    /// A copy of `data` (for text already in memory).
    init(data: Data) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, data.count))
        _ = data.copyBytes(to: copy)
        bytes = UnsafeBufferPointer(start: copy.baseAddress, count: data.count)
        isMapped = false
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutablePointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }

    /// Drops the mapped pages wholly inside byte range `range` from this process's memory (no-op when read).
    func release(_ range: Range<Int>) {
        guard isMapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let first = (address + range.lowerBound + page - 1) / page * page
        let end = (address + range.upperBound) / page * page
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        // Clean pages of a private read-only mapping: dropping them loses nothing.
        _ = madvise(start, end - first, MADV_DONTNEED)
    }

    /// Everything `descriptor` yields until its end.
    private static func readAll(_ descriptor: Int32, path: String, sizeHint: Int) throws -> UnsafeBufferPointer<UInt8> {
        var capacity = max(1 << 16, sizeHint + 1), count = 0
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
