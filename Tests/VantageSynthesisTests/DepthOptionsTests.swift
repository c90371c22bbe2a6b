import Testing
@testable import VantageSynthesis

struct DepthOptionsTests {
    @Test func defaultsAreValid() throws {
        try DepthOptions().validate()
        _ = try PlaneSweepDepth()
    }

    @Test func nonsenseIsRejectedWithOneLineNamingTheField() {
        var cases: [(String, (inout DepthOptions) -> Void)] = []
        cases.append(("neighbourCount", { $0.neighbourCount = 0 }))
        cases.append(("maximumPlaneCount", { $0.maximumPlaneCount = 2 }))
        cases.append(("planeSpacing", { $0.planeSpacing = 0 }))
        cases.append(("maximumSweepWidth", { $0.maximumSweepWidth = 8 }))
        cases.append(("fullSizeHypotheses", { $0.fullSizeHypotheses = 0 }))
        cases.append(("refinementHypotheses", { $0.refinementHypotheses = 4 }))
        cases.append(("windowRadius", { $0.windowRadius = 0 }))
        cases.append(("blankWindowDeviation", { $0.blankWindowDeviation = .nan }))
        cases.append(("aggregationPaths", { $0.aggregationPaths = 6 }))
        cases.append(("smallJumpPenalty", { $0.largeJumpPenalty = 0.01 }))
        cases.append(("minimumConfidence", { $0.minimumConfidence = 2 }))
        for (field, change) in cases {
            var options = DepthOptions()
            change(&options)
            #expect(throws: SynthesisError.self, "\(field)") { try options.validate() }
            do {
                _ = try PlaneSweepDepth(options: options)
                Issue.record("\(field): accepted")
            } catch {
                #expect(error.kind == .invalidOptions)
                #expect(error.message.contains(field) && !error.message.contains("\n"), "\(error.message)")
            }
        }
    }
}
