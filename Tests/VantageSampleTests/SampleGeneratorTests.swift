import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSample

struct SampleGeneratorTests {
    /// A small, quick sample: 3 source cameras, 2 truth cameras, 3 frames of 192×108.
    static func smallOptions(_ output: URL, seed: UInt64 = 5) -> SampleOptions {
        var options = SampleOptions(output: output)
        options.cameras = 3
        options.truthCameras = 2
        options.seconds = 0.3
        options.framesPerSecond = 10
        options.size = ImageSize(width: 192, height: 108)
        options.seed = seed
        return options
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-sample-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func sampleFolderHoldsWhatTheManifestSays() throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let options = Self.smallOptions(parent.appendingPathComponent("stadium"))
        var reported: [Int] = []
        let summary = try SampleGenerator.generate(options) { reported.append($0.framesDone) }
        #expect(reported == [1, 2, 3])
        #expect(summary.sourceCameras == ["cam01", "cam02", "cam03"] && summary.truthCameras == ["truth01", "truth02"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["stadium"], "no partial folder left")

        let layout = SampleLayout(folder: options.output)
        let sources = try RigFile.read(from: layout.sourceRig)
        #expect(sources.cameras.map(\.camera.name) == summary.sourceCameras)
        for member in sources.cameras {
            let video = try #require(member.media).resolvedLocation(rigDirectory: layout.folder)
            let reader = try MediaReader(video)
            #expect(reader.info.codecName == "h264" && reader.info.width == 192 && reader.info.height == 108)
            var frames = 0
            while try reader.nextFrame() != nil { frames += 1 }
            #expect(frames == 3, "\(video) decodes to the expected frame count")
        }
        let truths = try RigFile.read(from: layout.truthRig)
        for member in truths.cameras {
            // The truth media is an image2 pattern: libavformat opens the PNG sequence as one stream.
            let pattern = try #require(member.media).resolvedLocation(rigDirectory: layout.folder)
            let reader = try MediaReader(pattern)
            var frames = 0
            while try reader.nextFrame() != nil { frames += 1 }
            #expect(frames == 3)
        }
        for camera in summary.sourceCameras + summary.truthCameras {
            for frame in 0..<3 {
                let depth = try DepthMap(pfmAt: layout.depth(camera, frame: frame).path)
                #expect(depth.width == 192 && depth.height == 108)
                #expect(depth.values.contains { $0.isFinite && $0 > 1 })
            }
        }
        let sheet = try ImageIO.read(layout.contactSheet.path)
        #expect(sheet.width > 192)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: layout.manifest)) as? [String: Any]
        #expect(manifest?["frameCount"] as? Int == 3)
    }

    @Test func sameSeedGivesByteIdenticalFrames() throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let first = Self.smallOptions(parent.appendingPathComponent("a")), second = Self.smallOptions(parent.appendingPathComponent("b"))
        var other = Self.smallOptions(parent.appendingPathComponent("c"), seed: 6)
        other.truthCameras = 2
        for options in [first, second, other] { _ = try SampleGenerator.generate(options) }
        func truthFrame(_ options: SampleOptions) throws -> Data {
            try Data(contentsOf: SampleLayout(folder: options.output).truthFrame("truth01", frame: 2))
        }
        func decodedSourceFrames(_ options: SampleOptions) throws -> [RGBImage] {
            let reader = try MediaReader(options.output.appendingPathComponent("cam02.mp4").path)
            let converter = PixelConverter()
            var images: [RGBImage] = []
            while let frame = try reader.nextFrame() { images.append(try converter.rgbImage(from: frame)) }
            return images
        }
        #expect(try truthFrame(first) == truthFrame(second))
        #expect(try decodedSourceFrames(first) == decodedSourceFrames(second))
        #expect(try truthFrame(first) != truthFrame(other), "another seed moves the players")
    }

    @Test func absurdOptionsFailBeforeAnyWork() throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("stadium")
        func expectRejected(_ edit: (inout SampleOptions) -> Void, naming fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            var options = Self.smallOptions(output)
            edit(&options)
            #expect(sourceLocation: sourceLocation) { try SampleGenerator.generate(options) } throws: { error in
                "\(error)".contains(fragment)
            }
            #expect(!FileManager.default.fileExists(atPath: output.path), sourceLocation: sourceLocation)
        }
        expectRejected({ $0.cameras = 0 }, naming: "--cameras")
        expectRejected({ $0.size = ImageSize(width: 0, height: 0) }, naming: "--size")
        expectRejected({ $0.size = ImageSize(width: 191, height: 108) }, naming: "even")
        expectRejected({ $0.seconds = -1 }, naming: "--seconds")
        expectRejected({ $0.seconds = .nan }, naming: "--seconds")
        expectRejected({ $0.framesPerSecond = 0 }, naming: "--fps")
        expectRejected({ $0.output = URL(fileURLWithPath: "/nonexistent-\(UUID())/stadium") }, naming: "does not exist")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        var existing = Self.smallOptions(output)
        existing.overwrite = false
        #expect { try SampleGenerator.generate(existing) } throws: { "\($0)".contains("already exists") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "the existing folder is untouched")
    }

    @Test func anAbandonedPartialFolderRemovesItself() throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var partialPath: URL?
        do {
            let partial = PartialFolder(final: parent.appendingPathComponent("stadium"))
            try partial.create()
            try Data("half".utf8).write(to: partial.url.appendingPathComponent("cam01.mp4"))
            partialPath = partial.url
        }
        #expect(!FileManager.default.fileExists(atPath: try #require(partialPath).path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }
}

/// `Calibration/stadium.json` is the default sample's rig with media paths into `Samples/stadium`;
/// it must not drift from what the generator writes.
struct CommittedRigTests {
    @Test func calibrationRigMatchesTheDefaultSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try RigFile.read(from: root.appendingPathComponent("Calibration/stadium.json"))
        let generated = SampleGenerator.rigs(SampleOptions(output: root.appendingPathComponent("Samples/stadium"))).sources
        #expect(committed.cameras.map(\.camera) == generated.cameras.map(\.camera))
        #expect(committed.bounds == generated.bounds)
        #expect(committed.cameras.map { $0.media?.location } == generated.cameras.map { "../Samples/stadium/" + ($0.media?.location ?? "") })
    }
}
