import Foundation

/// Where a job's frames come from, as paths that workers open on their own machine: the rig
/// file (and its media) and an optional replay store, as given to `render-path`.
public struct FarmOrigin: Sendable, Equatable, Hashable {
    public var rig: String
    public var store: String?

    public init(rig: String, store: String? = nil) {
        self.rig = rig
        self.store = store
    }

    /// Relative paths made absolute against this process's working directory, so that a worker
    /// started elsewhere on a shared filesystem finds the same files.
    public var absolute: FarmOrigin {
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: path).standardizedFileURL.path
        }
        return FarmOrigin(rig: absolute(rig), store: store.map(absolute))
    }
}
