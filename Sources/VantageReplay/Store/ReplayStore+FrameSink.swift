import VantageTransport

/// The store is where a `Recorder` keeps what it receives.
extension ReplayStore: FrameSink {}
