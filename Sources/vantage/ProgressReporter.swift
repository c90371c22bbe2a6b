import Foundation

/// Progress of long work on standard error: a bar with ETA on a terminal, otherwise one JSON
/// line per second (and one at the end) for scripts and logs.
final class ProgressReporter {
    private let task: String
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastReport = -Double.infinity

    init(task: String) { self.task = task }

    func report(done: Int, total: Int, elapsedSeconds: Double) {
        let finished = done >= total
        guard finished || elapsedSeconds - lastReport >= (isTerminal ? 0.1 : 1) else { return }
        lastReport = elapsedSeconds
        let remaining = done > 0 ? elapsedSeconds / Double(done) * Double(total - done) : nil
        if isTerminal {
            let width = 30, filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let eta = remaining.map { "ETA \(Int($0.rounded())) s" } ?? ""
            printError("\r\(task) \(bar) \(done)/\(total)  \(String(format: "%.1f", elapsedSeconds)) s  \(eta)   ", newline: finished)
        } else {
            var line = "{\"task\": \"\(task)\", \"done\": \(done), \"total\": \(total), \"elapsedSeconds\": \(String(format: "%.2f", elapsedSeconds))"
            if let remaining { line += ", \"etaSeconds\": \(String(format: "%.1f", remaining))" }
            printError(line + "}")
        }
    }
}
