// swift-tools-version: 6.1
// Benchmarks live in their own package so package-benchmark stays out of the app's dependencies.
import PackageDescription

let package = Package(
    name: "VantageBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "Vantage", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "MediaBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VantageMedia", package: "Vantage"),
            ],
            path: "Benchmarks/MediaBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "SynthesisBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VantageSynthesis", package: "Vantage"),
                .product(name: "VantageSample", package: "Vantage"),
            ],
            path: "Benchmarks/SynthesisBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "ReplayBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VantageReplay", package: "Vantage"),
                .product(name: "VantageTransport", package: "Vantage"),
                .product(name: "VantageMedia", package: "Vantage"),
            ],
            path: "Benchmarks/ReplayBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // Not a package-benchmark target: publisher and subscriber roles run as separate
        // processes, driven by transport-vs-imagezmq.py.
        .executableTarget(
            name: "TransportThroughput",
            dependencies: [
                .product(name: "VantageTransport", package: "Vantage"),
                .product(name: "VantageMedia", package: "Vantage"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/TransportThroughput"),
    ]
)
