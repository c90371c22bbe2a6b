import Foundation
import VantageTransport

extension ReplayStore {
    /// Appends `frame` to its camera's open segment, starting a new segment when the open one is
    /// full (see `ReplayStoreOptions.segmentMaxSeconds`). Frames go in decode order, as received.
    ///
    /// When this returns, the record is in the kernel's hands (it survives a killed process);
    /// `flush()` makes it survive power loss too. A frame that would not read back (inconsistent
    /// header and payload) is refused; a failed write leaves the segment closed so the next frame
    /// starts a clean one.
    public func append(_ frame: WireFrame) throws(ReplayError) {
        let record = try Self.record(of: frame)
        let header = frame.header
        try withState { (state) throws(ReplayError) in
            guard access == .readWrite, !state.isClosed else {
                throw ReplayError(.notWritable, "\(directory.path): the store is \(state.isClosed ? "closed" : "open read-only"); cannot append")
            }
            let camera = header.camera
            var rolled = false
            if state.openSegments[camera] != nil, let open = state.cameras[camera]?.segments.last,
               mustRoll(open, before: header, recordBytes: record.count) {
                try closeSegment(of: camera, in: &state)
                rolled = true
            }
            let segment = try openSegment(of: camera, startingAt: header.captureMicroseconds, in: &state)
            let offset = state.cameras[camera]!.segments.last!.bytes
            do throws(ReplayError) { try segment.file.append(record) } catch {
                // A part of the record may be on disk: leave that segment alone from now on.
                state.openSegments[camera] = nil
                throw error
            }
            state.cameras[camera]!.append(
                ReplayIndexEntry(camera: camera, captureMicroseconds: header.captureMicroseconds, sequence: header.sequence,
                                 isKeyframe: header.isKeyframe, presentationTimestamp: header.presentationTimestamp,
                                 segment: segment.fileName, offset: offset, recordLength: record.count),
                growsSegment: true)
            if rolled { applyRetention(&state) }
        }
    }

    /// Syncs every open segment to the disk.
    public func flush() throws(ReplayError) {
        try withState { (state) throws(ReplayError) in
            for segment in state.openSegments.values { try segment.file.sync() }
        }
    }

    /// Syncs and closes the open segments; later appends throw. Queries keep working.
    public func close() throws(ReplayError) {
        try withState { (state) throws(ReplayError) in
            for camera in state.openSegments.keys.sorted() { try closeSegment(of: camera, in: &state) }
            state.isClosed = true
        }
    }

    /// The record of `frame`, after checking that it will read back through `WireProtocol.decode`.
    private static func record(of frame: WireFrame) throws(ReplayError) -> [UInt8] {
        let header = frame.header
        let described = "frame \(header.sequence) of \"\(header.rig)/\(header.camera)\" at \(header.captureMicroseconds) µs"
        guard WireProtocol.isValidName(header.rig), WireProtocol.isValidName(header.camera) else {
            throw ReplayError(.invalidFrame, "\(described): rig and camera names must be non-empty, without \"/\" or control characters")
        }
        let (topic, headerBytes) = WireProtocol.encodeParts(of: header)
        do { _ = try WireProtocol.decode([topic, headerBytes, frame.payload]) } catch {
            throw ReplayError(.invalidFrame, "\(described): would not read back: \(error.message)")
        }
        return SegmentRecord.encode(topic: topic, header: headerBytes, payload: frame.payload)
    }

    /// Whether the open segment is full before `header`'s frame: at a keyframe once a limit is
    /// reached, at any frame once twice a limit is reached.
    private func mustRoll(_ open: CameraIndex.SegmentSummary, before header: FrameHeader, recordBytes: Int) -> Bool {
        guard open.frames > 0 else { return false }
        let bytes = open.bytes + recordBytes
        let span = max(open.newestCaptureMicroseconds, header.captureMicroseconds) - open.oldestCaptureMicroseconds
        let maxSpan = options.segmentMaxMicroseconds
        if bytes > 2 * options.segmentMaxBytes || span >= 2 * maxSpan { return true }
        return header.isKeyframe && (bytes > options.segmentMaxBytes || span >= maxSpan)
    }

    /// The camera's open segment, starting a new one (and the camera's folder) when there is none.
    private func openSegment(of camera: String, startingAt capture: Int64, in state: inout StoreState) throws(ReplayError) -> OpenSegment {
        if let open = state.openSegments[camera] { return open }
        let folder = directory.appendingPathComponent(camera)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw ReplayError(.io, "\(folder.path): cannot create the camera's folder: \(error.localizedDescription)")
        }
        let name = SegmentName(firstCaptureMicroseconds: capture, counter: state.nextSegmentCounter[camera, default: 0])
        let open = OpenSegment(fileName: name.fileName, file: try SegmentFile.create(folder.appendingPathComponent(name.fileName).path))
        state.nextSegmentCounter[camera] = name.counter + 1
        state.cameras[camera, default: CameraIndex()].addSegment(name, fileName: name.fileName)
        state.openSegments[camera] = open
        logger.debug("replay store: \(camera) starts segment \(name.fileName)")
        return open
    }

    func closeSegment(of camera: String, in state: inout StoreState) throws(ReplayError) {
        guard let open = state.openSegments.removeValue(forKey: camera) else { return }
        try open.file.sync()
    }
}
