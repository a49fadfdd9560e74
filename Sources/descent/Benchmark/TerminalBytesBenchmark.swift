// Bytes a second the trainer writes to its terminal, read from the master side of a pseudo-terminal as SSH would carry them.
import Foundation

/// Runs this very binary's trainer (`descent --dataset diabetes --method sgd`, the real frame loop and ncurses
/// backend) on a pseudo-terminal of a given size, presses Space, and counts the bytes it writes while it trains:
/// what one student's SSH session carries. The first paint and a second of warm-up are not counted.
enum TerminalBytesBenchmark {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Linux's TIOCSPTLCK (_IOW('T', 0x31, int)) and TIOCGPTN (_IOR('T', 0x30, unsigned int)): function-like
    /// macros, so not imported.
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    /// Bytes a second over `seconds` of SGD on diabetes at `width × height`.
    static func bytesPerSecond(width: Int, height: Int, seconds: Double, arguments: [String] = []) throws -> Double {
        // posix_openpt and friends are not in Swift's Glibc module: the same through /dev/ptmx and its two ioctls.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.unlockRequest, &unlock) == 0, ioctl(master, Self.numberRequest, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal (/dev/ptmx)")
        }
        defer { close(master) }
        let name = "/dev/pts/\(number)"
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open \(name)") }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executablePath())
        process.arguments = ["--dataset", "diabetes", "--method", "sgd", "--lr", "0.01"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["COLUMNS"] = "\(width)"
        environment["LINES"] = "\(height)"
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        // The first paint (the whole screen), then a second of training before counting.
        _ = drain(master, seconds: 1.5)
        write(master, " ")
        _ = drain(master, seconds: 1)
        let counted = drain(master, seconds: seconds)
        write(master, "q")
        _ = drain(master, seconds: 1)
        return Double(counted) / seconds
    }

    /// Reads everything the program writes for `seconds`, returning the byte count.
    private static func drain(_ fd: Int32, seconds: Double) -> Int {
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let end = Date().addingTimeInterval(seconds)
        while true {
            let left = end.timeIntervalSinceNow
            guard left > 0 else { break }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, left * 1000)))
            guard ready > 0 else { continue }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            total += count
        }
        return total
    }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// This program, to run its own trainer.
    private static func executablePath() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Failure(description: "cannot find the descent binary") }
        return path
    }
}
