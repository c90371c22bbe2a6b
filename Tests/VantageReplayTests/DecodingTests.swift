import Foundation
import Testing
import VantageMedia
import VantageTransport
@testable import VantageReplay
import VantageTestSupport

struct DecodingTests {
    @Test func everyFrameOfAClipWithBFramesDecodesLikeMediaReader() throws {
        let folder = try TemporaryDirectory()
        let clip = folder.url.appendingPathComponent("clip.mp4").path
        try VideoFixtures.writeClip(to: clip, count: 40, gop: 10)
        let store = try ReplayStore(directory: folder.store)
        let frames = try VideoFixtures.storePackets(of: clip, into: store)
        let timestamps = frames.compactMap(\.header.presentationTimestamp)
        #expect(timestamps != timestamps.sorted(), "the clip has B-frames: decode order is not presentation order")
        let reference = try VideoFixtures.referenceImages(clip)
        #expect(reference.count == 40)
        // Ask from the end backwards so that no request is served from what an earlier one cached.
        let decoder = ReplayDecoder(store: store, cacheBytes: 0)
        for frame in frames.reversed() {
            let image = try decoder.image(camera: "cam01", captureMicroseconds: frame.header.captureMicroseconds)
            #expect(image == reference[frame.header.presentationTimestamp!], "frame \(frame.header.sequence)")
        }
        // Forward in presentation order, the decoder continues where the previous request left it.
        let stepping = ReplayDecoder(store: store, cacheBytes: 0)
        for frame in frames.sorted(by: { $0.header.presentationTimestamp! < $1.header.presentationTimestamp! }) {
            let image = try stepping.image(camera: "cam01", captureMicroseconds: frame.header.captureMicroseconds)
            #expect(image == reference[frame.header.presentationTimestamp!], "frame \(frame.header.sequence), stepping forward")
        }
        // A reopened store gives the same pictures, through the cache this time.
        let reopened = ReplayDecoder(store: try ReplayStore(directory: folder.store, access: .readOnly))
        for frame in frames {
            let image = try reopened.image(camera: "cam01", captureMicroseconds: frame.header.captureMicroseconds + 1000)
            #expect(image == reference[frame.header.presentationTimestamp!], "frame \(frame.header.sequence)")
        }
    }

    @Test func framesBeforeTheFirstStoredKeyframeAreUnavailable() throws {
        let folder = try TemporaryDirectory()
        let clip = folder.url.appendingPathComponent("clip.mp4").path
        try VideoFixtures.writeClip(to: clip, count: 20, gop: 10)
        let source = try TemporaryDirectory()
        let all = try VideoFixtures.storePackets(of: clip, into: try ReplayStore(directory: source.store))
        // The store joins the stream three packets after its first keyframe.
        let store = try ReplayStore(directory: folder.store)
        for frame in all.dropFirst(3) { try store.append(frame) }
        let decoder = ReplayDecoder(store: store)
        let early = try #require(all.dropFirst(3).first { !$0.header.isKeyframe })
        let error = try #require(throws: ReplayError.self) {
            try decoder.image(camera: "cam01", captureMicroseconds: early.header.captureMicroseconds)
        }
        #expect(error.kind == .frameUnavailable && error.message.contains("no keyframe"), "\(error)")
        let reference = try VideoFixtures.referenceImages(clip)
        let late = all[15]
        #expect(try decoder.image(camera: "cam01", captureMicroseconds: late.header.captureMicroseconds) == reference[late.header.presentationTimestamp!])
        #expect(throws: ReplayError.self) { try decoder.image(camera: "cam02", captureMicroseconds: 0) }
    }

    @Test func rawRGBFramesBecomeImagesWithoutRowPadding() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store)
        var frame = TestFrames.raw(sequence: 3, captureMicroseconds: 500, width: 4, height: 2)
        // Rows of 16 bytes for 12 bytes of pixels.
        let padding: [UInt8] = [0xEE, 0xEE, 0xEE, 0xEE]
        let padded: [UInt8] = Array(frame.payload[0..<12]) + padding + Array(frame.payload[12..<24]) + padding
        frame.header.payload = .raw(planes: [RawPlane(bytesPerRow: 16, rows: 2)])
        frame.header.payloadLength = padded.count
        let tight = frame.payload
        frame.payload = padded
        try store.append(frame)
        let image = try ReplayDecoder(store: store).image(camera: "cam01", captureMicroseconds: 480)
        #expect(image == RGBImage(width: 4, height: 2, pixels: tight))
    }

    @Test func otherRawFormatsAreRefusedByName() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store)
        var frame = TestFrames.raw(sequence: 0, captureMicroseconds: 0, width: 12, height: 4)
        frame.header.pixelFormatName = "gray"
        frame.header.width = 36
        frame.header.payload = .raw(planes: [RawPlane(bytesPerRow: 36, rows: 4)])
        try store.append(frame)
        let error = try #require(throws: ReplayError.self) { try ReplayDecoder(store: store).image(camera: "cam01", captureMicroseconds: 0) }
        #expect(error.kind == .unsupportedPayload && error.message.contains("gray"), "\(error)")
    }

    @Test(.enabled(if: SharedData.isAvailable, "../shared/data not found"))
    func pose2simFramesDecodeLikeMediaReader() throws {
        let video = SharedData.path("pose2sim-single/videos/cam01.mp4")
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store)
        let frames = try VideoFixtures.storePackets(of: video, into: store)
        #expect(frames.count == 100)
        let reference = try VideoFixtures.referenceImages(video)
        #expect(reference.count == 100)
        // In presentation order: the first, the one right after each keyframe (the clip has one, at
        // the start), one in the middle, the last (99 packets after the keyframe).
        let shown = frames.sorted { $0.header.presentationTimestamp! < $1.header.presentationTimestamp! }
        let keyframes = shown.indices.filter { shown[$0].header.isKeyframe }
        #expect(keyframes == [0])
        let picks = [0] + keyframes.map { $0 + 1 } + [shown.count / 2, shown.count - 1]
        let decoder = ReplayDecoder(store: store, cacheBytes: 0)
        for pick in picks {
            let frame = shown[pick]
            let image = try decoder.image(camera: "cam01", captureMicroseconds: frame.header.captureMicroseconds)
            #expect(image == reference[frame.header.presentationTimestamp!], "frame \(pick) in presentation order")
        }
    }
}
