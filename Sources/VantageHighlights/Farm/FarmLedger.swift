import VantageMedia

/// The coordinator's bookkeeping, without sockets or threads: which ranges wait to be sent,
/// which are out and who holds them, which frames have arrived and which the encoder took.
/// Times are passed in, so the rules can be tested without waiting.
struct FarmLedger {
    typealias Instant = ContinuousClock.Instant

    /// A range sent and not yet complete.
    struct Outstanding {
        var range: Range<Int>
        /// The worker that accepted it, once one has.
        var holder: String?
        /// The last sign of life concerning this range: sent, accepted, held in a heartbeat, a frame.
        var lastNews: Instant
    }

    let frameCount: Int
    let options: FarmOptions
    /// Ranges waiting to be sent, by first frame.
    private(set) var pending: [Range<Int>]
    private(set) var outstanding: [Outstanding] = []
    private var arrived: [Int: RGBImage] = [:]
    private var delivered: [Bool]
    /// Every frame below this one has gone to the encoder.
    private(set) var consumed = 0
    private var workersLastSeen: [String: Instant] = [:]
    private var lastWorkerMessage: Instant
    private var failures: [Int: Int] = [:]
    private(set) var statistics = FarmStatistics()

    init(frameCount: Int, options: FarmOptions, now: Instant) {
        self.frameCount = frameCount
        self.options = options
        pending = stride(from: 0, to: frameCount, by: options.rangeFrames).map { $0..<min($0 + options.rangeFrames, frameCount) }
        delivered = Array(repeating: false, count: frameCount)
        lastWorkerMessage = now
    }

    var isFinished: Bool { consumed == frameCount }

    /// Frames held for the encoder, out of order.
    var bufferedFrames: Int { arrived.count }

    private func needs(_ index: Int) -> Bool { !delivered[index] && arrived[index] == nil }

    /// Workers heard from within the silence timeout.
    func liveWorkers(now: Instant) -> Int {
        workersLastSeen.values.filter { now - $0 <= .seconds(options.silenceSeconds) }.count
    }

    /// The next range to send, if the credit allows: its first frame lies within
    /// `creditPerWorker × live workers × rangeFrames` of the encoder's position, or it holds the
    /// frame the encoder waits for.
    func nextToSend(now: Instant, waitingFor: Int?) -> Range<Int>? {
        guard let next = pending.first else { return nil }
        let window = options.creditPerWorker * max(1, liveWorkers(now: now)) * options.rangeFrames
        if next.lowerBound < consumed + window { return next }
        if let waitingFor, let holding = pending.first(where: { $0.contains(waitingFor) }) { return holding }
        return nil
    }

    mutating func sent(_ range: Range<Int>, now: Instant) {
        pending.removeAll { $0 == range }
        outstanding.append(Outstanding(range: range, holder: nil, lastNews: now))
        statistics.rangesSent += 1
    }

    @discardableResult
    private mutating func heard(from worker: String, now: Instant) -> Bool {
        let isNew = workersLastSeen[worker] == nil
        workersLastSeen[worker] = now
        lastWorkerMessage = now
        return isNew
    }

    /// Notes a message from `worker` about `range` (nil: about nothing in particular). Returns
    /// whether the worker is new.
    @discardableResult
    mutating func news(from worker: String, about range: Range<Int>?, now: Instant) -> Bool {
        let isNew = heard(from: worker, now: now)
        if let range {
            for index in outstanding.indices where outstanding[index].range.overlaps(range)
                && (outstanding[index].holder == nil || outstanding[index].holder == worker || outstanding[index].range == range) {
                outstanding[index].holder = worker
                outstanding[index].lastNews = now
            }
        }
        return isNew
    }

    /// Keeps a frame unless it already arrived (first wins); returns whether it was kept.
    mutating func frame(_ index: Int, image: RGBImage, from worker: String, now: Instant) -> Bool {
        news(from: worker, about: index..<index + 1, now: now)
        guard needs(index) else {
            statistics.duplicateFrames += 1
            return false
        }
        arrived[index] = image
        statistics.framesByWorker[worker, default: 0] += 1
        return true
    }

    /// A worker could not render `range`: it goes back to the queue, unless it has now failed
    /// `maximumFailures` times; then the returned error ends the render.
    mutating func failed(_ failure: FarmFailure, now: Instant) -> FarmError? {
        heard(from: failure.worker, now: now)
        statistics.failuresReported += 1
        var worst = 0
        for index in failure.range.clamped(to: 0..<frameCount) {
            failures[index, default: 0] += 1
            worst = max(worst, failures[index]!)
        }
        if worst >= options.maximumFailures {
            return FarmError(.rangeFailed, "frames \(failure.first)..<\(failure.last) failed \(worst) times; last on worker \(failure.worker): \(failure.error)")
        }
        outstanding.removeAll { $0.range.overlaps(failure.range) && ($0.holder == failure.worker || $0.holder == nil) }
        requeue(failure.range.clamped(to: 0..<frameCount))
        return nil
    }

    /// Drops complete ranges and sends back to the queue the missing frames of every range
    /// without news for `silenceSeconds`; returns those ranges with their holder.
    mutating func expire(now: Instant) -> [(range: Range<Int>, holder: String?)] {
        let silence = Duration.milliseconds(Int(options.silenceSeconds * 1000))
        var kept: [Outstanding] = [], expired: [(range: Range<Int>, holder: String?)] = []
        for entry in outstanding where entry.range.contains(where: needs) {
            if now - entry.lastNews > silence { expired.append((entry.range, entry.holder)) } else { kept.append(entry) }
        }
        outstanding = kept
        for (range, _) in expired { requeue(range) }
        return expired
    }

    /// Queues the frames of `range` that are still needed, as contiguous runs, unless already queued.
    private mutating func requeue(_ range: Range<Int>) {
        var start: Int?
        for index in range.lowerBound...range.upperBound {
            let missing = index < range.upperBound && needs(index) && !pending.contains { $0.contains(index) }
            if missing, start == nil { start = index }
            if !missing, let first = start {
                pending.append(first..<index)
                statistics.rangesRequeued += 1
                start = nil
            }
        }
        pending.sort { $0.lowerBound < $1.lowerBound }
    }

    /// Seconds since the last message of any worker, when the render still needs frames.
    func silence(now: Instant) -> Duration { now - lastWorkerMessage }

    /// Frame `index` for the encoder, removed from the buffer; nil until it has arrived.
    mutating func take(_ index: Int) -> RGBImage? {
        guard let image = arrived.removeValue(forKey: index) else { return nil }
        delivered[index] = true
        while consumed < frameCount && delivered[consumed] { consumed += 1 }
        return image
    }

    mutating func countDrop(_ reason: FarmDropReason) { statistics.dropped[reason.rawValue, default: 0] += 1 }
}
