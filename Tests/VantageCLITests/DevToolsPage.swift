import Foundation
import HummingbirdWSClient
import Logging
import VantageTransport

/// Headless chromium driven over the Chrome DevTools Protocol: open a page, evaluate JavaScript
/// in it, take a screenshot. Waits in real time, so pages that stream over WebSockets work.
struct DevToolsBrowser {
    let chromium: String
    var windowSize = (width: 1500, height: 900)

    /// Opens `url`, then runs `body` with a page handle until it returns.
    func withPage<T: Sendable>(_ url: String, _ body: @escaping @Sendable (DevToolsPage) async throws -> T) async throws -> T {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
                             "--window-size=\(windowSize.width),\(windowSize.height)", "--user-data-dir=\(profile.path)", "about:blank"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let browserURL = try Self.devToolsURL(errors.fileHandleForReading)
        let result = Locked<Result<T, any Error>?>(nil)
        try await WebSocketClient.connect(url: browserURL, configuration: .init(maxFrameSize: 64 << 20), logger: Logger(label: "devtools")) { inbound, outbound, _ in
            let page = DevToolsPage(outbound: outbound, inbound: inbound.messages(maxSize: 64 << 20).makeAsyncIterator())
            do {
                let target = try await page.call("Target.createTarget", ["url": url])
                let attached = try await page.call("Target.attachToTarget", ["targetId": target["targetId"] as? String ?? "", "flatten": true])
                page.sessionID = attached["sessionId"] as? String
                let value = try await body(page)
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
        }
        guard let outcome = result.current else { throw CLIError("the DevTools session ended before the page was driven") }
        return try outcome.get()
    }

    /// The browser's DevTools WebSocket address, from chromium's "DevTools listening on ws://…" line.
    private static func devToolsURL(_ errors: FileHandle) throws -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = errors.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("DevTools listening on ") }) {
                return String(line.split(separator: " ").last!)
            }
        }
        throw CLIError("chromium printed no DevTools address: \(text.suffix(500))")
    }
}

/// One page of a DevTools session: commands go out numbered, answers come back by number.
final class DevToolsPage: @unchecked Sendable {
    private let outbound: WebSocketOutboundWriter
    private var inbound: WebSocketInboundMessageStream.AsyncIterator
    private var nextID = 1
    var sessionID: String?

    init(outbound: WebSocketOutboundWriter, inbound: WebSocketInboundMessageStream.AsyncIterator) {
        self.outbound = outbound
        self.inbound = inbound
    }

    /// Sends a command and returns its result (events in between are skipped).
    func call(_ method: String, _ parameters: [String: Any] = [:]) async throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let sessionID { message["sessionId"] = sessionID }
        try await outbound.write(.text(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)))
        while let answer = try await inbound.next() {
            guard case let .text(text) = answer,
                  let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], json["id"] as? Int == id else { continue }
            if let error = json["error"] as? [String: Any] { throw CLIError("\(method): \(error["message"] ?? error)") }
            return json["result"] as? [String: Any] ?? [:]
        }
        throw CLIError("\(method): the browser closed the session")
    }

    /// The value of a JavaScript expression in the page.
    func evaluate(_ expression: String) async throws -> Any? {
        let result = try await call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Evaluates `expression` every half second until it is a non-empty string, for up to `seconds`.
    func waitFor(_ expression: String, seconds: Double, explainedBy explanation: String? = nil) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = try await evaluate(expression) as? String, !value.isEmpty { return value }
            try await Task.sleep(for: .milliseconds(500))
        }
        var shown = ""
        if let explanation { shown = "; \(explanation) is \(try await evaluate(explanation) ?? "nothing")" }
        throw CLIError("waited \(Int(seconds)) s for \(expression)\(shown)")
    }

    /// A PNG of the page's viewport.
    func screenshot() async throws -> Data {
        let result = try await call("Page.captureScreenshot", ["format": "png"])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else { throw CLIError("no screenshot data") }
        return data
    }
}
