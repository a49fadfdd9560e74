// Runs a program to completion (no terminal) and captures its exit status and output.
import Foundation
import XCTest

/// What one run of a program did.
struct BinaryOutcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum BinaryRun {
    /// The `descent` executable built next to the test bundle of `testCase`; XCTSkip when it is not built.
    static func builtBinary(for testCase: AnyClass) throws -> String {
        let bundle = Bundle(for: testCase).bundleURL
        let folder = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        let path = folder.appendingPathComponent("descent").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw XCTSkip("no descent binary at \(path) (run swift build --product descent first)")
        }
        return path
    }

    /// Runs `executable` with `arguments` (and extra environment) and waits for it.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> BinaryOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let outputFile = temporaryFile("out"), errorFile = temporaryFile("err")
        defer {
            try? FileManager.default.removeItem(atPath: outputFile)
            try? FileManager.default.removeItem(atPath: errorFile)
        }
        // Files, not pipes: a chatty child (swift build) cannot fill a pipe and stall.
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        try process.run()
        process.waitUntilExit()
        return BinaryOutcome(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "")
    }

    private static func temporaryFile(_ suffix: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-run-\(UUID().uuidString).\(suffix)").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return path
    }
}
