import Foundation
import Testing
import VantageTestSupport
import VantageMedia
@testable import VantageTransport

@Suite struct WireProtocolTests {
    @Test func compressedKeyframeRoundTrips() throws {
        let frame = TestFrames.compressed()
        #expect(try WireProtocol.decode(TestFrames.parts(frame)) == .frame(frame))
    }

    @Test func compressedDeltaFrameCarriesOnlyTheCodecName() throws {
        let frame = TestFrames.compressed(sequence: 3, keyframe: false)
        let decoded = try WireProtocol.decode(TestFrames.parts(frame))
        #expect(decoded == .frame(frame))
        #expect(frame.header.payload == .compressed(codecName: "h264", parameters: nil))
    }

    @Test func rawFrameAndMissingTimestampsRoundTrip() throws {
        let frame = TestFrames.raw()
        #expect(try WireProtocol.decode(TestFrames.parts(frame)) == .frame(frame))
    }

    @Test func heartbeatRoundTrips() throws {
        let status = NodeStatus(rig: "pitch", node: "ingest-a", streamID: 7, uptimeMicroseconds: 5_000_000,
                                cameras: [.init(camera: "cam01", framesSent: 10, bytesSent: 1234, errors: 1)])
        #expect(try WireProtocol.decode(WireProtocol.encodeParts(of: status)) == .status(status))
    }

    @Test func wrongPartCountAndMagicAreGarbage() {
        var parts = TestFrames.parts(TestFrames.compressed())
        expectRefused(Array(parts.prefix(2)), .garbage)
        expectRefused(parts + [[1]], .garbage)
        parts[1][0] = UInt8(ascii: "X")
        expectRefused(parts, .garbage)
        expectRefused([[], [], []], .garbage)
    }

    @Test func everyTruncatedHeaderIsRefused() {
        let parts = TestFrames.parts(TestFrames.compressed())
        for length in 0..<parts[1].count {
            let error = refusal([parts[0], Array(parts[1].prefix(length)), parts[2]])
            #expect(error == .garbage || error == .malformedHeader, "header cut to \(length) bytes gave \(String(describing: error))")
        }
    }

    @Test func unknownVersionIsRefused() {
        var parts = TestFrames.parts(TestFrames.compressed())
        parts[1][4] = 2
        expectRefused(parts, .unknownVersion)
    }

    @Test func oversizedPayloadClaimIsRefusedBeforeReadingIt() {
        var frame = TestFrames.compressed()
        frame.header.payloadLength = 300 << 20
        let (topic, header) = WireProtocol.encodeParts(of: frame.header)
        expectRefused([topic, header, frame.payload], .badPayloadSize)
        let small = TestFrames.compressed(payload: Array(repeating: 9, count: 100))
        #expect(throws: WireError.self) { try WireProtocol.decode(TestFrames.parts(small), maxPayloadBytes: 99) }
    }

    @Test func payloadThatDisagreesWithTheHeaderIsRefused() {
        var parts = TestFrames.parts(TestFrames.compressed())
        parts[2].removeLast()
        expectRefused(parts, .badPayloadSize)
        var raw = TestFrames.parts(TestFrames.raw())
        raw[2].append(0)
        expectRefused(raw, .badPayloadSize)
    }

    @Test func topicMustNameTheHeadersCamera() {
        var parts = TestFrames.parts(TestFrames.compressed())
        parts[0] = Array("pitch/cam02".utf8)
        expectRefused(parts, .topicMismatch)
    }

    @Test func impossibleFieldsAreRefused() {
        var zeroSize = TestFrames.compressed()
        zeroSize.header.width = 0
        expectRefused(TestFrames.parts(zeroSize), .malformedHeader)
        var badFlags = TestFrames.parts(TestFrames.compressed())
        let flagsOffset = 6 + 2 + "pitch".utf8.count + 2 + "cam01".utf8.count + 24
        badFlags[1][flagsOffset] = 0xFF
        expectRefused(badFlags, .malformedHeader)
    }

    @Test func randomBytesNeverCrashTheDecoder() {
        var random = SplitMix64(state: 42)
        let valid = TestFrames.parts(TestFrames.compressed())
        for round in 0..<2000 {
            var parts = valid
            if round % 2 == 0 {
                parts[1] = (0..<Int.random(in: 0...120, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                let index = Int.random(in: 0..<parts[1].count, using: &random)
                parts[1][index] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? WireProtocol.decode(parts)
        }
    }

    @Test func namesThatCannotBeTopicsAreInvalid() {
        #expect(WireProtocol.isValidName("cam01"))
        #expect(!WireProtocol.isValidName(""))
        #expect(!WireProtocol.isValidName("a/b"))
        #expect(!WireProtocol.isValidName("@status"))
        #expect(!WireProtocol.isValidName("tab\there"))
    }

    private func refusal(_ parts: [[UInt8]]) -> WireError.Kind? {
        do {
            _ = try WireProtocol.decode(parts)
            return nil
        } catch {
            return error.kind
        }
    }

    private func expectRefused(_ parts: [[UInt8]], _ kind: WireError.Kind, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(refusal(parts) == kind, sourceLocation: sourceLocation)
    }
}
