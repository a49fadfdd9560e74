// Runs the built `descent` binary (next to the test bundle) and captures its exit status and output.
import XCTest

/// What one run of `descent` did.
public struct DescentOutcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum DescentProcess {
    /// The `descent` binary next to the test bundle; throws XCTSkip when it has not been built.
    public static func binary() throws -> URL {
        // On Linux the bundle URL is the build directory itself; elsewhere it is the .xctest inside it.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        for directory in [bundle, bundle.deletingLastPathComponent()] {
            let url = directory.appendingPathComponent("descent")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("descent is not built next to the tests (run swift build first)")
    }

    /// Runs `descent` with `arguments` and waits for it.
    public static func run(_ arguments: [String]) throws -> DescentOutcome {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DescentOutcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    private final class BundleMarker {}
}
