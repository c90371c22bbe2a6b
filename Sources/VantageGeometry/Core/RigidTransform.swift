/// A rotation followed by a translation: `x_to = rotation · x_from + translation`.
///
/// Name each value by the frames it connects, destination first: `camFromWorld` maps world
/// points into the camera frame, and its `inverse` is `worldFromCam`.
public struct RigidTransform: Equatable, Sendable {
    public var rotation: Matrix3
    public var translation: Vector3

    public init(rotation: Matrix3, translation: Vector3) {
        self.rotation = rotation
        self.translation = translation
    }

    public static let identity = RigidTransform(rotation: .identity, translation: .zero)

    /// The transform whose rotation is `rotation` and that sends `origin` of the source frame
    /// to the origin of the destination frame (`t = −R·origin`); a camera built from its centre.
    public init(rotation: Matrix3, mapping origin: Vector3) {
        self.init(rotation: rotation, translation: -(rotation * origin))
    }

    public func apply(_ point: Vector3) -> Vector3 { rotation * point + translation }

    public var inverse: RigidTransform {
        let rt = rotation.transposed
        return RigidTransform(rotation: rt, translation: -(rt * translation))
    }

    /// `self ∘ other`: first `other`, then `self` (aFromC = aFromB ∘ bFromC).
    public static func ∘ (lhs: RigidTransform, rhs: RigidTransform) -> RigidTransform {
        RigidTransform(rotation: lhs.rotation * rhs.rotation,
                       translation: lhs.rotation * rhs.translation + lhs.translation)
    }
}

infix operator ∘: MultiplicationPrecedence
