import Foundation
import Testing
@testable import VantageTransport

/// Real PUB/SUB sockets over TCP on 127.0.0.1.
@Suite(.serialized) struct LiveSocketTests {
    @Test func everyFrameArrivesInOrderWithItsBytes() throws {
        let context = try ZMQContext()
        let publisher = try Loopback.publisher(context)
        let subscriber = try Loopback.subscriber(context, to: [publisher.boundEndpoint])
        #expect(publisher.waitForSubscriber(seconds: 5))
        var sent: [WireFrame] = []
        for index in 0..<60 {
            let frame = TestFrames.compressed(camera: index % 2 == 0 ? "cam01" : "cam02", capture: Int64(index) * 10_000,
                                              keyframe: index % 10 < 2, payload: (0..<(100 + index)).map { UInt8(($0 * 7 + index) % 256) })
            try publisher.publish(frame.header, payload: frame.payload)
            sent.append(frame)
        }
        let received = try Loopback.receiveFrames(subscriber, count: 60)
        #expect(received.count == 60)
        #expect(received.map(\.payload) == sent.map(\.payload))
        #expect(received.map(\.header.captureMicroseconds) == sent.map(\.header.captureMicroseconds))
        #expect(received.filter { $0.header.camera == "cam01" }.map(\.header.sequence) == Array(0..<30))
        #expect(subscriber.counters.totalLost == 0)
        #expect(subscriber.counters.cameras["cam02"]?.framesAccepted == 30)
    }

    @Test func largePayloadsLentWithoutCopyingArriveIntactEvenIfTheSenderChangesItsArray() throws {
        let context = try ZMQContext()
        let publisher = try Loopback.publisher(context)
        let subscriber = try Loopback.subscriber(context, to: [publisher.boundEndpoint])
        #expect(publisher.waitForSubscriber(seconds: 5))
        var expected: [[UInt8]] = []
        var payload = [UInt8](repeating: 0, count: 3 << 20)
        for index in 0..<8 {
            for offset in stride(from: 0, to: payload.count, by: 4093) { payload[offset] = UInt8((offset / 4093 + index) % 251) }
            expected.append(payload)
            try publisher.publish(TestFrames.compressed(capture: Int64(index)).header, payload: payload)
            payload[0] = 255  // copy-on-write: the bytes lent to libzmq must not change
        }
        let received = try Loopback.receiveFrames(subscriber, count: 8)
        #expect(received.count == 8 && received.map(\.payload) == expected, "large payloads changed on the way")
    }

    @Test func heartbeatsCarryThePublishersCounters() throws {
        let context = try ZMQContext()
        let publisher = try Loopback.publisher(context)
        let subscriber = try Loopback.subscriber(context, to: [publisher.boundEndpoint])
        #expect(publisher.waitForSubscriber(seconds: 5))
        let frame = TestFrames.compressed()
        try publisher.publish(frame.header, payload: frame.payload)
        try publisher.sendHeartbeat()
        var status: NodeStatus?
        while status == nil, let event = try subscriber.next(timeoutMilliseconds: 3000) {
            if case let .status(received) = event { status = received }
        }
        #expect(status?.node == "test-node")
        #expect(status?.cameras == [.init(camera: "cam01", framesSent: 1, bytesSent: frame.payload.count, errors: 0)])
    }

    @Test func garbageAndBadFramesAreCountedAndTheGoodOnesStillArrive() throws {
        let context = try ZMQContext()
        let raw = try RawPublisher(context)
        let subscriber = try Loopback.subscriber(context, to: [raw.endpoint], cameras: ["cam01"])
        try raw.waitForSubscriber()
        var wrongVersion = TestFrames.parts(TestFrames.compressed(sequence: 1))
        wrongVersion[1][4] = 9
        var oversized = TestFrames.compressed(sequence: 1)
        oversized.header.payloadLength = Int(UInt32.max)
        let oversizedParts = WireProtocol.encodeParts(of: oversized.header)
        let messages: [[[UInt8]]] = [
            [Array("pitch/junk".utf8), [0xde, 0xad, 0xbe, 0xef]],
            [Array("pitch/cam01".utf8), Array(TestFrames.parts(TestFrames.compressed())[1].prefix(20)), []],
            wrongVersion,
            [oversizedParts.topic, oversizedParts.header, oversized.payload],
            TestFrames.parts(TestFrames.compressed(camera: "cam09")),
            TestFrames.parts(TestFrames.compressed(sequence: 5, keyframe: true)),
            TestFrames.parts(TestFrames.compressed(sequence: 3, keyframe: false)),
            TestFrames.parts(TestFrames.compressed(sequence: 6, keyframe: false)),
        ]
        for message in messages { try raw.send(message) }
        let received = try Loopback.receiveFrames(subscriber, count: 2, idleSeconds: 2)
        #expect(received.map(\.header.sequence) == [5, 6])
        let counters = subscriber.counters
        #expect(counters.refusedMessages == ["garbage": 1, "malformedHeader": 1, "unknownVersion": 1, "badPayloadSize": 1])
        #expect(counters.unknownCameraFrames == ["cam09": 1])
        #expect(counters.cameras["cam01"]?.framesOutOfOrder == 1)
    }

    @Test func aSubscriberThatJoinsMidStreamStartsAtAKeyframe() throws {
        let context = try ZMQContext()
        let raw = try RawPublisher(context)
        let subscriber = try Loopback.subscriber(context, to: [raw.endpoint])
        try raw.waitForSubscriber()
        for sequence in 35...44 {
            try raw.send(TestFrames.parts(TestFrames.compressed(sequence: UInt64(sequence), keyframe: sequence == 40)))
        }
        let received = try Loopback.receiveFrames(subscriber, count: 5, idleSeconds: 2)
        #expect(received.map(\.header.sequence) == [40, 41, 42, 43, 44])
        #expect(subscriber.counters.cameras["cam01"]?.framesAwaitingKeyframe == 5)
        #expect(subscriber.counters.totalLost == 0)
    }

    @Test func framesDroppedAtTheHighWaterMarkAreCountedAsLost() throws {
        let context = try ZMQContext()
        let publisher = try Loopback.publisher(context, dropWhenFull: true, highWaterMark: 4)
        let subscriber = try Loopback.subscriber(context, to: [publisher.boundEndpoint], highWaterMark: 4)
        #expect(publisher.waitForSubscriber(seconds: 5))
        let payload = [UInt8](repeating: 1, count: 200_000)
        for index in 0..<300 {
            try publisher.publish(TestFrames.compressed(capture: Int64(index)).header, payload: payload)
        }
        var last = TestFrames.compressed(capture: 300).header
        last.isKeyframe = true
        Thread.sleep(forTimeInterval: 0.2)
        try publisher.publish(last, payload: [1])
        let received = try Loopback.receiveFrames(subscriber, count: 301, idleSeconds: 1)
        let counters = try #require(subscriber.counters.cameras["cam01"])
        #expect(counters.framesLost > 0)
        // Everything up to the last frame is accounted for, kept or counted as lost (heartbeats
        // may reveal more lost after it), and nothing is counted twice.
        let lastSequence = try #require(received.last?.header.sequence)
        let accounted = UInt64(counters.framesAccepted) + counters.framesLost
        #expect(accounted >= lastSequence + 1 && accounted <= 301)
    }
}
