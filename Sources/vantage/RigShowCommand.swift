import ArgumentParser
import Foundation
import VantageGeometry

struct RigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a rig's cameras and checks: where the optical axes converge, who sees that point.")

    @OptionGroup var input: RigArgument

    @Flag(help: "Print JSON for scripts instead of a table.")
    var json = false

    func run() throws {
        let rig = try input.load()
        let report = RigReport(rig)
        let mediaStatus = rig.cameras.map { MediaStatus($0, rigDirectory: input.url.deletingLastPathComponent()) }
        print(json ? jsonText(report, rig, mediaStatus) : table(report, rig, mediaStatus))
    }

    private func table(_ report: RigReport, _ rig: Rig, _ media: [MediaStatus]) -> String {
        var lines = ["Rig \"\(rig.name)\": \(rig.cameras.count) cameras; world in \(rig.world.units.rawValue), up \(rig.world.up ?? "unknown")"]
        var cameras = TextTable(header: ["camera", "size", "focal px", "hfov°", rig.world.units == .metres ? "position (m)" : "position", "nearest", "dist", "media"])
        for (row, status) in zip(report.cameras, media) {
            cameras.rows.append([row.name, row.size.description, fixed(row.focalLengthPixels, 1),
                                 fixed(row.horizontalFieldOfViewDegrees, 1), fixed(row.centerInWorld, 3),
                                 row.nearestNeighbour ?? "-", row.nearestNeighbourDistance.map { fixed($0, 3) } ?? "-",
                                 status.summary])
        }
        lines.append(cameras.rendered())
        for (row, status) in zip(report.cameras, media) {
            if let problem = status.problem { lines.append("check: \(row.name): \(problem)") }
        }
        guard let convergence = report.convergence else {
            lines.append("Optical axes: no convergence point (fewer than two cameras, or parallel axes).")
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append("Optical axes converge at \(fixed(convergence.pointInWorld, 3)), RMS miss distance \(fixed(convergence.rmsMissDistance, 3)).")
        var seen = TextTable(header: ["camera", "axis miss", "depth", "pixel", "in view"])
        for (row, miss) in zip(report.cameras, convergence.missDistances) {
            seen.rows.append([row.name, fixed(miss, 3), row.convergenceDepth.map { fixed($0, 3) } ?? "behind",
                              row.convergencePixel.map { "(\(fixed($0.x, 0)), \(fixed($0.y, 0)))" } ?? "-",
                              row.seesConvergencePoint ? "yes" : "NO"])
        }
        lines.append(seen.rendered())
        let blind = report.cameras.filter { !$0.seesConvergencePoint }.map(\.name)
        if !blind.isEmpty { lines.append("check: \(blind.joined(separator: ", ")) do not see the convergence point") }
        return lines.joined(separator: "\n")
    }

    private func jsonText(_ report: RigReport, _ rig: Rig, _ media: [MediaStatus]) -> String {
        let cameras: [JSONValue] = zip(report.cameras, media).map { row, status in
            var fields: [(String, JSONValue)] = [
                ("name", .string(row.name)), ("width", .int(Int64(row.size.width))), ("height", .int(Int64(row.size.height))),
                ("focalLengthPixels", .number(row.focalLengthPixels)),
                ("horizontalFieldOfViewDegrees", .number(row.horizontalFieldOfViewDegrees)),
                ("centerInWorld", .vector(row.centerInWorld)),
                ("seesConvergencePoint", .bool(row.seesConvergencePoint)),
            ]
            if let name = row.nearestNeighbour, let distance = row.nearestNeighbourDistance {
                fields.append(("nearestNeighbour", .object([("name", .string(name)), ("distance", .number(distance))])))
            }
            if let pixel = row.convergencePixel, let depth = row.convergenceDepth {
                fields.append(("convergencePixel", .vector(pixel)))
                fields.append(("convergenceDepth", .number(depth)))
            }
            if let location = status.location {
                var mediaFields: [(String, JSONValue)] = [("location", .string(location)), ("exists", .bool(status.exists))]
                if let size = status.videoSize {
                    mediaFields += [("width", .int(Int64(size.width))), ("height", .int(Int64(size.height)))]
                }
                if let problem = status.problem { mediaFields.append(("problem", .string(problem))) }
                fields.append(("media", .object(mediaFields)))
            }
            return .object(fields)
        }
        var root: [(String, JSONValue)] = [("name", .string(rig.name)), ("cameras", .array(cameras))]
        if let convergence = report.convergence {
            root.append(("convergence", .object([
                ("pointInWorld", .vector(convergence.pointInWorld)),
                ("rmsMissDistance", .number(convergence.rmsMissDistance)),
                ("missDistances", .array(convergence.missDistances.map(JSONValue.number))),
            ])))
        }
        return JSONValue.object(root).serialized().trimmingCharacters(in: .newlines)
    }
}
