import Foundation
import Testing
@testable import VantageGeometry

/// COLMAP and OpenCV FileStorage importers on files written here, checked by projecting known points.
struct TextFormatImportTests {
    private func expectPixel(_ camera: Camera, _ point: Vector3, _ expected: Vector2,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let pixel = camera.project(point)?.pixel
        #expect(pixel.map { ($0 - expected).length < 1e-9 } == true, "\(camera.name): \(String(describing: pixel)) ≠ \(expected)",
                sourceLocation: sourceLocation)
    }

    @Test func colmapProjectFolder() throws {
        try withTemporaryFolder { project in
            try write("""
                # Camera list with one line of data per camera:
                #   CAMERA_ID, MODEL, WIDTH, HEIGHT, PARAMS[]
                1 PINHOLE 1280 720 1000 1000 640 360
                2 SIMPLE_RADIAL 640 480 500 320 240 -0.1
                """, to: project.appendingPathComponent("sparse/0/cameras.txt"))
            let s = 0.5.squareRoot()
            try write("""
                # Image list with two lines of data per image:
                #   IMAGE_ID, QW, QX, QY, QZ, TX, TY, TZ, CAMERA_ID, NAME
                #   POINTS2D[] as (X, Y, POINT3D_ID)
                1 1 0 0 0 0 0 5 1 front.jpg
                10.0 20.0 -1

                2 \(s) 0 0 \(s) 0 0 0 1 turned.jpg

                3 1 0 0 0 0 0 5 2 lens/front.png
                """, to: project.appendingPathComponent("sparse/0/images.txt"))
            try write("jpeg", to: project.appendingPathComponent("images/front.jpg"))
            #expect(try RigImport.detect(project) == .colmap)
            let rig = try RigImport.read(project).rig
            #expect(rig.cameras.map(\.camera.name) == ["front", "turned", "lens/front"])
            let front = rig.cameras[0].camera, turned = rig.cameras[1].camera, lens = rig.cameras[2].camera
            // COLMAP's principal point (640, 360) is (639.5, 359.5) with pixel centres at integers.
            expectPixel(front, [0.1, 0.2, 0], [659.5, 399.5])
            // 90° about z: world +x becomes camera +y (down).
            expectPixel(turned, [1, 0, 4], [639.5, 609.5])
            #expect(lens.distortion == Distortion(k1: -0.1) && lens.intrinsics.fx == 500 && lens.intrinsics.fy == 500)
            #expect(rig.cameras[0].media?.location == project.appendingPathComponent("images/front.jpg").standardizedFileURL.path)
            #expect(rig.cameras[1].media == nil && rig.world.up == nil && rig.world.units == .unknown)
        }
    }

    @Test func colmapUnsupportedModelNamesModelAndLine() throws {
        try withTemporaryFolder { folder in
            try write("# cameras\n1 FULL_OPENCV 640 480 1 2 3 4 5 6 7 8 9 10 11 12\n", to: folder.appendingPathComponent("cameras.txt"))
            try write("", to: folder.appendingPathComponent("images.txt"))
            let error = inputError { try COLMAPImporter.read(folder) }
            #expect(error?.source.hasSuffix("cameras.txt") == true && error?.place == "line 2")
            #expect(error?.message.contains("FULL_OPENCV") == true)
        }
    }

    private let yaml = """
        %YAML:1.0
        ---
        image_width: 640
        image_height: 480
        camera_matrix: !!opencv-matrix
           rows: 3
           cols: 3
           dt: d
           data: [ 500., 0., 320., 0., 500., 240., 0., 0., 1. ]
        distortion_coefficients: !!opencv-matrix
           rows: 1
           cols: 5
           dt: d
           data: [ -0.2, 0.05, 0., 0., 0. ]
        R: !!opencv-matrix
           rows: 3
           cols: 1
           dt: d
           data: [ 0., 0., 1.5707963267948966 ]
        T: !!opencv-matrix
           rows: 3
           cols: 1
           dt: d
           data: [ 0., 0., 2. ]
        """

    private let xml = """
        <?xml version="1.0"?>
        <opencv_storage>
        <image_size>
          1280 720</image_size>
        <K type_id="opencv-matrix">
          <rows>3</rows>
          <cols>3</cols>
          <dt>d</dt>
          <data>
            1000. 0. 639.5 0. 1000. 359.5 0. 0. 1.</data></K>
        <R type_id="opencv-matrix"><rows>3</rows><cols>3</cols><dt>d</dt>
          <data>1. 0. 0. 0. 1. 0. 0. 0. 1.</data></R>
        <tvec type_id="opencv-matrix"><rows>3</rows><cols>1</cols><dt>d</dt>
          <data>0. 0. 4.</data></tvec>
        </opencv_storage>
        """

    @Test func opencvYAMLAndXMLFilesAndFolder() throws {
        try withTemporaryFolder { folder in
            try write(yaml, to: folder.appendingPathComponent("left.yml"))
            try write(xml, to: folder.appendingPathComponent("right.xml"))
            try write("not a calibration", to: folder.appendingPathComponent("notes.yaml"))
            #expect(try RigImport.detect(folder.appendingPathComponent("left.yml")) == .opencv)
            let left = try RigImport.read(folder.appendingPathComponent("left.yml")).rig.cameras[0].camera
            #expect(left.name == "left" && left.size == ImageSize(width: 640, height: 480))
            #expect(left.distortion == Distortion(k1: -0.2, k2: 0.05))
            // Rodrigues (0, 0, π/2): world +x → camera +y. OpenCV pixels need no shift.
            let leftUndistorted = Camera(name: "l", size: left.size, intrinsics: left.intrinsics, camFromWorld: left.camFromWorld)
            expectPixel(leftUndistorted, [0.4, 0, 0], [320, 340])

            #expect(try RigImport.detect(folder) == .opencv)
            let rig = try RigImport.read(folder).rig
            #expect(rig.cameras.map(\.camera.name) == ["left", "right"])
            expectPixel(rig.cameras[1].camera, [0.4, -0.2, 0], [739.5, 309.5])
        }
    }
}
