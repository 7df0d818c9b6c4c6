// swift-tools-version: 6.1
// poled's libFuzzer targets, a package of their own so the product's builds and tests stay as they are.
// Build and run them with .ci/fuzz.sh (README.md, "Fuzzing"); by hand:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address --product FuzzRecording
//   Fuzz/.build/release/FuzzRecording Fuzz/corpus/FuzzRecording
import Foundation
import PackageDescription

// A path dependency is known by its directory's name; the checkout may be called anything.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let poled = root.lastPathComponent

func pole(_ product: String) -> Target.Dependency {
    .product(name: product, package: poled)
}

/// Each harness has its own `main`, which hands its test function to libFuzzer's driver.
func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies, swiftSettings: strict)
}

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("InternalImportsByDefault")]

let harnesses: [(String, [Target.Dependency])] = [
    ("FuzzBoardFile", ["FuzzPole", pole("PoleConfig"), pole("PoleRuntime")]),
    ("FuzzSiteFile", ["FuzzPole", pole("PoleConfig"), pole("PoleRuntime")]),
    ("FuzzScenario", ["FuzzPole", pole("PoleSim"), pole("PoleRuntime")]),
    ("FuzzRecording", ["FuzzPole", pole("PoleCore"), pole("PoleRuntime")]),
    ("FuzzControlRequest", [pole("PoleProtocol")]),
    ("FuzzSPS30Frame", [pole("PoleDrivers")]),
    ("FuzzPMSA003IFrame", [pole("PoleDrivers")]),
    ("FuzzBH1750Frame", [pole("PoleDrivers")]),
]

let package = Package(
    name: "poled-fuzz",
    platforms: [.macOS(.v15)],
    products: harnesses.map { .executable(name: $0.0, targets: [$0.0]) },
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], swiftSettings: strict),
        .target(
            name: "FuzzPole", dependencies: [pole("PoleCore"), pole("PoleConfig"), pole("PoleStore"), pole("PoleRuntime")], swiftSettings: strict
        ),
    ] + harnesses.map { harness($0.0, $0.1) }
)
