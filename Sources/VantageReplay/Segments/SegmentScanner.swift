import VantageTransport

/// Reads a whole segment, record by record, and says which frames it holds and which bytes it
/// could not read.
///
/// After an unreadable stretch the scanner looks for the next "VREC" at which an intact record
/// starts, so a damaged record in the middle (a flipped bit) costs only that record; a torn tail
/// (a killed writer) is one damage entry running to the end of the file.
struct SegmentScanner {
    let camera: String
    let path: String
    /// The segment's file name, as index entries name it.
    let fileName: String

    struct Result {
        var entries: [ReplayIndexEntry] = []
        var damage: [SegmentDamage] = []
    }

    func scan() throws(ReplayError) -> Result {
        let bytes = try SegmentFile.openForReading(path).readAll()
        var result = Result()
        var offset = 0
        while offset < bytes.count {
            switch SegmentRecord.parse(bytes, at: offset) {
            case let .frame(frame, length):
                if frame.header.camera == camera {
                    result.entries.append(entry(frame.header, offset: offset, length: length))
                } else {
                    result.damage.append(SegmentDamage(file: path, offset: offset, length: length,
                                                       reason: "a frame of camera \"\(frame.header.camera)\" in the folder of camera \"\(camera)\""))
                }
                offset += length
            case let .unreadable(reason):
                let next = nextRecord(in: bytes, after: offset)
                result.damage.append(SegmentDamage(file: path, offset: offset, length: next - offset, reason: reason))
                offset = next
            }
        }
        return result
    }

    private func entry(_ header: FrameHeader, offset: Int, length: Int) -> ReplayIndexEntry {
        ReplayIndexEntry(camera: camera, captureMicroseconds: header.captureMicroseconds, sequence: header.sequence,
                         isKeyframe: header.isKeyframe, presentationTimestamp: header.presentationTimestamp,
                         segment: fileName, offset: offset, recordLength: length)
    }

    /// Offset of the next intact record after `offset`, or the end of the bytes.
    private func nextRecord(in bytes: [UInt8], after offset: Int) -> Int {
        var candidate = offset + 1
        while candidate + SegmentRecord.prefixLength <= bytes.count {
            if bytes[candidate] == SegmentRecord.magic[0], bytes[candidate..<candidate + 4].elementsEqual(SegmentRecord.magic),
               case .frame = SegmentRecord.parse(bytes, at: candidate) {
                return candidate
            }
            candidate += 1
        }
        return bytes.count
    }
}
