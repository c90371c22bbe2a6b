/// The synchronized frames of every available source camera at one capture time.
public struct Moment: Sendable {
    /// Capture time on the rig's common clock, in microseconds.
    public let captureMicroseconds: Int64
    public let views: [SourceView]
    /// Cameras of the rig that had no frame for this moment (missing or undecodable); the model
    /// renders from the others and lowers its confidence where they would have helped.
    public let missingCameras: [String]

    public init(captureMicroseconds: Int64, views: [SourceView], missingCameras: [String] = []) {
        self.captureMicroseconds = captureMicroseconds
        self.views = views
        self.missingCameras = missingCameras
    }

    /// The moment without the named cameras (for held-out evaluation).
    public func excluding(_ names: Set<String>) -> Moment {
        Moment(captureMicroseconds: captureMicroseconds, views: views.filter { !names.contains($0.name) },
               missingCameras: missingCameras)
    }

    public func view(named name: String) -> SourceView? { views.first { $0.name == name } }
}
