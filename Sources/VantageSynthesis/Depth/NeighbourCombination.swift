/// Combines per-neighbour costs into one: the mean of the best half (rounded up) of the
/// neighbours that see the pixel, so that a neighbour to which the point is occluded does not
/// spoil it; `missingCost` where no neighbour sees the pixel.
enum NeighbourCombination {
    static let missingCost: Float = 0.5

    @inline(__always)
    static func combine(_ costs: UnsafeMutablePointer<Float>, count: Int) -> Float {
        // Insertion sort of the valid costs to the front (count is small).
        var valid = 0
        for index in 0..<count where !costs[index].isNaN {
            var position = valid
            let value = costs[index]
            while position > 0 && costs[position &- 1] > value {
                costs[position] = costs[position &- 1]
                position &-= 1
            }
            costs[position] = value
            valid &+= 1
        }
        guard valid > 0 else { return missingCost }
        let kept = (valid &+ 1) / 2
        var sum: Float = 0
        for index in 0..<kept { sum += costs[index] }
        return sum / Float(kept)
    }
}
