/// One compressed packet of a video stream, in decode order, exactly as the container holds it.
public struct EncodedPacket: Sendable, Hashable {
    /// The packet's bytes, untouched.
    public var data: [UInt8]
    /// Presentation and decode timestamps in the stream's time base; nil when the container has none.
    public var presentationTimestamp: Int64?
    public var decodeTimestamp: Int64?
    /// Duration in the stream's time base (0 when unknown).
    public var duration: Int64
    /// Whether a decoder can start at this packet.
    public var isKeyframe: Bool

    public init(data: [UInt8], presentationTimestamp: Int64?, decodeTimestamp: Int64?,
                duration: Int64, isKeyframe: Bool) {
        self.data = data
        self.presentationTimestamp = presentationTimestamp
        self.decodeTimestamp = decodeTimestamp
        self.duration = duration
        self.isKeyframe = isKeyframe
    }
}
