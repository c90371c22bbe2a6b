import ArgumentParser
import VantageGeometry

struct PathFlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fly",
        abstract: "A flight through rig cameras' poses, in the order given.",
        discussion: """
            The camera passes through each named camera's centre with its orientation, at times proportional to \
            the distance flown, and with its field of view unless --fov is given. Needs --rig.
            Example: vantage path fly --rig Calibration/stadium.json --through cam01,cam02,cam03 --seconds 6
            """)

    @Option(help: "Comma-separated rig cameras to fly through, in order.")
    var through: String

    @Option(help: "Horizontal field of view in degrees for the whole flight (default: each camera's own).")
    var fov: Double?

    @OptionGroup var preset: PathPresetOptions

    func validate() throws {
        guard preset.rig != nil else { throw ValidationError("--rig <file> is required: fly goes through that rig's cameras") }
    }

    func run() throws {
        guard let rigPath = preset.rig else { return }
        let rig = try loadRig(at: rigPath)
        let cameras = try through.split(separator: ",").map { name -> Camera in
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let camera = rig.camera(named: name)?.camera else {
                throw InputError(rigPath, at: "--through", "no camera '\(name)' in the rig (cameras: \(rig.cameras.map(\.camera.name).joined(separator: ", ")))")
            }
            return camera
        }
        let path = try CameraPath.fly(through: cameras, seconds: preset.seconds, fieldOfViewDegrees: fov,
                                      timing: preset.timing, size: preset.imageSize)
        try preset.emit(path, rig: rig)
    }
}
