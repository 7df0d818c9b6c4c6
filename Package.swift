// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Each function in a section of its own, so the daemon's link can place the code it runs
    // together (`daemonLinking`).
    .unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release)),
]

// The daemon's pages in memory (README, "Loop timing, benchmarks and soak"): lld places the
// functions a running pole executes together (Sources/poled/hot-functions.order, from
// Benchmarks/hot-functions.sh), packs the 44 000 relative relocations of a position-independent
// static-stdlib binary into a few KiB (DT_RELR, glibc 2.36: Debian 12 and later) instead of a 1 MiB
// table read at every start, and exports no symbols, which only made every library's symbol lookups
// search the executable's table.
let compactLinking = ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"]
let daemonLinking: [LinkerSetting] = [
    .unsafeFlags(compactLinking + [
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/poled/hot-functions.order",
        "-Xlinker", "--no-warn-symbol-ordering",
    ]),
]

let package = Package(
    name: "poled",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "poled", targets: ["poled"]),
        .executable(name: "polectl", targets: ["polectl"]),
        // For the separate benchmarks (Benchmarks/) and fuzzing (Fuzz/) packages, which build against these.
        .library(name: "PoleCore", targets: ["PoleCore"]),
        .library(name: "PoleDrivers", targets: ["PoleDrivers"]),
        .library(name: "PoleProtocol", targets: ["PoleProtocol"]),
        .library(name: "PoleConfig", targets: ["PoleConfig"]),
        .library(name: "PoleSim", targets: ["PoleSim"]),
        .library(name: "PoleStore", targets: ["PoleStore"]),
        .library(name: "PoleRuntime", targets: ["PoleRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .target(name: "PoleCore", swiftSettings: strict),
        .target(name: "PoleHAL", swiftSettings: strict),
        .target(name: "PoleDrivers", dependencies: ["PoleHAL"], swiftSettings: strict),
        .target(name: "PoleTOML", swiftSettings: strict),
        .target(name: "PoleConfig", dependencies: ["PoleCore", "PoleTOML"], swiftSettings: strict),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // libmosquitto-dev's header; the library itself is loaded only when the uplink starts.
        .target(name: "CMosquitto"),
        // libgpiod 1.x or 2.x, whichever libgpiod-dev installed: the shim compiles for its header.
        .target(name: "CGPIOD", linkerSettings: [.linkedLibrary("gpiod")]),
        .target(name: "CKernelClock"),
        .target(name: "CRealtimeMemory"),
        .target(name: "CI2C"),
        .target(name: "CUnixSocket"),
        .target(name: "CEarlySignals", publicHeadersPath: "."),
        .target(name: "PoleLinux", dependencies: ["PoleHAL", "CGPIOD", "CKernelClock", "CI2C", "CRealtimeMemory"], swiftSettings: strict),
        .target(name: "PoleJSON", swiftSettings: strict),
        // The control protocol's wire types and the socket client: all polectl needs (it must build
        // with Swift 6.0, as PoleLinux does, for the CLI on every pole).
        .target(name: "PoleProtocol", dependencies: ["PoleJSON", "PoleCore"], swiftSettings: strict),
        .target(name: "PoleSim", dependencies: ["PoleHAL", "PoleDrivers", "PoleCore", "PoleJSON"], swiftSettings: strict),
        // The I²C sensor pollers and their recovery ladder, generic over the HAL's bus. Built with
        // cross-module optimisation, so a simulation's pollers are specialised for the simulated bus
        // in PoleRuntime as they were when they lived there (unspecialised, a tick cost 160
        // instructions more).
        .target(
            name: "PoleSensing", dependencies: ["PoleDrivers", "PoleHAL", "PoleCore"],
            swiftSettings: strict + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
        ),
        // The SQLite store and the state files beside it (docs/architecture.md).
        .target(
            name: "PoleStore",
            dependencies: [
                "PoleCore", "PoleHAL", "PoleJSON", "CSQLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        // MQTT through libmosquitto, loaded when the uplink starts.
        .target(
            name: "PoleUplink",
            dependencies: [
                "PoleStore", "PoleCore", "PoleHAL", "PoleConfig", "PoleProtocol", "PoleJSON", "CMosquitto",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PoleRuntime",
            dependencies: [
                "PoleCore", "PoleHAL", "PoleDrivers", "PoleConfig", "PoleLinux", "PoleSim", "PoleJSON", "PoleProtocol", "PoleSensing",
                "PoleStore", "PoleUplink", "CUnixSocket",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "poled",
            dependencies: [
                "PoleRuntime", "PoleConfig", "PoleCore", "PoleHAL", "PoleLinux", "PoleSim", "PoleProtocol", "PoleStore", "CEarlySignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["hot-functions.order"],
            swiftSettings: strict,
            linkerSettings: daemonLinking
        ),
        // The technician's CLI talks to the daemon and never to hardware, the store or the network:
        // it links no libgpiod, SQLite, libmosquitto or OpenSSL (.ci/run checks).
        .executableTarget(
            name: "polectl",
            dependencies: ["PoleProtocol", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict,
            // Packed relative relocations and no exported symbols, as the daemon: 0.9 MB less.
            linkerSettings: [.unsafeFlags(compactLinking)]
        ),
        .target(name: "PoleTesting", dependencies: ["PoleHAL"], swiftSettings: strict),
        // PoleLinux against an arm64 kernel's gpio-sim and i2c-stub (Tests/HIL/arm64).
        .executableTarget(name: "PoleLinuxSmoke", dependencies: ["PoleLinux", "PoleHAL"], swiftSettings: strict),
        .testTarget(name: "PoleCoreTests", dependencies: ["PoleCore"], swiftSettings: strict),
        .testTarget(name: "PoleHALTests", dependencies: ["PoleHAL", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleTestingTests", dependencies: ["PoleTesting", "PoleHAL"], swiftSettings: strict),
        .testTarget(name: "PoleDriversTests", dependencies: ["PoleDrivers", "PoleTesting"], swiftSettings: strict),
        // Exit tests need Swift Testing 6.2: built and run here only, never in the Swift 6.0 set (tools/swift-6.0).
        .testTarget(name: "PoleDriversExitTests", dependencies: ["PoleDrivers", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleTOMLTests", dependencies: ["PoleTOML", "PoleJSON"], swiftSettings: strict),
        .testTarget(name: "PoleConfigTests", dependencies: ["PoleConfig", "PoleCore", "PoleTOML"], swiftSettings: strict),
        .testTarget(name: "PoleSimTests", dependencies: ["PoleSim", "PoleCore", "PoleHAL", "PoleDrivers", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleJSONTests", dependencies: ["PoleJSON"], swiftSettings: strict),
        .testTarget(name: "PoleProtocolTests", dependencies: ["PoleProtocol", "PoleJSON", "PoleCore"], swiftSettings: strict),
        .testTarget(name: "PoleLinuxTests", dependencies: ["PoleLinux", "PoleHAL", "PoleTesting"], swiftSettings: strict),
        .testTarget(name: "PoleSensingTests", dependencies: ["PoleSensing", "PoleCore", "PoleDrivers", "PoleHAL", "PoleTesting"], swiftSettings: strict),
        .testTarget(
            name: "PoleStoreTests",
            dependencies: ["PoleStore", "PoleCore", "PoleHAL", "PoleLinux", "PoleSim", "PoleJSON", "CSQLite", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(name: "PoleUplinkTests", dependencies: ["PoleUplink"], swiftSettings: strict),
        .testTarget(
            name: "PoleRuntimeTests",
            dependencies: [
                "PoleRuntime", "PoleConfig", "PoleSim", "PoleCore", "PoleHAL", "PoleLinux", "PoleTesting", "PoleJSON", "PoleProtocol", "PoleStore",
                "PoleSensing", "PoleUplink", "CSQLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
    ]
)
