import ArgumentParser
import Foundation
import VantageMedia
import VantageTransport

/// `publish`: sends N raw rgb24 frames, losslessly (XPUB_NODROP: waits when a subscriber's queue is full).
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Publish N raw rgb24 frames once a subscriber is there.")

    @Option(help: "Endpoint to bind, e.g. tcp://127.0.0.1:5555.")
    var endpoint: String
    @Option(help: "Frames to send.")
    var frames = 300
    @Option var width = 1920
    @Option var height = 1080
    @Option(help: "Seconds to wait for a subscriber.")
    var waitForSubscriber = 30.0
    @Option(help: "Messages queued per subscriber (ZMQ_SNDHWM).")
    var highWaterMark: Int32 = 200

    func run() throws {
        let payloads = TestFrames.make(width: width, height: height)
        let context = try ZMQContext()
        try publish(payloads, context: context)  // the publisher's socket closes before the context
    }

    private func publish(_ payloads: [[UInt8]], context: ZMQContext) throws {
        var options = PublisherOptions(endpoint: endpoint, rig: BenchStream.rig, node: "throughput-publisher")
        options.dropWhenFull = false
        options.sendHighWaterMark = highWaterMark
        let publisher = try FramePublisher(context: context, options: options)
        guard publisher.waitForSubscriber(seconds: waitForSubscriber) else {
            throw ValidationError("no subscriber on \(publisher.boundEndpoint) after \(waitForSubscriber) s")
        }
        for index in 0..<frames {
            let header = FrameHeader(
                rig: BenchStream.rig, camera: BenchStream.camera, streamID: 0, sequence: 0,
                captureMicroseconds: Int64(index) * 20_000, presentationTimestamp: Int64(index), decodeTimestamp: nil,
                duration: 1, timeBase: MediaRational(1, 50), isKeyframe: true, width: width, height: height,
                pixelFormatName: "rgb24", payload: .raw(planes: [RawPlane(bytesPerRow: width * 3, rows: height)]),
                payloadLength: 0)
            try publisher.publish(header, payload: payloads[index % payloads.count])
        }
        try publisher.sendHeartbeat()
        try publisher.drainOnClose(seconds: 60)
    }
}
