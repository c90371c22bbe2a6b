import Foundation
import HummingbirdWebSocket
import NIOCore
import VantageGeometry

/// One interactive viewer over a WebSocket (nerfstudio's policy): the newest view request wins,
/// a moving camera gets frames at half size, and once it rests for `restDelay` the last view is
/// sent again at full size. Each frame is a JSON header (`FrameHeaderMessage`) then the JPEG.
struct ViewSession {
    let service: RenderService
    var movingGap: Duration = .milliseconds(200)
    var restDelay: Duration = .milliseconds(250)
    /// Largest message a client may send.
    static let maxMessageBytes = 64 * 1024

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let mailbox = SessionMailbox()
        let sender = FrameSender(outbound: outbound)
        service.metrics.sessionOpened()
        defer { service.metrics.sessionClosed() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await renderLoop(mailbox, sender) }
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
                        try await sender.error(id: 0, "not a view request (expected {\"id\", \"time\", \"pose\" or \"camera\", \"size\"}): \(error)")
                        continue
                    }
                    switch Result(catching: { () throws(APIError) in try decoded.renderBody.checkedTarget(service: service) }) {
                    case let .success((camera, seconds)):
                        await mailbox.put(ViewRequest(id: decoded.id ?? 0, camera: camera, seconds: seconds, arrival: .now))
                    case let .failure(error):
                        try await sender.error(id: decoded.id ?? 0, error.message)
                    }
                }
            } catch {
                // The client went away mid-message: stop rendering for it.
            }
            await mailbox.close()
            try await group.waitForAll()
        }
    }

    private func renderLoop(_ mailbox: SessionMailbox, _ sender: FrameSender) async throws {
        var previousArrival: ContinuousClock.Instant?
        while let request = await mailbox.take() {
            let moving = !(await mailbox.isEmpty) || previousArrival.map { request.arrival - $0 < movingGap } ?? false
            previousArrival = request.arrival
            try await send(request, moving: moving, mailbox, sender)
            guard moving else { continue }
            try await Task.sleep(for: restDelay)
            if await mailbox.isEmpty { try await send(request, moving: false, mailbox, sender) }
        }
    }

    private func send(_ request: ViewRequest, moving: Bool, _ mailbox: SessionMailbox, _ sender: FrameSender) async throws {
        let size = request.camera.size
        let camera = moving ? request.camera.resized(to: ImageSize(width: max(1, size.width / 2), height: max(1, size.height / 2))) : request.camera
        do {
            let image = try await APIError.mapping {
                try await service.render(camera, seconds: request.seconds, encoding: try ImageEncoding(format: "jpeg", quality: moving ? 70 : 85))
            }
            let header = FrameHeaderMessage(id: request.id, width: image.width, height: image.height, captureMicroseconds: image.captureMicroseconds,
                                            moving: moving, dropped: await mailbox.dropped, error: nil)
            try await sender.frame(header, jpeg: image.bytes)
        } catch let error as APIError {
            try await sender.error(id: request.id, error.message)
        }
    }
}

/// Writes a session's messages one at a time, so a frame's header and bytes stay together.
actor FrameSender {
    let outbound: WebSocketOutboundWriter

    init(outbound: WebSocketOutboundWriter) { self.outbound = outbound }

    func frame(_ header: FrameHeaderMessage, jpeg: [UInt8]) async throws {
        try await outbound.write(.text(String(decoding: try JSONEncoder().encode(header), as: UTF8.self)))
        try await outbound.write(.binary(ByteBuffer(bytes: jpeg)))
    }

    func error(id: Int, _ message: String) async throws {
        let header = FrameHeaderMessage(id: id, error: message)
        try await outbound.write(.text(String(decoding: try JSONEncoder().encode(header), as: UTF8.self)))
    }
}
