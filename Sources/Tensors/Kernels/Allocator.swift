import Glibc

/// Process-wide memory settings for training workloads; `recur kernel`, `recur run` and
/// `recur bench` all apply them at start-up.
public enum Allocator {
    /// glibc's `mallopt` parameters (malloc.h is not part of the Glibc module).
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3

    /// Keeps freed tensor buffers (up to 64 MiB) in the heap instead of returning them to the
    /// kernel after every step. glibc's defaults trim and re-fault tens of megabytes per
    /// training step of a mid-sized RNN, which costs about a fifth of the step. The price is
    /// that the resident size stays at its training peak (bounded by the threshold) when idle.
    /// Returns false when the C library has no `mallopt`.
    @discardableResult
    public static func tuneForTraining() -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 64 << 20) == 1
    }
}
