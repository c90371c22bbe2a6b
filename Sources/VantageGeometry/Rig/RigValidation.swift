/// Checks that every rig must pass, whichever file it came from. Each problem names the field
/// relative to the camera or rig (e.g. `intrinsics.fx`) and what was expected.
public struct RigProblem: Equatable, Sendable {
    public var field: String
    public var message: String
}

extension Camera {
    /// Largest tolerated entry of `R·Rᵀ − I` for a rotation read from a file (float32 sources reach ~1e-7).
    public static let rotationTolerance = 1e-5

    public var problems: [RigProblem] {
        var found: [RigProblem] = []
        func check(_ ok: Bool, _ field: String, _ message: @autoclosure () -> String) {
            if !ok { found.append(RigProblem(field: field, message: message())) }
        }
        check(!name.isEmpty, "name", "expected a non-empty camera name")
        check(size.width > 0 && size.height > 0, "size", "expected a positive width and height, found \(size.width)×\(size.height)")
        for (field, value) in [("fx", intrinsics.fx), ("fy", intrinsics.fy), ("cx", intrinsics.cx),
                               ("cy", intrinsics.cy), ("skew", intrinsics.skew)] {
            check(value.isFinite, "intrinsics.\(field)", "expected a finite number, found \(value)")
        }
        check(!(intrinsics.fx <= 0), "intrinsics.fx", "expected a positive focal length in pixels, found \(intrinsics.fx)")
        check(!(intrinsics.fy <= 0), "intrinsics.fy", "expected a positive focal length in pixels, found \(intrinsics.fy)")
        check(distortion.coefficients.allSatisfy(\.isFinite), "distortion", "expected finite coefficients, found \(distortion.coefficients)")
        let rotation = camFromWorld.rotation
        if !rotation.isFinite {
            check(false, "camFromWorld.rotation", "expected finite numbers")
        } else {
            let error = rotation.orthonormalityError
            check(error <= Camera.rotationTolerance, "camFromWorld.rotation",
                  "expected an orthonormal rotation (R·Rᵀ = I), off by \(error)")
            check(error > Camera.rotationTolerance || rotation.determinant > 0, "camFromWorld.rotation",
                  "expected a rotation with determinant +1, found a reflection (det \(rotation.determinant))")
        }
        check(camFromWorld.translation.isFinite, "camFromWorld.translation", "expected finite numbers")
        return found
    }
}

extension SceneBounds {
    public var problems: [RigProblem] {
        switch self {
        case let .depthRange(near, far):
            if !(near.isFinite && far.isFinite && near > 0 && far > near) {
                return [RigProblem(field: "bounds", message: "expected 0 < near < far, found near \(near), far \(far)")]
            }
        case let .box(min, max):
            if !(min.isFinite && max.isFinite && min.x < max.x && min.y < max.y && min.z < max.z) {
                return [RigProblem(field: "bounds", message: "expected a box with min < max on every axis, found \(min) … \(max)")]
            }
        }
        return []
    }
}

extension Rig {
    /// Every problem in the rig; fields are prefixed `cameras[i].` (the rig file's own paths).
    public var problems: [RigProblem] {
        var found: [RigProblem] = []
        if cameras.isEmpty { found.append(RigProblem(field: "cameras", message: "expected at least one camera")) }
        var seen: Set<String> = []
        for (index, member) in cameras.enumerated() {
            let prefix = "cameras[\(index)]"
            found += member.camera.problems.map { RigProblem(field: "\(prefix).\($0.field)", message: $0.message) }
            if !seen.insert(member.camera.name).inserted {
                found.append(RigProblem(field: "\(prefix).name", message: "duplicate camera name \"\(member.camera.name)\""))
            }
        }
        found += bounds?.problems ?? []
        if let up = world.up, !WorldFrame.validUpAxes.contains(up) {
            found.append(RigProblem(field: "world.up", message: "expected one of \(WorldFrame.validUpAxes.joined(separator: ", ")), found \"\(up)\""))
        }
        return found
    }

    /// Throws the first problem as an `InputError` naming `source`.
    public func validate(source: String) throws {
        if let first = problems.first {
            let place = first.field.replacing(/^cameras\[(\d+)\]/) { match in
                let index = Int(match.1)!
                return "cameras[\(index)] (\(cameras[index].camera.name))"
            }
            throw InputError(source, at: place, first.message)
        }
    }
}
