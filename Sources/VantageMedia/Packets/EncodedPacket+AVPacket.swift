import CFFmpeg

extension EncodedPacket {
    /// A copy of a demuxed packet's bytes, timestamps and keyframe flag.
    init(_ packet: UnsafeMutablePointer<AVPacket>) {
        let noTimestamp = vantage_av_nopts_value()
        let source = packet.pointee
        self.init(
            data: source.data.map { Array(UnsafeBufferPointer(start: $0, count: Int(max(source.size, 0)))) } ?? [],
            presentationTimestamp: source.pts == noTimestamp ? nil : source.pts,
            decodeTimestamp: source.dts == noTimestamp ? nil : source.dts,
            duration: source.duration,
            isKeyframe: source.flags & AV_PKT_FLAG_KEY != 0)
    }
}
