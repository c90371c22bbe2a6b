import Dispatch
import Foundation
import VantageTransport

/// Turns SIGINT and SIGTERM into a flag that long-running commands poll, so they stop cleanly
/// (flush, final heartbeat, summary) instead of dying mid-write.
final class StopSignal: Sendable {
    private let raised = Locked<Int32?>(nil)
    private let sources: Locked<[DispatchSourceSignal]> = Locked([])

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [raised] in raised.withLock { $0 = $0 ?? number } }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }

    /// The signal that asked us to stop, if any.
    var signalNumber: Int32? { raised.current }
    var isRaised: Bool { signalNumber != nil }

    var name: String {
        switch signalNumber {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: "no signal"
        }
    }
}
