// swift-tools-version:6.0
// Descent: watch linear regression learn, live in the terminal.
import PackageDescription

let package = Package(
    name: "descent",
    products: [
        .executable(name: "descent", targets: ["descent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw", path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "CLapack", path: "Sources/CLapack", pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),
        .target(name: "CKernels"),
        .target(name: "MessageText"),
        .target(name: "Locking"),
        .target(name: "CSVReader", dependencies: ["MessageText", "Locking"]),
        .target(name: "LeastSquares", dependencies: ["CLapack", "CKernels", "Locking"]),
        .target(
            name: "Engine",
            dependencies: ["LeastSquares", "CKernels", "CSVReader", "Locking", "MessageText", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Plot", dependencies: ["MessageText"]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "Plot"]),
        .target(name: "Figures", dependencies: ["Engine", "MessageText", "Plot"]),
        .target(
            name: "Trainer",
            dependencies: ["Engine", "Figures", "Locking", "MessageText", "Plot", "Terminal", .product(name: "TOMLKit", package: "TOMLKit")]),
        .executableTarget(
            name: "descent",
            dependencies: [
                "Engine", "Figures", "Locking", "MessageText", "Plot", "Terminal", "Trainer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "LeastSquaresTests", dependencies: ["LeastSquares"], resources: [.copy("NIST"), .copy("Spectrum")]),
        .testTarget(name: "CSVReaderTests", dependencies: ["CSVReader", "Engine"]),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        // Shared by the test targets (not a test target itself): helpers such as seeded file mutants.
        .target(name: "TestSupport", dependencies: ["Engine", "Plot"], path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "MessageText", "TestSupport"], exclude: ["Fixtures"]),
        // `descent` run as a process (fit, race, bench and the UI's options): single-threaded in the test, so
        // outside the thread sanitizer's phase.
        .testTarget(name: "CommandLineTests", dependencies: ["Engine", "MessageText", "TestSupport"]),
        .testTarget(name: "PlotTests", dependencies: ["MessageText", "Plot", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "TrainerTests", dependencies: ["Trainer", "Engine", "MessageText", "Plot", "Terminal", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "EndToEndTests", dependencies: []),
        .testTarget(name: "DistributionTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
