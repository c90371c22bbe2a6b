import ArgumentParser
import VantageGeometry

extension StandLayout.Stand: ExpressibleByArgument {}

struct PathSeatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seat",
        abstract: "A spectator's view from a seat in the stands, looking at the pitch centre.",
        discussion: """
            Stands follow the stadium sample: they begin at the run-off edge (±60 m along x, ±40 m along y) and \
            rise 28 m over 35 m; east is +x, north +y, west −x, south −y. Row 1 is at the front; rows are 0.8 m \
            deep (43 rows); seats are 0.5 m wide, seat 1 at the left end of the row facing the pitch (160 seats \
            east and west, 240 north and south); the eye is 1.2 m above the stand. See docs/camera-paths.md.
            Example: vantage path seat --stand east --row 12 --seat 80 --seconds 4 --look-around 20
            """)

    @Option(help: "east, north, west or south.")
    var stand: StandLayout.Stand

    @Option(help: "Row number, 1 at the front.")
    var row: Int

    @Option(help: "Seat number, 1 at the left end of the row when facing the pitch.")
    var seat: Int

    @Option(parsing: .unconditional, help: "The point to look at, x,y,z in metres (default: the pitch centre).")
    var target: String = "0,0,0"

    @Option(help: "Pan left, then right, by this many degrees, and back (0: look straight at the target).")
    var lookAround: Double = 0

    @Option(help: "Horizontal field of view in degrees.")
    var fov: Double = 50

    @OptionGroup var preset: PathPresetOptions

    func validate() throws { _ = try parseVector3(target, option: "--target") }

    func run() throws {
        let path = try CameraPath.seat(stand: stand, row: row, seat: seat, target: try parseVector3(target, option: "--target"),
                                       seconds: preset.seconds, lookAroundDegrees: lookAround, fieldOfViewDegrees: fov,
                                       timing: preset.timing, size: preset.imageSize)
        try preset.emit(path)
    }
}
