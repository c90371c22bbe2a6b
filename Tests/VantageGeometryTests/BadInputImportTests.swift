import Foundation
import Testing
@testable import VantageGeometry

/// Malformed input: each error names the file and the field or line, and says what was expected.
struct BadInputImportTests {
    /// A one-camera Qualisys file; `focalLengthU` is in 1/64 pixel.
    private func qca(focalLengthU: String = "64000") -> String {
        """
        <?xml version='1.0' encoding='ASCII'?>
        <calibration type="regular"><cameras>
          <camera active="1" serial="cam01">
            <fov_video bottom="479" left="0" right="639" top="0"/>
            <transform r11="1" r12="0" r13="0" r21="0" r22="1" r23="0" r31="0" r32="0" r33="1" x="0" y="0" z="3000"/>
            <intrinsic centerPointU="20448" centerPointV="15328" focalLengthU="\(focalLengthU)" focalLengthV="64000"
              radialDistortion1="0" radialDistortion2="0" radialDistortion3="0" tangentalDistortion1="0" tangentalDistortion2="0"/>
          </camera>
        </cameras></calibration>
        """
    }

    private func caliscope(rotation: String = "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]", translation: String? = "[0, 0, 1]") -> String {
        """
        [cameras.0]
        cam_id = 0
        ignore = false
        size = [640, 480]
        matrix = [[500, 0.0, 319.5], [0.0, 500, 239.5], [0.0, 0.0, 1.0]]
        distortions = [0.0, 0.0, 0.0, 0.0, 0.0]
        rotation = \(rotation)
        \(translation.map { "translation = \($0)" } ?? "")

        [cameras.1]
        cam_id = 1
        ignore = true
        size = [640, 480]
        matrix = [[500, 0.0, 319.5], [0.0, 500, 239.5], [0.0, 0.0, 1.0]]
        rotation = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        translation = [0, 0, 1]
        """
    }

    private func read(_ text: String, as name: String) throws -> ImportedRig {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent(name)
            try write(text, to: url)
            return try RigImport.read(url)
        }
    }

    @Test func wellFormedSyntheticFilesImport() throws {
        let qualisys = try read(qca(), as: "Calib.qca.txt").rig.cameras[0].camera
        // Qualisys' flipped y/z: identity M with the centre 3 m up means looking straight down.
        #expect(qualisys.forwardInWorld == [0, 0, -1] && qualisys.centerInWorld == [0, 0, 3])
        #expect(qualisys.intrinsics == Intrinsics(fx: 1000, fy: 1000, cx: 319.5, cy: 239.5))
        let imported = try read(caliscope(), as: "camera_array.toml")
        #expect(imported.rig.cameras.map(\.camera.name) == ["cam_0"])
        #expect(imported.warnings.count == 1 && imported.warnings[0].contains("ignore"))
    }

    @Test func zeroFocalLength() {
        let error = inputError { try read(qca(focalLengthU: "0"), as: "Calib.qca.txt") }
        #expect(error?.source.hasSuffix("Calib.qca.txt") == true)
        #expect(error?.place.contains("camera[0] (cam01)/intrinsic") == true)
        #expect(error?.message.contains("positive focal length") == true)
    }

    @Test func nonFiniteNumber() {
        let qualisys = inputError { try read(qca(focalLengthU: "nan"), as: "Calib.qca.txt") }
        #expect(qualisys?.place == "camera[0] (cam01)/intrinsic@focalLengthU")
        let toml = inputError { try read(caliscope(rotation: "[[nan, 0, 0], [0, 1, 0], [0, 0, 1]]"), as: "camera_array.toml") }
        #expect(toml?.place == "cameras.0.rotation[0][0]" && toml?.message.contains("finite") == true)
    }

    @Test func nonOrthonormalRotation() {
        let error = inputError { try read(caliscope(rotation: "[[1, 0.3, 0], [0, 1, 0], [0, 0, 1]]"), as: "camera_array.toml") }
        #expect(error?.source.hasSuffix("camera_array.toml") == true && error?.place == "cameras.0.rotation")
        #expect(error?.message.contains("orthonormal") == true)
    }

    @Test func missingField() {
        let error = inputError { try read(caliscope(translation: nil), as: "camera_array.toml") }
        #expect(error?.place == "cameras.0.translation" && error?.message.contains("required") == true)
    }

    @Test func colmapLineWithTooFewFields() throws {
        try withTemporaryFolder { folder in
            try write("1 PINHOLE 640 480 500 500 320 240\n", to: folder.appendingPathComponent("cameras.txt"))
            try write("# images\n1 1 0 0 0 0 0 5 1\n\n", to: folder.appendingPathComponent("images.txt"))
            let error = inputError { try RigImport.read(folder) }
            #expect(error?.source.hasSuffix("images.txt") == true && error?.place == "line 2")
            #expect(error?.message.contains("NAME") == true)
        }
    }

    @Test func unknownFormatListsTheKnownOnes() throws {
        let error = inputError { try read("just some text\n", as: "notes.txt") }
        #expect(error?.source.hasSuffix("notes.txt") == true)
        for format in RigFormat.allCases { #expect(error?.message.contains(format.rawValue) == true) }
    }

    @Test func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/vantage/Calib.qca.txt")
        #expect(inputError { try RigImport.detect(url) } == InputError(url.path, "no such file or folder"))
        #expect(inputError { try QualisysImporter.read(url) } == InputError(url.path, "no such file"))
    }
}
