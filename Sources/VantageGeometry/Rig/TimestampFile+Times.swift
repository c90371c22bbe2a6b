import Foundation

extension TimestampFile {
    /// The camera's capture times in microseconds on the rig clock, one per frame in frame order
    /// (the n-th frame of the media has the n-th time).
    public func captureMicroseconds() throws(InputError) -> [Int64] {
        switch format {
        case .caliscope:
            let file: CaliscopeTimestamps?
            do { file = try CaliscopeTimestamps(URL(fileURLWithPath: path)) } catch let error as InputError { throw error } catch {
                throw InputError(path, "cannot read the timestamp file: \(error.localizedDescription)")
            }
            guard let file else { throw InputError(path, "timestamp file not found") }
            guard let seconds = file.frameTimes[cameraID] else {
                throw InputError(path, "no rows for cam_id \(cameraID); the file has cam_id \(file.cameraIDs.sorted().joined(separator: ", "))")
            }
            return seconds.map { Int64(($0 * 1_000_000).rounded()) }
        }
    }
}
