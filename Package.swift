// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "grouping-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "grouping-report", targets: ["grouping-report"]),
        .library(name: "GroupingCore", targets: ["GroupingCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Cairo, found with pkg-config (Debian: libcairo2-dev).
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        // Pure computation: tables, candidates, statistics, clustering, the model, LOO,
        // diagnostics, checklist, recommendation. No file I/O, no rendering.
        // Numerics shared by the core and the charts (no dependencies): the sample quantile.
        .target(name: "GroupingNumerics"),
        .target(
            name: "GroupingCore",
            dependencies: [
                "GroupingNumerics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            exclude: ["README.md"]),
        // Chart layout over a Renderer protocol, and the Cairo renderer.
        // zlib (a dependency of Cairo's own PNG support): fast PNG compression.
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "GroupingCharts", dependencies: ["GroupingNumerics", "CCairo", "CZlib"]),
        // View models, number formatting, HTML (Mustache) and the PDF document.
        .target(
            name: "GroupingReport",
            dependencies: [
                "GroupingCore", "GroupingCharts", "GroupingNumerics", "CCairo",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Symlinks to the top-level templates/ and assets/, embedded as [UInt8] so the
            // tool works from any directory (`--templates DIR` loads others from disk).
            exclude: ["README.md"],
            resources: [
                .embedInCode("Resources/templates/report.mustache"),
                .embedInCode("Resources/templates/block.mustache"),
                .embedInCode("Resources/templates/table.mustache"),
                .embedInCode("Resources/assets/report.css"),
            ]),
        // The executable: arguments, reading files, writing outputs.
        .executableTarget(
            name: "grouping-report",
            dependencies: [
                "GroupingCore", "GroupingReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Benchmarks: time and peak memory, never run by the tests.
        .executableTarget(
            name: "grouping-bench", dependencies: ["GroupingCore", "GroupingReport"],
            path: "benchmarks/grouping-bench"),
        // Test helpers: assertClose, a seeded generator, fixture loading.
        .target(name: "TestSupport", dependencies: [], path: "Tests/TestSupport"),
        .testTarget(
            name: "GroupingCoreTests", dependencies: ["GroupingCore", "GroupingNumerics", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "GroupingNumericsTests", dependencies: ["GroupingNumerics", "TestSupport"]),
        .testTarget(name: "GroupingChartsTests", dependencies: ["GroupingCharts", "GroupingNumerics", "TestSupport"]),
        .testTarget(
            name: "GroupingReportTests", dependencies: ["GroupingReport", "GroupingNumerics", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["grouping-report", "GroupingCore", "TestSupport"]),
    ]
)
