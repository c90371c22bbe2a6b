import VantageMedia

extension WireFrame {
    /// A frame carrying `packet` untouched, captured at `captureMicroseconds`; keyframes carry
    /// the codec parameters a decoder starts from. Stream id and sequence are the publisher's to set.
    public init(rig: String, camera: String, captureMicroseconds: Int64, packet: EncodedPacket, parameters: CodecParameters) {
        let header = FrameHeader(
            rig: rig, camera: camera, streamID: 0, sequence: 0, captureMicroseconds: captureMicroseconds,
            presentationTimestamp: packet.presentationTimestamp, decodeTimestamp: packet.decodeTimestamp,
            duration: packet.duration, timeBase: parameters.timeBase, isKeyframe: packet.isKeyframe,
            width: parameters.width, height: parameters.height, pixelFormatName: parameters.pixelFormatName,
            payload: .compressed(codecName: parameters.codecName, parameters: packet.isKeyframe ? parameters : nil),
            payloadLength: packet.data.count)
        self.init(header: header, payload: packet.data)
    }
}
