extension CameraPath {
    /// The replay time shown at path time `time`: `time` itself without a time map; otherwise
    /// linear between the map's points and held at its first and last point beyond them (one
    /// point freezes the replay at that instant for the whole path). Precondition: a valid map.
    public func replayTime(atPathTime time: Double) -> Double {
        guard let timeMap else { return time }
        guard let after = timeMap.firstIndex(where: { $0.time > time }) else { return timeMap[timeMap.count - 1].replayTime }
        guard after > 0 else { return timeMap[0].replayTime }
        let (a, b) = (timeMap[after - 1], timeMap[after])
        let u = (time - a.time) / (b.time - a.time)
        return u == 0 ? a.replayTime : a.replayTime + u * (b.replayTime - a.replayTime)
    }
}
