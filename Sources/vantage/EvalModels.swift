import Foundation
import VantageGeometry
import VantageSynthesis

/// The view models `vantage eval --models` can name.
enum EvalModels {
    /// Models this build can construct, in the order the help lists them (and the default).
    static let available = ["vantage", "nearest", "blend"]

    /// The models named in a comma-separated list, in its order.
    static func make(_ list: String, rig: Rig, frames: any FrameSource) throws -> [any ViewModel] {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }), Set(names).count == names.count else {
            throw SynthesisError(.invalidOptions, "--models '\(list)': expected distinct model names separated by commas (\(available.joined(separator: ", ")))")
        }
        return try names.map { name throws -> any ViewModel in
            switch name {
            case "nearest": return NearestCameraModel()
            case "blend": return PlaneBlendModel()
            case "vantage":
                // Its depth cache is keyed by the neighbours used, so a held-out camera never leaks in.
                return try ImageBasedModel(rig: rig, frames: frames)
            default:
                throw SynthesisError(.invalidOptions, "--models: no model '\(name)'; available: \(available.joined(separator: ", "))")
            }
        }
    }
}
