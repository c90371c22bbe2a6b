import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import VantageMedia
import VantageTransport

/// Debian's headless-capable browser, when installed.
private let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The viewer page in a real browser (Debian's `chromium`, headless, driven over the DevTools
/// protocol) against `vantage demo`: a seat is picked through the page's address, and the view
/// that arrives on the page over its WebSocket session must be a real picture that looks like
/// the server's own still of the same pose.
@Suite(.serialized, .enabled(if: chromiumPath != nil, "needs chromium (apt-get install chromium); .ci/run installs it"))
struct BrowserTests {
    static let seat = [-20.0, -48.0, 15.0]

    /// `vantage demo` on a tiny stadium (4 cameras of 320×180, 1 s at 5 fps) made in `folder`.
    private func startDemo(in folder: URL) throws -> BackgroundCLI {
        let sample = folder.appendingPathComponent("sample").path
        let made = try CLI.run(["sample", "stadium", "--output", sample, "--cameras", "4", "--truth", "0", "--seconds", "1",
                                "--fps", "5", "--size", "320x180", "--depth", "none"])
        #expect(made.status == 0, "\(made.standardError)")
        return try BackgroundCLI(["demo", "--sample", sample, "--store", folder.appendingPathComponent("store").path,
                                  "--http", "127.0.0.1:\(CLI.freePort())"])
    }

    /// Waits for the demo's viewer address.
    private func viewerURL(_ demo: BackgroundCLI) async throws -> String {
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            if let line = demo.outputSoFar.split(separator: "\n").first(where: { $0.contains("viewer:") }) {
                return String(line.split(separator: " ").last!)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CLIError("the demo printed no viewer address: \(demo.errorSoFar)")
    }

    @Test func theViewerShowsTheViewFromThePickedSeat() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try startDemo(in: folder)
        defer { demo.signal(SIGINT); _ = demo.finish(within: 30) }
        let viewer = try await viewerURL(demo)
        let seat = Self.seat.map { String($0) }.joined(separator: ",")
        // The server's own still of the same pose.
        let still = try ImageIO.decode(try renderStill(base: viewer))
        // Chromium decodes H.264 with WebCodecs; `?codec=jpeg` forces the fallback.
        for (query, codecPrefix) in [("", "avc1."), ("&codec=jpeg", "jpeg")] {
            let page = "\(viewer)?seat=\(seat)\(query)"
            // Once the full-size view has arrived (over the page's WebSocket session): where the
            // picture sits, its codec, and the page as the browser shows it.
            let (rectText, codec, png) = try await withPage(page, of: demo) { page in
                _ = try await page.waitFor("document.getElementById('view').dataset.rendered === '1280x720' ? 'yes' : ''", seconds: 180)
                return (try await page.evaluate("document.getElementById('view').dataset.rect") as? String ?? "",
                        try await page.evaluate("document.getElementById('view').dataset.codec") as? String ?? "",
                        try await page.screenshot())
            }
            #expect(codec.hasPrefix(codecPrefix), "\(page): frames came as '\(codec)'")
            let rect = rectText.split(separator: ",").compactMap { Int($0) }
            try #require(rect.count == 4 && rect[2] > 100 && rect[3] > 50, "no picture on the page: \(rectText)")
            try keep(png, as: "viewer-\(codec.prefix { $0 != "." }).png")
            let screenshot = try ImageIO.decode([UInt8](png), source: "screenshot of \(page)")
            let shown = try #require(screenshot.cropped(x: rect[0], y: rect[1], width: rect[2], height: rect[3]))
            let spread = standardDeviation(shown)
            #expect(spread > 10, "the view on the page is blank (standard deviation \(spread))")
            let ssim = ImageMetrics.ssim(shown, still.resized(width: rect[2], height: rect[3]))
            print("viewer in chromium (\(codec)): \(rect[2])x\(rect[3]) on the page, SSIM \(ssim) against the server's still, standard deviation \(spread)")
            #expect(ssim > 0.8, "the page's view (\(codec)) does not resemble the server's still (SSIM \(ssim))")
        }
    }

    /// The director console in chromium: two keyframes, "Render highlight", and the clip arrives
    /// (a job on the server, polled by the page, fetched with the token) in the page's player.
    @Test func theDirectorRendersAHighlightClip() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try startDemo(in: folder)
        defer { demo.signal(SIGINT); _ = demo.finish(within: 30) }
        let viewer = try await viewerURL(demo)
        let token = try #require(demo.outputSoFar.split(separator: "\n").first { $0.contains("director token:") }?
            .split(separator: " ").last?.dropLast(), "the demo printed no director token")
        let (jobText, duration, png) = try await withPage("\(viewer)director", of: demo) { page in
            _ = try await page.waitFor("document.getElementById('time').max > 0 ? 'yes' : ''", seconds: 120)
            _ = try await page.evaluate("""
                document.getElementById('token').value = '\(token)';
                document.getElementById('key-gap').value = '0.4';
                document.getElementById('add-key').click();
                setTime(0.4); state.camera = [-30, -55, 20];
                document.getElementById('add-key').click();
                document.getElementById('render-highlight').click();
                'started'
                """)
            _ = try await page.waitFor("document.getElementById('clip').hidden ? '' : 'yes'", seconds: 240,
                                      explainedBy: "document.getElementById('job').textContent")
            _ = try await page.waitFor("document.getElementById('clip').readyState >= 1 ? 'yes' : ''", seconds: 30)
            return (try await page.evaluate("document.getElementById('job').textContent") as? String ?? "",
                    try await page.evaluate("document.getElementById('clip').duration") as? Double ?? 0,
                    try await page.screenshot())
        }
        try keep(png, as: "director.png")
        print("director in chromium: \(jobText); the page's player says \(duration) s")
        #expect(jobText.hasPrefix("Done: 11 frames"), "\(jobText)")
        #expect(abs(duration - 0.44) < 0.05, "the clip in the page's player lasts \(duration) s")
    }

    /// Opens `url` (served by `demo`) in chromium and runs `body` on it; its error, when it fails,
    /// tells whether `demo` still runs and what it logged last.
    private func withPage<T: Sendable>(_ url: String, of demo: BackgroundCLI,
                                       _ body: @escaping @Sendable (DevToolsPage) async throws -> T) async throws -> T {
        do {
            return try await DevToolsBrowser(chromium: chromiumPath!).withPage(url, body)
        } catch {
            let state = demo.process.isRunning ? "still runs" : "exited with status \(demo.process.terminationStatus)"
            throw CLIError("\(error). The demo \(state); its log ends: \(demo.errorSoFar.suffix(3000))")
        }
    }

    /// Keeps a screenshot in `$VANTAGE_SCREENSHOTS` when that is set (for the docs and notes).
    private func keep(_ png: Data, as name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["VANTAGE_SCREENSHOTS"] else { return }
        try png.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }

    private func renderStill(base: String) throws -> [UInt8] {
        let body: [String: Any] = ["time": 0, "format": "png", "size": ["width": 1280, "height": 720],
                                   "pose": ["position": Self.seat, "lookAt": [0, 0, 0], "up": [0, 0, 1], "horizontalFieldOfViewDegrees": 55]]
        var request = URLRequest(url: URL(string: "\(base)api/render")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.timeoutInterval = 240
        let result = Locked<Result<Data, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            result.withLock { $0 = data.map { .success($0) } ?? .failure(error ?? CLIError("no answer from \(base)api/render")) }
            done.signal()
        }.resume()
        done.wait()
        return Array(try result.current!.get())
    }

    private func attribute(_ name: String, in dom: String) -> String? {
        guard let start = dom.range(of: "\(name)=\"") else { return nil }
        return String(dom[start.upperBound...].prefix { $0 != "\"" })
    }

    private func standardDeviation(_ image: RGBImage) -> Double {
        let values = image.pixels.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }
}
