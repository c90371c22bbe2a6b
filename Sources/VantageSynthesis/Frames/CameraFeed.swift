import Foundation
import VantageGeometry
import VantageMedia

/// Where one rig camera's frames come from: a video or a still image, opened once.
final class CameraFeed {
    enum Content {
        case video(MediaReader, PixelConverter)
        case still(RGBImage, coverage: [Float]?)
    }

    /// The calibrated camera, sized like the frames.
    let camera: Camera
    let content: Content
    /// Capture time of stream time 0, in microseconds.
    let offsetMicroseconds: Int64
    private let undistorter: LensResampler?
    /// The last video frame delivered, by its stream time in microseconds: a bullet-time replay
    /// asks for the same frame at every step, and each seek decodes from the previous keyframe.
    private var lastView: (streamMicroseconds: Int64, view: SourceView)?

    /// Opens `location`; throws a one-line error naming the camera and the file.
    init(camera calibrated: Camera, location: String, offsetMicroseconds: Int64) throws(SynthesisError) {
        // A numbered pattern ("truth01/%06d.png") is an image sequence, which libavformat plays as video.
        let isStill = !location.contains("%") && ["png", "jpg", "jpeg"].contains((location as NSString).pathExtension.lowercased())
        let width: Int, height: Int
        do {
            if isStill {
                let rgba = try ImageIO.readRGBA(location)
                let coverage = Self.coverage(of: rgba)
                // Transparent pixels show the white backdrop that NeRF-style datasets are judged on.
                let image = coverage == nil ? RGBImage(compositing: rgba, over: (0, 0, 0))
                    : RGBImage(compositing: rgba, over: (255, 255, 255))
                content = .still(image, coverage: coverage)
                (width, height) = (rgba.width, rgba.height)
            } else {
                let reader = try MediaReader(location)
                content = .video(reader, PixelConverter())
                (width, height) = (reader.info.width, reader.info.height)
            }
        } catch {
            throw SynthesisError(.unreadableFrame, "camera \(calibrated.name): \(error)")
        }
        guard let camera = calibrated.fitted(toMediaWidth: width, height: height) else {
            throw SynthesisError(.unreadableFrame, "camera \(calibrated.name): media \(location) is \(width)x\(height) but the calibration is \(calibrated.size.width)x\(calibrated.size.height)")
        }
        self.camera = camera
        self.offsetMicroseconds = offsetMicroseconds
        undistorter = camera.distortion.isNone ? nil : LensResampler.undistorting(camera)
    }

    var framesPerSecond: Double? {
        if case let .video(reader, _) = content, reader.info.framesPerSecond > 0 { return reader.info.framesPerSecond }
        return nil
    }

    /// Seconds of video (one frame period for a still), or `nil` when the container does not say.
    var durationSeconds: Double? {
        switch content {
        case .still: return nil
        case let .video(reader, _):
            let info = reader.info
            if let frames = info.frameCount, info.framesPerSecond > 0 { return Double(frames) / info.framesPerSecond }
            return info.durationSeconds
        }
    }

    /// The frame shown at `streamSeconds`, as an undistorted source view; `nil` past the stream's end.
    func view(atStreamSeconds streamSeconds: Double) throws(SynthesisError) -> SourceView? {
        switch content {
        case let .still(image, coverage):
            return sourceView(image, coverage: coverage)
        case let .video(reader, converter):
            if let duration = durationSeconds, streamSeconds >= duration || streamSeconds < -0.5 / (framesPerSecond ?? 25) {
                return nil
            }
            let streamMicroseconds = Int64((streamSeconds * 1e6).rounded())
            if let lastView, lastView.streamMicroseconds == streamMicroseconds { return lastView.view }
            let rgb: RGBImage
            do {
                guard let frame = try reader.seek(toSeconds: max(0, streamSeconds)) else { return nil }
                rgb = try converter.rgbImage(from: frame)
            } catch {
                throw SynthesisError(.unreadableFrame, "camera \(camera.name): \(error)")
            }
            let view = sourceView(rgb, coverage: nil)
            lastView = (streamMicroseconds, view)
            return view
        }
    }

    /// `rgb` (and its coverage) as an undistorted source view.
    private func sourceView(_ rgb: RGBImage, coverage: [Float]?) -> SourceView {
        var image = PlanarFloatImage(rgb)
        var undistortedCoverage = coverage
        if let undistorter {
            image = undistorter.apply(to: image)
            undistortedCoverage = coverage.map { undistorter.apply(toPlane: $0) }
        }
        return SourceView(camera: camera.pinholeTwin, image: image, coverage: undistortedCoverage)
    }

    /// Alpha as coverage in [0, 1], or `nil` when every pixel is opaque.
    private static func coverage(of rgba: RGBAImage) -> [Float]? {
        var coverage = [Float](repeating: 1, count: rgba.width * rgba.height)
        var anyTransparent = false
        for pixel in 0..<coverage.count {
            let alpha = rgba.pixels[pixel * 4 + 3]
            if alpha < 255 {
                anyTransparent = true
                coverage[pixel] = Float(alpha) / 255
            }
        }
        return anyTransparent ? coverage : nil
    }
}
