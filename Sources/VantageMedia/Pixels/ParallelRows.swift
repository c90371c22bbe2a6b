import Dispatch

/// Runs `body` over consecutive chunks of `0..<count` in parallel (several chunks per core, so
/// uneven chunks balance out). Each index belongs to exactly one chunk: when indices are image
/// rows (or bands of rows), a chunk may write its own rows of a shared buffer without locks.
public func forEachChunk(of count: Int, chunksPerCore: Int = 4, _ body: @Sendable (Range<Int>) -> Void) {
    let chunkCount = max(1, min(count, chunksPerCore * ProcessInfoCores.count))
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let start = count * chunk / chunkCount, end = count * (chunk + 1) / chunkCount
        if start < end { body(start..<end) }
    }
}

public enum ProcessInfoCores {
    public static let count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// The one place where a buffer is shared across the chunks of `forEachChunk`: each chunk writes
/// only the rows it owns, which is what makes the unchecked `Sendable` sound.
public struct BandSharedBuffer<Element>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>
    public let count: Int

    public init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress!
        count = buffer.count
    }
}

#if canImport(Glibc)
import Glibc
#endif
