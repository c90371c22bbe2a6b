import Testing
@testable import VantageSynthesis

struct EvaluationSelectionTests {
    static let sources = ["a", "b", "c", "d", "e"]
    static let all = sources + ["virtual"]

    @Test func holdoutByNameAndByStride() throws {
        #expect(try HoldoutSelection(parsing: "c, a").resolve(sources: Self.sources, all: Self.all) == ["c", "a"])
        #expect(try HoldoutSelection(parsing: "every:2").resolve(sources: Self.sources, all: Self.all) == ["a", "c", "e"])
        #expect(try HoldoutSelection(parsing: "every:10").resolve(sources: Self.sources, all: Self.all) == ["a"])
    }

    @Test func badHoldoutsAreRefusedWithTheReason() {
        for text in ["every:0", "every:-1", "every:x", "", "a,,b"] {
            #expect(throws: SynthesisError.self, "\(text)") { try HoldoutSelection(parsing: text) }
        }
        func message(_ text: String) -> String {
            do {
                _ = try HoldoutSelection(parsing: text).resolve(sources: Self.sources, all: Self.all)
                return ""
            } catch { return error.message }
        }
        #expect(message("a,zz").contains("'zz'") && message("a,zz").contains("a, b, c, d, e, virtual"))
        #expect(message("virtual").contains("no frames"))
        #expect(message("a,a").contains("twice"))
    }

    @Test func frameLists() throws {
        #expect(try FrameSelection.parse("0") == [0])
        #expect(try FrameSelection.parse("0,10,20") == [0, 10, 20])
        #expect(try FrameSelection.parse("0-40:10") == [0, 10, 20, 30, 40])
        #expect(try FrameSelection.parse("3-5, 9") == [3, 4, 5, 9])
        for text in ["", "-1", "5-2", "0-4:0", "a", "1-2-3", "0-4:2:1"] {
            #expect(throws: SynthesisError.self, "\(text)") { try FrameSelection.parse(text) }
        }
    }
}
