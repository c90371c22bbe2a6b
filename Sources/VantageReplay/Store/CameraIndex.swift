/// The stored frames of one camera: in decode order (the order they were appended), and
/// sorted by capture time for lookups; plus the camera's segments, oldest first.
struct CameraIndex {
    /// Every frame, in decode order.
    private(set) var entries: [ReplayIndexEntry] = []
    /// Positions in `entries`, sorted by capture time (equal times in decode order).
    private(set) var byCapture: [Int] = []
    /// The camera's segments, in decode order.
    private(set) var segments: [SegmentSummary] = []

    /// What retention and rolling need to know about a segment.
    struct SegmentSummary {
        var name: SegmentName
        var fileName: String
        var bytes = 0
        var frames = 0
        /// Newest capture time stored in it; the name's first capture time while it is empty.
        var newestCaptureMicroseconds: Int64
        /// Oldest capture time stored in it (its span is measured from here).
        var oldestCaptureMicroseconds: Int64
    }

    /// Adds a segment after the others (empty, or with the entries `append` adds next).
    mutating func addSegment(_ name: SegmentName, fileName: String, bytes: Int = 0) {
        segments.append(SegmentSummary(name: name, fileName: fileName, bytes: bytes,
                                       newestCaptureMicroseconds: name.firstCaptureMicroseconds,
                                       oldestCaptureMicroseconds: name.firstCaptureMicroseconds))
    }

    /// Adds a frame of the last segment, after all others in decode order. `growsSegment`: the
    /// record was just written (a scanned segment's size is known from the start).
    mutating func append(_ entry: ReplayIndexEntry, growsSegment: Bool) {
        precondition(segments.last?.fileName == entry.segment, "an entry of a segment that is not the newest")
        let capture = entry.captureMicroseconds
        let last = segments.count - 1
        let first = segments[last].frames == 0
        segments[last].newestCaptureMicroseconds = first ? capture : max(capture, segments[last].newestCaptureMicroseconds)
        segments[last].oldestCaptureMicroseconds = first ? capture : min(capture, segments[last].oldestCaptureMicroseconds)
        segments[last].frames += 1
        if growsSegment { segments[last].bytes += entry.recordLength }
        entries.append(entry)
        // Capture times mostly grow: search for the insertion point from the end.
        var position = byCapture.count
        while position > 0, entries[byCapture[position - 1]].captureMicroseconds > capture { position -= 1 }
        byCapture.insert(entries.count - 1, at: position)
    }

    /// Capture times of every frame, ascending.
    var captureTimes: [Int64] { byCapture.map { entries[$0].captureMicroseconds } }

    /// Position in `entries` of the frame captured nearest to `microseconds` (the earlier one on a tie).
    func nearest(_ microseconds: Int64) -> Int? {
        guard !byCapture.isEmpty else { return nil }
        var low = 0, high = byCapture.count  // first position with a capture time ≥ microseconds
        while low < high {
            let middle = (low + high) / 2
            if entries[byCapture[middle]].captureMicroseconds < microseconds { low = middle + 1 } else { high = middle }
        }
        if low == byCapture.count { return byCapture[low - 1] }
        if low == 0 { return byCapture[0] }
        let before = entries[byCapture[low - 1]].captureMicroseconds, after = entries[byCapture[low]].captureMicroseconds
        return microseconds - before <= after - microseconds ? byCapture[low - 1] : byCapture[low]
    }

    /// Positions in `entries` a decoder must be sent, in order, to get the frame at `position`:
    /// from the last keyframe at or before it up to the next keyframe after it. When the frame is
    /// shown before that keyframe (an open GOP's leading B-frames), the run starts a keyframe
    /// earlier. Nil when no keyframe precedes the frame.
    func decodingRun(to position: Int) -> Range<Int>? {
        guard var start = entries[...position].lastIndex(where: \.isKeyframe) else { return nil }
        if let shown = entries[position].presentationTimestamp, let keyShown = entries[start].presentationTimestamp,
           shown < keyShown, let earlier = entries[..<start].lastIndex(where: \.isKeyframe) {
            start = earlier
        }
        let end = entries[(position + 1)...].firstIndex(where: \.isKeyframe) ?? entries.count
        return start..<end
    }

    /// Removes the named segments and their frames.
    mutating func removeSegments(_ fileNames: Set<String>) {
        segments.removeAll { fileNames.contains($0.fileName) }
        entries.removeAll { fileNames.contains($0.segment) }
        byCapture = entries.indices.sorted {
            (entries[$0].captureMicroseconds, $0) < (entries[$1].captureMicroseconds, $1)
        }
    }
}
