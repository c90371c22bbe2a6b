import Foundation
import Logging
import VantageHighlights

/// The server's highlight jobs: rendered one at a time, in the order they came, with the same
/// `HighlightRenderer` as `vantage render-path`, into `directory/<id>.mp4`. Finished jobs beyond
/// the last `keptJobs` are forgotten and their clips deleted.
actor JobQueue {
    private struct Job {
        var status: JobStatus
        var plan: HighlightPlan
        var source: any HighlightFrameSource
        var task: Task<Void, Never>?
    }

    let directory: URL
    let keptJobs: Int
    let maxWaiting: Int
    private let logger = Logger(label: "vantage.jobs")
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    /// The job being rendered: later jobs wait for it.
    private var running: Task<Void, Never>?

    init(directory: URL, keptJobs: Int = 16, maxWaiting: Int = 8) {
        self.directory = directory
        self.keptJobs = keptJobs
        self.maxWaiting = maxWaiting
    }

    /// Queues `plan`, to be rendered from `source`; throws 503 when `maxWaiting` jobs already wait.
    func submit(_ plan: HighlightPlan, source: any HighlightFrameSource) throws(APIError) -> JobStatus {
        let waiting = jobs.values.filter { $0.status.state == .queued || $0.status.state == .rendering }.count
        guard waiting < maxWaiting else {
            throw APIError(.serviceUnavailable, "\(waiting) highlight jobs are already waiting or rendering; try again when one is done", headers: [.retryAfter: "10"])
        }
        let id = UUID().uuidString.lowercased()
        let size = plan.options.frameSize(for: plan.path)
        let status = JobStatus(id: id, name: plan.path.name, state: .queued, framesDone: 0, frameCount: plan.frameCount, progress: 0,
                               etaSeconds: nil, width: size.width, height: size.height, framesPerSecond: plan.options.framesPerSecond,
                               durationSeconds: Double(plan.frameCount) / Double(plan.options.framesPerSecond), error: nil, resultURL: nil)
        let previous = running
        let task = Task { [weak self] in
            await previous?.value
            await self?.run(id)
        }
        jobs[id] = Job(status: status, plan: plan, source: source, task: task)
        order.append(id)
        running = task
        forgetOldJobs()
        return status
    }

    func status(_ id: String) -> JobStatus? { jobs[id]?.status }

    /// Every job known, oldest first.
    var all: [JobStatus] { order.compactMap { jobs[$0]?.status } }

    /// The finished clip of job `id`, or why there is none.
    func result(_ id: String) throws(APIError) -> URL {
        guard let job = jobs[id] else { throw APIError.notFound("job \(id): no such job (it may have been forgotten; the server keeps the last \(keptJobs))") }
        guard job.status.state == .done else { throw APIError(.conflict, "job \(id) is \(job.status.state.rawValue), not done: no clip yet") }
        return clipURL(id)
    }

    /// Cancels a waiting or rendering job (its partial clip is never left behind) or forgets a
    /// finished one and deletes its clip.
    func cancel(_ id: String) throws(APIError) -> JobStatus {
        guard var job = jobs[id] else { throw APIError.notFound("job \(id): no such job") }
        switch job.status.state {
        case .queued, .rendering:
            job.task?.cancel()
            job.status.state = .cancelled
            job.status.etaSeconds = nil
            jobs[id] = job
        case .done, .failed, .cancelled:
            forget(id)
        }
        return job.status
    }

    private func run(_ id: String) async {
        guard let job = jobs[id], job.status.state == .queued, !Task.isCancelled else { return }
        jobs[id]?.status.state = .rendering
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let renderer = try HighlightRenderer(plan: job.plan, output: clipURL(id).path)
            try await renderer.render(from: job.source) { progress in
                Task { await self.update(id, progress) }
            }
            finish(id, state: .done, error: nil)
            logger.info("highlight job \(id) (\(job.plan.path.name)) done: \(job.plan.frameCount) frames")
        } catch is CancellationError {
            finish(id, state: .cancelled, error: nil)
        } catch {
            finish(id, state: jobs[id]?.status.state == .cancelled ? .cancelled : .failed, error: "\(error)")
            logger.warning("highlight job \(id) failed: \(error)")
        }
    }

    private func update(_ id: String, _ progress: HighlightProgress) {
        guard var status = jobs[id]?.status, status.state == .rendering else { return }
        status.framesDone = max(status.framesDone, progress.framesDone)
        status.progress = progress.fraction
        status.etaSeconds = progress.etaSeconds
        jobs[id]?.status = status
    }

    private func finish(_ id: String, state: JobStatus.State, error: String?) {
        guard var status = jobs[id]?.status else { return }
        status.state = state
        status.error = state == .failed ? error : nil
        status.etaSeconds = nil
        if state == .done {
            status.framesDone = status.frameCount
            status.progress = 1
            status.resultURL = "/api/jobs/\(id)/result.mp4"
        }
        jobs[id]?.status = status
        jobs[id]?.task = nil
    }

    private func forgetOldJobs() {
        let finished = order.filter { [.done, .failed, .cancelled].contains(jobs[$0]?.status.state) }
        for id in finished.dropLast(keptJobs) { forget(id) }
    }

    /// Drops a finished job and deletes its clip.
    private func forget(_ id: String) {
        jobs[id] = nil
        order.removeAll { $0 == id }
        try? FileManager.default.removeItem(at: clipURL(id))
    }

    private func clipURL(_ id: String) -> URL { directory.appendingPathComponent("\(id).mp4") }
}
