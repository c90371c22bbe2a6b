import Foundation
import Testing
import VantageTransport
@testable import VantageServer

/// The render thread runs jobs one at a time, in order, on a thread of its own.
@Suite struct RenderThreadTests {
    @Test func jobsRunInOrderOffTheCallersThread() async throws {
        let thread = RenderThread(name: "test-render", capacity: 8)
        defer { thread.stop() }
        let order = Locked<[Int]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<5 {
                group.addTask {
                    let name = try await thread.run { Thread.current.name }
                    #expect(name == "test-render")
                    order.withLock { $0.append(index) }
                }
            }
            try await group.waitForAll()
        }
        #expect(order.current.count == 5)
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
