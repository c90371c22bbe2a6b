import Foundation
import Testing
import VantageMedia
import VantageTestSupport

/// Cut-short files, garbage packets and bad codec parameters: the packets before the damage, a
/// count of damaged packets or a `MediaError` naming the source; never a crash.
struct PacketDamageTests {
    /// MP4 keeps its index (moov) at the end: 60 % of the file may not open at all.
    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func truncatedRealMP4() throws {
        let path = SharedData.path("pose2sim-single/videos/cam01.mp4")
        let full = try readAll(PacketReader(path))
        let directory = try TemporaryDirectory()
        let truncated = try writePrefix(of: path, fraction: 0.6, in: directory)
        do {
            let returned = try readUntilFailure(PacketReader(truncated), source: truncated)
            expectPrefix(returned, of: full)
        } catch {
            #expect(error.description.hasPrefix(truncated + ": "), "\(error)")
        }
    }

    /// The same camera remuxed into Matroska by ffmpeg (packets unchanged) and cut at 60 %: its first
    /// packets come back byte for byte.
    @Test(.enabled(if: SharedData.isAvailable && FFmpegTools.isAvailable, "needs ../shared/data, ffprobe and ffmpeg"))
    func truncatedRealMatroskaRemux() throws {
        let original = try readAll(PacketReader(SharedData.path("pose2sim-single/videos/cam01.mp4")))
        let directory = try TemporaryDirectory()
        let remux = directory.path("cam01.mkv")
        try FFmpegTools.remux(SharedData.path("pose2sim-single/videos/cam01.mp4"), to: remux)
        #expect(try readAll(PacketReader(remux)).map(\.data) == original.map(\.data))
        let truncated = try writePrefix(of: remux, fraction: 0.6, in: directory)
        let returned = try readUntilFailure(PacketReader(truncated), source: truncated)
        #expect(returned.count >= 40 && returned.count < original.count, "\(returned.count) of \(original.count) packets")
        expectPrefix(returned.map(\.data), of: original.map(\.data))
    }

    /// Streamable containers cut at 60 %: the packets before the cut come back.
    @Test(arguments: [ContainerFormat.mpegTS, .matroska, .fragmentedMP4])
    func truncatedStreamableClip(container: ContainerFormat) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(container == .mpegTS ? "clip.ts" : container == .matroska ? "clip.mkv" : "clip.mp4")
        let options = VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 5)
        try writePatternClip(to: path, options: options, count: 40, container: container)
        let full = try readAll(PacketReader(path))
        let truncated = try writePrefix(of: path, fraction: 0.6, in: directory)
        let reader = try PacketReader(truncated)
        let returned = readUntilFailure(reader, source: truncated)
        #expect(returned.count >= 10 && returned.count < full.count, "\(returned.count) of \(full.count) packets")
        expectPrefix(returned, of: full)
        let decoder = try PacketDecoder(reader.codecParameters, startTimestamp: reader.startTimestamp, source: truncated)
        #expect(try decodeAll(returned, with: decoder).count >= returned.count - 5, "all but the cut GOP decode")
    }

    /// Random bytes after a few good packets, then the rest of the stream; after a flush the decoder
    /// starts cleanly at the next keyframe.
    @Test(arguments: [("libx264", "clip.mkv"), ("mpeg4", "clip.avi"), ("libvpx-vp9", "clip.mkv")])
    func garbagePacketsAreCountedOrRejected(encoderName: String, fileName: String) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(fileName)
        var options = VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 5)
        options.encoderName = encoderName
        try writePatternClip(to: path, options: options, count: 20, container: nil)
        let reader = try PacketReader(path)
        let packets = try readAll(reader)
        let decoder = try PacketDecoder(reader.codecParameters, source: "camera 7")
        var generator = SplitMix64(state: 11)
        let garbage = (0..<20).map { index in
            let count = index == 0 ? 1 : Int.random(in: 2...4000, using: &generator)
            return EncodedPacket(data: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) },
                                 presentationTimestamp: Int64(1000 + index), decodeTimestamp: nil, duration: 0,
                                 isKeyframe: index.isMultiple(of: 2))
        }
        var rejected: [MediaError] = []
        for packet in packets.prefix(3) + garbage + packets.dropFirst(3) {
            do { _ = try decoder.decode(packet) } catch { rejected.append(error) }
        }
        do { _ = try decoder.flush() } catch { rejected.append(error) }
        #expect(decoder.damagedPacketCount + rejected.count >= garbage.count / 2,
                "\(decoder.damagedPacketCount) damaged, \(rejected.count) rejected of \(garbage.count) garbage packets")
        #expect(rejected.allSatisfy { $0.description.hasPrefix("camera 7: ") }, "\(rejected)")

        let keyframe = try #require(packets.indices.last { packets[$0].isKeyframe })
        let frames = try decodeAll(Array(packets[keyframe...]), with: decoder)
        #expect(frames.count == packets.count - keyframe, "a clean restart at the last keyframe")
    }

    @Test func garbageBeforeAnyKeyframeAndEmptyPackets() throws {
        let parameters = CodecParameters(codecName: "h264", extradata: [], width: 320, height: 240,
                                         pixelFormatName: "yuv420p", timeBase: MediaRational(1, 25))
        let decoder = try PacketDecoder(parameters)
        var generator = SplitMix64(state: 3)
        for size in [0, 1, 7, 1500] {
            let packet = EncodedPacket(data: (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) },
                                       presentationTimestamp: nil, decodeTimestamp: nil, duration: 0, isKeyframe: true)
            do { _ = try decoder.decode(packet) } catch { #expect(error.description.hasPrefix("h264 packets: "), "\(error)") }
        }
        #expect(decoder.damagedPacketCount >= 1, "the empty packet at least")
        #expect(try decoder.flush().isEmpty)
    }

    /// Setup bytes that are not an avcC record: a typed error at once, or damage when decoding.
    @Test func garbageExtradata() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("clip.mp4")
        try writePatternClip(to: path, options: VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1)), count: 5)
        let reader = try PacketReader(path)
        var parameters = reader.codecParameters
        parameters.extradata = [1, 0x64, 0, 0x1F, 0xFF, 0xE1, 0xFF, 0xFF, 0x42]
        do {
            let decoder = try PacketDecoder(parameters)
            var frames = 0
            for packet in try readAll(reader) { frames += try decoder.decode(packet).count }
            frames += try decoder.flush().count
            #expect(frames == 0, "no picture without the SPS and PPS the setup bytes should hold")
            #expect(decoder.damagedPacketCount == 5)
        } catch let error as MediaError {
            #expect(error.description.hasPrefix("h264 packets: "), "\(error)")
        }
    }

    @Test func unknownCodecAndBadParameters() throws {
        let good = CodecParameters(codecName: "h264", extradata: [], width: 64, height: 64,
                                   pixelFormatName: "yuv420p", timeBase: MediaRational(1, 90_000))
        let unknown = try #require(throws: MediaError.self) {
            var parameters = good
            parameters.codecName = "no-such-codec"
            _ = try PacketDecoder(parameters, source: "peer 10.0.0.7")
        }
        #expect(unknown == .noDecoder(source: "peer 10.0.0.7", codec: "no-such-codec"))
        #expect(unknown.description == "peer 10.0.0.7: unsupported codec 'no-such-codec': no decoder for it in this FFmpeg build")

        var audio = good
        audio.codecName = "aac"
        var badSize = good
        badSize.width = -1
        var badTimeBase = good
        badTimeBase.timeBase = MediaRational(0, 1)
        var badPixelFormat = good
        badPixelFormat.pixelFormatName = "yuv999p"
        let cases = [(audio, "codec 'aac'"), (badSize, "size -1x64"), (badTimeBase, "time base 0/1"),
                     (badPixelFormat, "pixel format 'yuv999p'")]
        for (parameters, option) in cases {
            let error = try #require(throws: MediaError.self) { _ = try PacketDecoder(parameters) }
            #expect(error.description.hasPrefix("\(parameters.codecName) packets: invalid \(option) (expected "), "\(error)")
        }
        let threads = try #require(throws: MediaError.self) { _ = try PacketDecoder(good, threadCount: -2) }
        #expect(threads.description.hasPrefix("h264 packets: invalid thread count -2"))
    }

    /// Packets until the end or the first error, which must name `source`; a failed reader stays finished.
    private func readUntilFailure(_ reader: PacketReader, source: String) -> [EncodedPacket] {
        var packets: [EncodedPacket] = []
        do {
            while let packet = try reader.nextPacket() { packets.append(packet) }
        } catch {
            #expect(error.description.hasPrefix(source + ": "), "\(error)")
        }
        #expect((try? reader.nextPacket()) == .some(nil), "a finished reader stays finished")
        return packets
    }

    /// Each returned packet equals the intact file's at the same place; the last may be cut short.
    private func expectPrefix(_ returned: [EncodedPacket], of full: [EncodedPacket]) {
        #expect(returned.count <= full.count)
        for (index, (packet, original)) in zip(returned, full).enumerated() where packet != original {
            var cut = original
            cut.data = Array(original.data.prefix(packet.data.count))
            #expect(index == returned.count - 1 && packet == cut, "packet \(index) differs from the intact file's")
        }
    }

    private func expectPrefix(_ returned: [[UInt8]], of full: [[UInt8]]) {
        expectPrefix(returned.map(Self.packet), of: full.map(Self.packet))
    }

    private static func packet(_ data: [UInt8]) -> EncodedPacket {
        EncodedPacket(data: data, presentationTimestamp: nil, decodeTimestamp: nil, duration: 0, isKeyframe: false)
    }

    private func writePrefix(of path: String, fraction: Double, in directory: TemporaryDirectory) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let truncated = directory.path("truncated-" + URL(fileURLWithPath: path).lastPathComponent)
        try Array(bytes.prefix(Int(Double(bytes.count) * fraction))).write(to: truncated)
        return truncated
    }
}
