/// Dimensions of the stadium in world metres (Z up, pitch on z = 0 centred at the origin, x along
/// the touchlines, +y towards the "north" stand). Markings follow the Laws of the Game; every line
/// is centred on its nominal position.
public enum StadiumLayout {
    public static let pitchLength: Float = 105
    public static let pitchWidth: Float = 68
    public static let halfLength: Float = pitchLength / 2
    public static let halfWidth: Float = pitchWidth / 2
    public static let lineWidth: Float = 0.12

    public static let centreCircleRadius: Float = 9.15
    /// Radius of the centre spot and the penalty spots.
    public static let spotRadius: Float = 0.11
    /// Distance of a penalty spot from its goal line: the spots are at (±41.5, 0, 0).
    public static let penaltySpotDistance: Float = 11
    public static var penaltySpotX: Float { halfLength - penaltySpotDistance }
    public static let penaltyAreaDepth: Float = 16.5
    public static let penaltyAreaHalfWidth: Float = 20.16
    public static let goalAreaDepth: Float = 5.5
    public static let goalAreaHalfWidth: Float = 9.16
    public static let cornerArcRadius: Float = 1

    /// Inner width of a goal between the posts, and the underside of its crossbar.
    public static let goalHalfWidth: Float = 3.66
    public static let goalHeight: Float = 2.44
    /// Side of the square posts and crossbar.
    public static let goalFrameThickness: Float = 0.12

    /// The grass extends to ±runOffHalfLength × ±runOffHalfWidth; the stands begin at its edge.
    public static let runOffHalfLength: Float = 60
    public static let runOffHalfWidth: Float = 40
    /// Horizontal depth of the stands beyond the run-off, and the height of their top edge.
    public static let standDepth: Float = 35
    public static let standHeight: Float = 28
    /// Height of the back wall above the top row of the stands.
    public static let backWallHeight: Float = 6

    /// Height of the stands' sloped surface above (x, y): 0 on the grass, rising linearly across
    /// the stands, `standHeight` at and beyond their outer edge.
    public static func standSurfaceHeight(x: Float, y: Float) -> Float {
        let beyondRunOff = max(abs(x) - runOffHalfLength, abs(y) - runOffHalfWidth)
        return standHeight * min(max(beyondRunOff / standDepth, 0), 1)
    }
}
