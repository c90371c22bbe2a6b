import VantageGeometry

extension Camera {
    /// The camera as it sees frames of `width`×`height`, or `nil` when they cannot be the same view.
    ///
    /// The same size returns `self`; a uniform scale (a half-size proxy) scales the intrinsics; a
    /// difference of at most 2 % per side is taken as cropping or padding at the right and bottom
    /// (how encoders round sizes to their block size, e.g. 1088 vs 1080), keeping the intrinsics.
    public func fitted(toMediaWidth width: Int, height: Int) -> Camera? {
        if width == size.width && height == size.height { return self }
        var fitted = self
        fitted.size = ImageSize(width: width, height: height)
        let scaleX = Double(width) / Double(size.width), scaleY = Double(height) / Double(size.height)
        if abs(scaleX - scaleY) < 0.002 && abs(scaleX - 1) >= 0.02 {
            return resized(to: fitted.size)
        }
        if abs(scaleX - 1) <= 0.02 && abs(scaleY - 1) <= 0.02 { return fitted }
        return nil
    }

    /// The same view at another image size: intrinsics scale with each axis. Pixel centres scale
    /// about the image's top-left corner, which lies at (−0.5, −0.5).
    public func resized(to newSize: ImageSize) -> Camera {
        let scaleX = Double(newSize.width) / Double(size.width), scaleY = Double(newSize.height) / Double(size.height)
        var resized = self
        resized.size = newSize
        let k = intrinsics
        resized.intrinsics = Intrinsics(fx: k.fx * scaleX, fy: k.fy * scaleY,
                                        cx: (k.cx + 0.5) * scaleX - 0.5, cy: (k.cy + 0.5) * scaleY - 0.5,
                                        skew: k.skew * scaleX)
        return resized
    }

    /// The same camera without lens distortion: the geometry `SourceView` and the kernels use.
    public var pinholeTwin: Camera {
        var twin = self
        twin.distortion = .none
        return twin
    }
}
