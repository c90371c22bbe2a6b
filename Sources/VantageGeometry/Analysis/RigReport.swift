/// What `vantage rig show` tells about a rig: per-camera facts and rig-level checks.
public struct RigReport: Sendable {
    public struct CameraRow: Sendable {
        public var name: String
        public var size: ImageSize
        public var focalLengthPixels: Double
        public var horizontalFieldOfViewDegrees: Double
        public var centerInWorld: Vector3
        public var nearestNeighbour: String?
        public var nearestNeighbourDistance: Double?
        /// Where the convergence point appears in this camera, and at what depth; `nil` if behind it.
        public var convergencePixel: Vector2?
        public var convergenceDepth: Double?
        /// Whether the convergence point lies in front of the camera and inside its image.
        public var seesConvergencePoint: Bool
    }

    public var rigName: String
    public var cameras: [CameraRow]
    public var convergence: AxisConvergence?

    public init(_ rig: Rig) {
        rigName = rig.name
        let all = rig.cameras.map(\.camera)
        let convergence = AxisConvergence(cameras: all)
        self.convergence = convergence
        cameras = all.map { camera in
            let others = all.filter { $0.name != camera.name }
            let nearest = others.min { ($0.centerInWorld - camera.centerInWorld).length < ($1.centerInWorld - camera.centerInWorld).length }
            let seen = convergence.flatMap { camera.project($0.pointInWorld) }
            return CameraRow(
                name: camera.name, size: camera.size,
                focalLengthPixels: (camera.intrinsics.fx + camera.intrinsics.fy) / 2,
                horizontalFieldOfViewDegrees: camera.intrinsics.horizontalFieldOfView(width: camera.size.width) * 180 / .pi,
                centerInWorld: camera.centerInWorld,
                nearestNeighbour: nearest?.name,
                nearestNeighbourDistance: nearest.map { ($0.centerInWorld - camera.centerInWorld).length },
                convergencePixel: seen?.pixel, convergenceDepth: seen?.depth,
                seesConvergencePoint: seen.map { camera.contains($0.pixel) } ?? false)
        }
    }
}
