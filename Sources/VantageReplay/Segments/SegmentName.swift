/// A segment's file name: `<first capture µs, zero-padded to 20 digits>-<counter>.vseg`.
///
/// The counter grows by one with every segment a camera starts and orders the segments in
/// decode order; the capture time is there for people listing the folder.
struct SegmentName: Hashable, Comparable, Sendable {
    static let fileExtension = "vseg"

    var firstCaptureMicroseconds: Int64
    var counter: Int

    init(firstCaptureMicroseconds: Int64, counter: Int) {
        self.firstCaptureMicroseconds = firstCaptureMicroseconds
        self.counter = counter
    }

    /// Parses a file name; nil when it is not a segment's.
    init?(fileName: String) {
        let suffix = "." + Self.fileExtension
        guard fileName.hasSuffix(suffix), let dash = fileName.dropLast(suffix.count).lastIndex(of: "-") else { return nil }
        let capture = fileName[..<dash]
        let counter = fileName[fileName.index(after: dash)...].dropLast(suffix.count)
        guard !counter.isEmpty, counter.allSatisfy(\.isASCII), counter.allSatisfy(\.isNumber),
              let counterValue = Int(counter), let captureValue = Int64(capture) else { return nil }
        self.init(firstCaptureMicroseconds: captureValue, counter: counterValue)
    }

    var fileName: String {
        let digits = String(firstCaptureMicroseconds.magnitude)
        let sign = firstCaptureMicroseconds < 0 ? "-" : ""
        let padded = sign + String(repeating: "0", count: max(0, 20 - sign.count - digits.count)) + digits
        let counterDigits = String(counter)
        return padded + "-" + String(repeating: "0", count: max(0, 8 - counterDigits.count)) + counterDigits + "." + Self.fileExtension
    }

    static func < (a: SegmentName, b: SegmentName) -> Bool {
        (a.counter, a.firstCaptureMicroseconds) < (b.counter, b.firstCaptureMicroseconds)
    }
}
