import Hummingbird
import Logging
import NIOCore
import VantageMedia

extension Router<VantageRequestContext> {
    /// `GET /api/stream.ts`: a view as an MPEG-TS stream of H.264 over plain HTTP, for players
    /// that are not browsers (`ffplay`, VLC). Everything is checked before the first byte; then
    /// frames are rendered one after another on the render thread, each written before the next
    /// is rendered, so a slow player gets its frames later, never a growing queue.
    func addStreamRoute(service: RenderService) {
        get("/api/stream.ts") { request, context -> Response in
            let plan = try StreamPlan(query: QueryValues(request), service: service)
            let maxStreams = service.options.maxStreams
            guard service.metrics.activeStreams < maxStreams else {
                throw APIError(.serviceUnavailable, "this server already streams to \(maxStreams) players; try again later")
            }
            let encoder = try await APIError.mapping { () throws(MediaError) in
                try TransportStreamEncoder(width: plan.camera.size.width, height: plan.camera.size.height, framesPerSecond: plan.framesPerSecond)
            }
            let logger = context.logger
            return Response(status: .ok, headers: [.contentType: "video/mp2t", .cacheControl: "no-store"], body: ResponseBody { writer in
                // The check above answers with a 503; this catches streams that raced past it (they end empty).
                guard service.metrics.streams.open(limit: maxStreams) else {
                    logger.warning("stream of \(plan.camera.name) refused: \(maxStreams) streams are playing")
                    return try await writer.finish(nil)
                }
                defer { service.metrics.streams.closed() }
                var index = 0
                while let seconds = plan.seconds(ofFrame: index) {
                    let bytes: [UInt8]
                    do {
                        bytes = try await service.render(plan.camera, seconds: seconds, admission: .takesItsTurn) { image in try encoder.append(image) }.payload
                    } catch {
                        logger.warning("stream of \(plan.camera.name) ended at frame \(index): \(error)")
                        throw error
                    }
                    try await writer.write(ByteBuffer(bytes: bytes))
                    service.metrics.streamFrames.increment()
                    index += 1
                }
                try await writer.write(ByteBuffer(bytes: try encoder.finish()))
                try await writer.finish(nil)
            })
        }
    }
}
