import ArgumentParser
import VantageGeometry

struct PathOrbitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orbit",
        abstract: "A camera circling a point, looking at it, at constant speed.",
        discussion: """
            The camera stays --radius metres from the vertical through --center, --height metres above it, and \
            sweeps --degrees (positive: counter-clockwise seen from above) from --start-degrees (0: on the +x side). \
            Negative numbers may follow their option directly (--degrees -90). With --replay-speed 0 the replay stands still while the camera moves: bullet time.
            Example: vantage path orbit --center 0,0,0 --radius 40 --height 15 --degrees 180 --seconds 6 --replay-start 2 --replay-speed 0
            """)

    @Option(parsing: .unconditional, help: "The point to circle and look at, x,y,z in metres.")
    var center: String

    @Option(parsing: .unconditional, help: "Horizontal distance from the centre, in metres.")
    var radius: Double

    @Option(parsing: .unconditional, help: "Camera height above the centre, in metres.")
    var height: Double

    @Option(parsing: .unconditional, help: "Angle swept, in degrees; negative turns clockwise seen from above.")
    var degrees: Double

    @Option(parsing: .unconditional, help: "Where the orbit starts, in degrees counter-clockwise from +x.")
    var startDegrees: Double = 0

    @Option(help: "Horizontal field of view in degrees.")
    var fov: Double = 50

    @OptionGroup var preset: PathPresetOptions

    func validate() throws { _ = try parseVector3(center, option: "--center") }

    func run() throws {
        let path = try CameraPath.orbit(center: try parseVector3(center, option: "--center"), radius: radius, height: height,
                                        degrees: degrees, seconds: preset.seconds, startDegrees: startDegrees,
                                        fieldOfViewDegrees: fov, timing: preset.timing, size: preset.imageSize)
        try preset.emit(path)
    }
}
