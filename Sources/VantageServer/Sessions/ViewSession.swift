import Foundation
import HummingbirdWebSocket
import VantageGeometry
import VantageMedia
import VantageTransport

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
                    mailbox.close()
                }
                // Either side ending ends the session: a client gone, or one that stopped reading.
                try await group.next()
                try await group.next()
            }
        } catch is SlowClient {
            metrics.sessionsClosedSlow.increment()
        }
        metrics.sessionRequestsDropped.increment(by: Int64(mailbox.dropped))
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
                    mailbox.put(ViewRequest(id: decoded.id ?? 0, camera: camera, seconds: seconds, arrival: arrival,
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
                if let owed = resting { resting = try await send(owed, moving: false, since: start, mailbox, sender) }
            case let .request(request):
                let moving = !mailbox.isEmpty || request.sincePrevious.map { $0 < movingGap } ?? false
                resting = try await send(request, moving: moving, since: start, mailbox, sender)
            }
        }
    }

    /// Renders (in turn with the other sessions, streams and jobs), encodes and sends one frame,
    /// or the one-line error that stopped it. When the render's turn comes, a request that
    /// arrived meanwhile replaces `request` (the camera is still moving then). Returns the view
    /// sent small because it was moving, which is owed at full size once the camera rests.
    private func send(_ request: ViewRequest, moving: Bool, since start: ContinuousClock.Instant,
                      _ mailbox: SessionMailbox, _ sender: FrameSender) async throws -> ViewRequest? {
        let encoder = encoder
        let shown = Locked(ShownView(request, moving: moving, timestamp: 0, encoder: encoder))
        do {
            let rendered = try await APIError.mapping {
                try await service.render(admission: .takesItsTurn, choosing: {
                    let newer = mailbox.takeNewer()
                    let view = ShownView(newer ?? request, moving: moving || newer != nil, timestamp: (ContinuousClock.now - start).microseconds,
                                         encoder: encoder)
                    shown.withLock { $0 = view }
                    return ViewChoice(camera: view.camera, seconds: view.request.seconds, context: view)
                }) { view, image in
                    try encoder.encode(image, moving: view.moving, timestampMicroseconds: view.timestamp)
                }
            }
            let view = shown.current, frame = rendered.payload, size = view.camera.size
            let header = FrameHeaderMessage(id: view.request.id, width: size.width, height: size.height,
                                            captureMicroseconds: rendered.captureMicroseconds, codec: frame.codec, keyframe: frame.isKeyframe,
                                            timestamp: view.timestamp, moving: view.moving, dropped: mailbox.dropped, error: nil)
            try await sender.frame(header, bytes: frame.bytes)
            service.metrics.sessionBytes.increment(by: Int64(frame.bytes.count))
            (view.moving ? service.metrics.sessionLatencyMoving : service.metrics.sessionLatencyResting).record(ContinuousClock.now - view.request.arrival)
            service.metrics.sessionFrames.increment()
        } catch let error as APIError {
            try await sender.error(id: shown.current.request.id, error.message)
        }
        let view = shown.current
        return view.moving ? view.request : nil
    }
}

/// The request a session's frame shows, chosen when its render begins.
private struct ShownView: Sendable {
    let request: ViewRequest
    /// Rendered at half size: the camera was moving.
    let moving: Bool
    /// Microseconds since the session began.
    let timestamp: Int64
    /// The request's camera at the size rendered: half size while moving, as the codec allows.
    let camera: Camera

    init(_ request: ViewRequest, moving: Bool, timestamp: Int64, encoder: any ViewEncoder) {
        self.request = request
        self.moving = moving
        self.timestamp = timestamp
        let size = request.camera.size
        let wanted = moving ? ImageSize(width: max(1, size.width / 2), height: max(1, size.height / 2)) : size
        camera = request.camera.resized(to: encoder.frameSize(for: wanted))
    }
}
