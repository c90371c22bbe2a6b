import ArgumentParser

/// Raw-frame and packet throughput of `VantageTransport` over real sockets, one process per role
/// (like imagezmq's sender and hub), for `Benchmarks/transport-vs-imagezmq.py`.
@main
struct TransportThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "TransportThroughput",
        abstract: "Measure frames/s through FramePublisher → FrameSubscriber, one process per side.",
        subcommands: [Publish.self, Subscribe.self, Count.self])
}

/// The rig and camera the benchmark frames travel as.
enum BenchStream {
    static let rig = "bench"
    static let camera = "cam01"
}
