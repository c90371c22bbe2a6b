import Foundation
import HummingbirdWebSocket
import VantageGeometry

/// One interactive viewer over a WebSocket (nerfstudio's policy): the newest view request wins,
/// a moving camera gets frames at half size, and once it rests for `restDelay` the last view is
/// sent again at full size. Each frame is a JSON header (`FrameHeaderMessage`) then its bytes,
/// encoded by the session's `ViewEncoder` (JPEG, or H.264 access units for WebCodecs).
struct ViewSession {
    let service: RenderService
    let encoder: any ViewEncoder
    var movingGap: Duration = .milliseconds(200)
    var restDelay: Duration = .milliseconds(250)
    /// Largest message a client may send.
    static let maxMessageBytes = 64 * 1024
    /// The session socket's send buffer (the kernel doubles it): room for a full-size frame or two, no more.
    static let socketSendBufferBytes = 128 * 1024

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let mailbox = SessionMailbox()
        let sender = FrameSender(outbound: outbound, timeout: service.options.sessionSendTimeout)
        let metrics = service.metrics
        // The route refused sessions beyond the limit already; this catches upgrades that raced past it.
        guard metrics.sessions.open(limit: service.options.maxSessions) else {
            return try await sender.error(id: 0, Self.fullMessage(service.options.maxSessions))
        }
        defer { metrics.sessions.closed() }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await renderLoop(mailbox, sender) }
                group.addTask {
                    try await readRequests(inbound, into: mailbox, sender)
                    await mailbox.close()
                }
                // Either side ending ends the session: a client gone, or one that stopped reading.
                try await group.next()
                try await group.next()
            }
        } catch is SlowClient {
            metrics.sessionsClosedSlow.increment()
        }
        metrics.sessionRequestsDropped.increment(by: Int64(await mailbox.dropped))
    }

    static func fullMessage(_ maxSessions: Int) -> String {
        "this server already has \(maxSessions) viewer sessions; try again later"
    }

    /// Checks each client message and puts the good ones in the mailbox; answers the bad ones.
    private func readRequests(_ inbound: WebSocketInboundStream, into mailbox: SessionMailbox, _ sender: FrameSender) async throws {
        var previousArrival: ContinuousClock.Instant?
        do {
            for try await message in inbound.messages(maxSize: Self.maxMessageBytes) {
                guard case let .text(text) = message else {
                    try await sender.error(id: 0, "expected a JSON text message, e.g. {\"id\": 1, \"time\": 0, \"pose\": …, \"size\": …}")
                    continue
                }
                let decoded: ViewMessage
                do {
                    decoded = try JSONDecoder().decode(ViewMessage.self, from: Data(text.utf8))
                } catch {
                    try await sender.error(id: 0, "not a view request (expected {\"id\", \"time\", \"pose\", \"seat\" or \"camera\", \"size\"}): \(error)")
                    continue
                }
                switch Result(catching: { () throws(APIError) in try decoded.renderBody.checkedTarget(service: service) }) {
                case let .success((camera, seconds)):
                    let arrival = ContinuousClock.now
                    await mailbox.put(ViewRequest(id: decoded.id ?? 0, camera: camera, seconds: seconds, arrival: arrival,
                                                  sincePrevious: previousArrival.map { arrival - $0 }))
                    previousArrival = arrival
                case let .failure(error):
                    try await sender.error(id: decoded.id ?? 0, error.message)
                }
            }
        } catch let error as SlowClient {
            throw error
        } catch {
            // The client went away mid-message: stop rendering for it.
        }
    }

    /// Renders the newest request; a moving camera's frame is small, and when no newer request
    /// comes within `restDelay` of it, the same view follows at full size.
    private func renderLoop(_ mailbox: SessionMailbox, _ sender: FrameSender) async throws {
        let start = ContinuousClock.now
        var resting: ViewRequest?  // the last view sent small, owed at full size
        while true {
            let taken = await mailbox.take(waitingAtMost: resting == nil ? nil : restDelay)
            switch taken {
            case .closed:
                return
            case .timedOut:
                if let request = resting { try await send(request, moving: false, since: start, mailbox, sender) }
                resting = nil
            case let .request(request):
                let moving = !(await mailbox.isEmpty) || request.sincePrevious.map { $0 < movingGap } ?? false
                try await send(request, moving: moving, since: start, mailbox, sender)
                resting = moving ? request : nil
            }
        }
    }

    /// Renders (in turn with the other sessions, streams and jobs), encodes and sends one frame,
    /// or the one-line error that stopped it.
    private func send(_ request: ViewRequest, moving: Bool, since start: ContinuousClock.Instant,
                      _ mailbox: SessionMailbox, _ sender: FrameSender) async throws {
        let size = request.camera.size
        let wanted = moving ? ImageSize(width: max(1, size.width / 2), height: max(1, size.height / 2)) : size
        let camera = request.camera.resized(to: encoder.frameSize(for: wanted))
        let elapsed = (ContinuousClock.now - start).components
        let timestamp = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
        do {
            let encoder = encoder
            let rendered = try await APIError.mapping {
                try await service.render(camera, seconds: request.seconds, admission: .takesItsTurn) { image in
                    try encoder.encode(image, moving: moving, timestampMicroseconds: timestamp)
                }
            }
            let frame = rendered.payload
            let header = FrameHeaderMessage(id: request.id, width: camera.size.width, height: camera.size.height,
                                            captureMicroseconds: rendered.captureMicroseconds, codec: frame.codec, keyframe: frame.isKeyframe,
                                            timestamp: timestamp, moving: moving, dropped: await mailbox.dropped, error: nil)
            try await sender.frame(header, bytes: frame.bytes)
            service.metrics.sessionBytes.increment(by: Int64(frame.bytes.count))
            (moving ? service.metrics.sessionLatencyMoving : service.metrics.sessionLatencyResting).record(ContinuousClock.now - request.arrival)
            service.metrics.sessionFrames.increment()
        } catch let error as APIError {
            try await sender.error(id: request.id, error.message)
        }
    }
}
