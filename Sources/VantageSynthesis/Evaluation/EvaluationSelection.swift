import Foundation

/// Which cameras an evaluation holds out: named ones, or every N-th source camera.
public enum HoldoutSelection: Equatable, Sendable {
    case cameras([String])
    /// Source cameras at index 0, N, 2N, … of the rig's source cameras, in rig order.
    case every(Int)

    /// Parses `cam01,cam03` or `every:N` (N ≥ 1).
    public init(parsing text: String) throws(SynthesisError) {
        if text.hasPrefix("every:") {
            guard let step = Int(text.dropFirst("every:".count)), step >= 1 else {
                throw SynthesisError(.invalidOptions, "--holdout '\(text)': every:N needs a whole number N ≥ 1")
            }
            self = .every(step)
            return
        }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
            throw SynthesisError(.invalidOptions, "--holdout '\(text)': expected camera names separated by commas, or every:N")
        }
        self = .cameras(names)
    }

    /// The held-out cameras, in the order given (named) or rig order (every:N). `sources` are the
    /// rig's cameras that deliver frames, in rig order; `all` every camera of the rig.
    public func resolve(sources: [String], all: [String]) throws(SynthesisError) -> [String] {
        switch self {
        case let .every(step):
            return stride(from: 0, to: sources.count, by: step).map { sources[$0] }
        case let .cameras(names):
            var seen = Set<String>()
            for name in names {
                guard all.contains(name) else {
                    throw SynthesisError(.invalidOptions, "--holdout: no camera '\(name)' in the rig; cameras: \(all.joined(separator: ", "))")
                }
                guard sources.contains(name) else {
                    throw SynthesisError(.invalidOptions, "--holdout: camera '\(name)' has no frames to compare with; cameras with frames: \(sources.joined(separator: ", "))")
                }
                guard seen.insert(name).inserted else {
                    throw SynthesisError(.invalidOptions, "--holdout: camera '\(name)' is listed twice")
                }
            }
            return names
        }
    }
}

/// Frame numbers to evaluate: `0,10,20`, `0-40:10` (first-last:step, last included), or a mix.
public enum FrameSelection {
    public static func parse(_ text: String) throws(SynthesisError) -> [Int] {
        var frames: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            frames += try parseItem(part, in: text)
        }
        guard !frames.isEmpty else { throw SynthesisError(.invalidOptions, "--frames '\(text)': no frames") }
        return frames
    }

    private static func parseItem(_ item: String, in text: String) throws(SynthesisError) -> [Int] {
        let error = SynthesisError(.invalidOptions, "--frames '\(text)': '\(item)' is not a frame number ≥ 0 or a range first-last[:step]")
        if let frame = Int(item) {
            guard frame >= 0 else { throw error }
            return [frame]
        }
        let rangeAndStep = item.split(separator: ":", omittingEmptySubsequences: false)
        let bounds = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false)
        guard rangeAndStep.count <= 2, bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]),
              first >= 0, last >= first else { throw error }
        let step = rangeAndStep.count == 2 ? Int(rangeAndStep[1]) : 1
        guard let step, step >= 1 else { throw error }
        return Array(stride(from: first, through: last, by: step))
    }
}
