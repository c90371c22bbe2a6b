// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Vantage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vantage", targets: ["vantage"]),
        .library(name: "VantageGeometry", targets: ["VantageGeometry"]),
        .library(name: "VantageMedia", targets: ["VantageMedia"]),
        .library(name: "VantageTransport", targets: ["VantageTransport"]),
        .library(name: "VantageReplay", targets: ["VantageReplay"]),
        .library(name: "VantageSynthesis", targets: ["VantageSynthesis"]),
        .library(name: "VantageSample", targets: ["VantageSample"]),
        .library(name: "VantageHighlights", targets: ["VantageHighlights"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // C libraries, found through pkg-config; macros Swift cannot import are wrapped in each shim.h.
        .systemLibrary(
            name: "CFFmpeg", pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libavutil-dev"])]),
        .systemLibrary(name: "CZMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        .target(
            name: "VantageGeometry",
            dependencies: [
                "COpenBLAS",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "VantageMedia", dependencies: ["CFFmpeg"]),
        // ZeroMQ links: wire protocol v1, publisher, subscriber, CURVE, synchronizer.
        .target(
            name: "VantageTransport",
            dependencies: [
                "VantageGeometry", "VantageMedia", "CZMQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]),
        // The replay store: per-camera append-only segments on disk, an index by capture time,
        // decoding of any stored moment.
        .target(
            name: "VantageReplay",
            dependencies: [
                "VantageTransport", "VantageMedia",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The synthetic stadium: a deterministic CPU-rendered scene with exact ground truth.
        .target(name: "VantageSample", dependencies: ["VantageGeometry", "VantageMedia"]),
        // The view model: depth, warping, blending, evaluation. Optimized even in debug builds so
        // that `swift test` can run it on real footage in seconds rather than minutes.
        .target(
            name: "VantageSynthesis", dependencies: ["VantageGeometry", "VantageMedia", "VantageTransport", "VantageReplay"],
            swiftSettings: [.unsafeFlags(["-O"])]),
        // Highlight clips: camera paths rendered into MP4, here or on a farm of workers.
        .target(name: "VantageHighlights", dependencies: ["VantageSynthesis", "VantageGeometry", "VantageMedia", "VantageTransport"]),
        // The HTTP API: rig, replay, still renders, camera frames, health, metrics; rendering on its own thread.
        .target(
            name: "VantageServer",
            dependencies: [
                "VantageHighlights", "VantageSynthesis", "VantageReplay", "VantageTransport", "VantageMedia", "VantageGeometry",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]),
        .executableTarget(
            name: "vantage",
            dependencies: [
                "VantageGeometry", "VantageMedia", "VantageSample", "VantageSynthesis", "VantageTransport", "VantageReplay", "VantageHighlights", "VantageServer", "CZMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // What the test targets share: the real captures' location, a deterministic generator.
        .target(name: "VantageTestSupport", path: "Tests/Support"),
        .testTarget(name: "VantageGeometryTests", dependencies: ["VantageGeometry"]),
        .testTarget(name: "VantageMediaTests", dependencies: ["VantageTestSupport", "VantageMedia"]),
        .testTarget(
            name: "VantageTransportTests",
            dependencies: ["VantageTestSupport", "VantageTransport", "VantageGeometry", "VantageMedia", .product(name: "MetricsTestKit", package: "swift-metrics")]),
        .testTarget(name: "VantageReplayTests", dependencies: ["VantageTestSupport", "VantageReplay", "VantageTransport", "VantageMedia", "VantageGeometry"]),
        .testTarget(name: "VantageSampleTests", dependencies: ["VantageSample"]),
        .testTarget(name: "VantageSynthesisTests", dependencies: ["VantageTestSupport", "VantageSynthesis", "VantageSample", "VantageReplay", "VantageTransport"]),
        .testTarget(
            name: "VantageHighlightsTests",
            dependencies: ["VantageTestSupport", "VantageHighlights", "VantageSynthesis", "VantageSample", "VantageGeometry", "VantageMedia", "VantageTransport"]),
        .testTarget(
            name: "VantageServerTests",
            dependencies: [
                "VantageTestSupport", "VantageServer", "VantageSample", "VantageReplay", "VantageTransport", "VantageGeometry", "VantageMedia",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Yams", package: "Yams"),
            ]),
        // Runs the built `vantage` executable as a user would.
        .testTarget(
            name: "VantageCLITests",
            dependencies: [
                "VantageTestSupport", "vantage", "VantageReplay", "VantageTransport", "VantageMedia",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]),
    ]
)
