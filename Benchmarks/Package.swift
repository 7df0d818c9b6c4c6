// swift-tools-version: 6.1
// poled's benchmarks (ordo-one/benchmark), a package of their own so the product's builds stay light.
// Run from the repository root: swift package --package-path Benchmarks benchmark
import Foundation
import PackageDescription

// A path dependency is known by its directory's name; the checkout may be called anything.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "poled-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: root.path),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PoleBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoleCore", package: root.lastPathComponent),
                .product(name: "PoleConfig", package: root.lastPathComponent),
                .product(name: "PoleSim", package: root.lastPathComponent),
                .product(name: "PoleRuntime", package: root.lastPathComponent),
            ],
            path: "PoleBenchmarks",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
