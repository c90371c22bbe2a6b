import Foundation
import Testing
import VantageTransport
@testable import VantageServer

/// The render thread runs jobs one at a time, in order, on a thread of its own.
@Suite struct RenderThreadTests {
    @Test func jobsRunOnOneNamedThread() async throws {
        let thread = RenderThread(name: "test-render", capacity: 8)
        defer { thread.stop() }
        let threads = Locked<Set<UInt>>([])
        let names = Locked<Set<String>>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    let (thread, name) = try await thread.run { (UInt(bitPattern: Int(bitPattern: pthread_self())), osThreadName()) }
                    threads.withLock { _ = $0.insert(thread) }
                    names.withLock { _ = $0.insert(name) }
                }
            }
            try await group.waitForAll()
        }
        #expect(threads.current.count == 1)
        #expect(names.current == ["test-render"])
    }

    @Test func aJobWhoseCallerIsCancelledWhileWaitingNeverRuns() async throws {
        let thread = RenderThread(name: "test-render", capacity: 4)
        defer { thread.stop() }
        let release = DispatchSemaphore(value: 0)
        let ran = Locked(false)
        let blocker = Task { try await thread.run { release.wait() } }
        while thread.depth == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let waiter = Task { try await thread.run { ran.withLock { $0 = true } } }
        while thread.depth < 2 { try await Task.sleep(for: .milliseconds(5)) }
        waiter.cancel()
        release.signal()
        try await blocker.value
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(!ran.current)
    }

    /// Sessions, streams and jobs are never refused and are served in the order they came, so
    /// each gets a turn; a one-off request beyond the capacity is refused at once.
    @Test func turnTakersQueueInOrderAndOneOffsAreRefusedWhenFull() async throws {
        let thread = RenderThread(name: "test-render", capacity: 1)
        defer { thread.stop() }
        let release = DispatchSemaphore(value: 0)
        let order = Locked<[String]>([])
        let blocker = Task { try await thread.run { release.wait() } }
        while thread.depth == 0 { try await Task.sleep(for: .milliseconds(5)) }
        var callers: [Task<Void, any Error>] = []
        for name in ["session a", "stream", "session b"] {
            callers.append(Task { try await thread.run(.takesItsTurn) { order.withLock { $0.append(name) } } })
            while thread.depth < callers.count + 1 { try await Task.sleep(for: .milliseconds(5)) }
        }
        await #expect(throws: RenderQueueFull.self) { try await thread.run(.refusedWhenFull) { order.withLock { $0.append("still") } } }
        release.signal()
        try await blocker.value
        for caller in callers { try await caller.value }
        #expect(order.current == ["session a", "stream", "session b"])
    }

    @Test func aStoppedThreadRefusesJobs() async throws {
        let thread = RenderThread(name: "test-render", capacity: 1)
        thread.stop()
        await #expect(throws: RenderThreadStopped.self) { try await thread.run { 1 } }
    }

    @Test func qualityMapsToJPEGQScale() throws {
        #expect(try ImageEncoding(format: "jpg", quality: 100).jpegQScale == 2)
        #expect(try ImageEncoding(format: nil, quality: 1).jpegQScale == 31)
        #expect(try ImageEncoding(format: "PNG", quality: nil).format == .png)
    }
}

/// The operating system's name of the calling thread (Foundation's elsewhere than Linux).
private func osThreadName() -> String {
    #if os(Linux)
    return ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
    #else
    return Thread.current.name ?? ""
    #endif
}

/// The render size limit as `--max-render-size` sets it.
@Suite struct RenderLimitTests {
    @Test func aConfiguredLimitBoundsAreaAndSides() throws {
        var options = ServerOptions()
        try options.setMaxRenderSize("640x480")
        #expect(throws: Never.self) { try RenderTarget.checkedSize(width: 640, height: 480, options: options) }
        #expect(throws: Never.self) { try RenderTarget.checkedSize(width: 480, height: 640, options: options) }
        #expect(throws: APIError.self) { try RenderTarget.checkedSize(width: 641, height: 480, options: options) }
        #expect(throws: APIError.self) { try RenderTarget.checkedSize(width: 1000, height: 10, options: options) }
        #expect(throws: APIError.self) { try RenderTarget.checkedSize(width: Int.max, height: Int.max, options: options) }
        #expect(throws: ServerError.self) { try options.setMaxRenderSize("0x480") }
        #expect(throws: ServerError.self) { try options.setMaxRenderSize("big") }
    }
}
