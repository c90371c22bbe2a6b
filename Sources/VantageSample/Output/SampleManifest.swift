import VantageGeometry

/// `sample.json`: what a sample folder holds and how to read it, for people and scripts.
enum SampleManifest {
    static func json(_ options: SampleOptions, sources: [Camera], truths: [Camera], gains: [Float3]) -> String {
        func names(_ cameras: [Camera]) -> JSONValue { .array(cameras.map { .string($0.name) }) }
        let depthCameras = options.depthCameras(sources: sources, truths: truths)
        let root: [(String, JSONValue)] = [
            ("format", .string("vantage-sample")),
            ("version", .int(1)),
            ("scene", .string("stadium")),
            ("seed", .int(Int64(bitPattern: options.seed))),
            ("framesPerSecond", .int(Int64(options.framesPerSecond))),
            ("frameCount", .int(Int64(options.frameCount))),
            ("frameTime", .string("frame n is at n / framesPerSecond seconds; capture time in µs = n * 1000000 / framesPerSecond")),
            ("size", .array([.int(Int64(options.size.width)), .int(Int64(options.size.height))])),
            ("sources", .object([
                ("rig", .string(SampleLayout.sourceRigName)),
                ("cameras", names(sources)),
                ("video", .string("<camera>.mp4: H.264, crf 18, one keyframe per second")),
                ("exposureGains", .object(zip(sources, gains).map { camera, gain in
                    (camera.name, .array([.number(Double(gain.x)), .number(Double(gain.y)), .number(Double(gain.z))]))
                })),
            ])),
            ("truth", .object([
                ("rig", .string(SampleLayout.truthRigName)),
                ("cameras", names(truths)),
                ("frames", .string(SampleLayout.truthFramePattern("<camera>") + ": PNG, neutral exposure")),
            ])),
            ("depth", .object([
                ("cameras", names(depthCameras)),
                ("files", .string(SampleLayout.depthPattern("<camera>"))),
                ("format", .string("PFM greyscale (Pf), little-endian float32, rows stored bottom to top; metres along the optical axis (camera z); inf where only sky is seen")),
            ])),
            ("contactSheet", .object([
                ("file", .string(SampleLayout.contactSheetName)),
                ("frame", .int(Int64(options.contactSheetFrame))),
            ])),
        ]
        return JSONValue.object(root).serialized()
    }
}
