// swift-tools-version: 6.0
// The part of poled that builds with Swift 6.0: the modules with no package dependencies, the
// hardware-facing ones among them, and their tests. Debian 13's own Swift is 6.0.3, packaged for amd64
// and arm64, and CI cross-builds this part with it for aarch64 and runs its tests under qemu
// (.ci/arm64.sh, README "arm64"). The whole of poled needs Swift 6.1 or later (Package.swift).
//
// This manifest is not built where it lies: tools/swift-6.0/package.sh makes a folder whose Sources
// and Tests are links to the repository's, and .ci/arm64.sh builds it there. Each target here is the main manifest's target of the same name, with
// the same dependencies and settings; tools/check-swift-6.0-set.sh compares the two with
// `swift package dump-package` and fails on any difference, on a dependency left out, and on a test
// target of the main manifest whose dependencies all lie in this set but which is missing here.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release)),
]

let package = Package(
    name: "poled-swift-6.0",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "PoleCore", swiftSettings: strict),
        .target(name: "PoleHAL", swiftSettings: strict),
        .target(name: "PoleDrivers", dependencies: ["PoleHAL"], swiftSettings: strict),
        .target(name: "CGPIOD", linkerSettings: [.linkedLibrary("gpiod")]),
        .target(name: "CKernelClock"),
        .target(name: "CRealtimeMemory"),
        .target(name: "CI2C"),
        .target(name: "PoleLinux", dependencies: ["PoleHAL", "CGPIOD", "CKernelClock", "CI2C", "CRealtimeMemory"], swiftSettings: strict),
        .target(name: "PoleJSON", swiftSettings: strict),
        .target(name: "PoleProtocol", dependencies: ["PoleJSON", "PoleCore"], swiftSettings: strict),
        .target(name: "PoleSim", dependencies: ["PoleHAL", "PoleDrivers", "PoleCore", "PoleJSON"], swiftSettings: strict),
        .target(name: "PoleTesting", dependencies: ["PoleHAL"], swiftSettings: strict),
        // PoleLinux against an arm64 kernel's gpio-sim and i2c-stub (Tests/HIL/arm64).
        .executableTarget(name: "PoleLinuxSmoke", dependencies: ["PoleLinux", "PoleHAL"], swiftSettings: strict),
        .testTarget(name: "PoleCoreTests", dependencies: ["PoleCore"], swiftSettings: strict),
        .testTarget(name: "PoleHALTests", dependencies: ["PoleHAL", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleTestingTests", dependencies: ["PoleTesting", "PoleHAL"], swiftSettings: strict),
        .testTarget(name: "PoleDriversTests", dependencies: ["PoleDrivers", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleSimTests", dependencies: ["PoleSim", "PoleCore", "PoleHAL", "PoleDrivers", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleJSONTests", dependencies: ["PoleJSON"], swiftSettings: strict),
        .testTarget(name: "PoleProtocolTests", dependencies: ["PoleProtocol", "PoleJSON", "PoleCore"], swiftSettings: strict),
        .testTarget(name: "PoleLinuxTests", dependencies: ["PoleLinux", "PoleHAL", "PoleTesting"], swiftSettings: strict),
    ]
)
