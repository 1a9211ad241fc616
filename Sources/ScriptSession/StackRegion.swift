import Glibc
import Script
import ScriptLibrary

/// A worker thread's stack, as far as giving unused pages back to the system goes.
///
/// A long-lived thread whose jobs sometimes recurse deeply would otherwise keep the deepest
/// stack it ever reached resident: after a job, the pages below the thread's current depth
/// are dropped (`MADV_DONTNEED`; they read as zeros if touched again, as fresh stack does).
struct StackRegion {
    /// The lowest usable address of the stack (it grows down toward it).
    let low: UInt
    let pageSize: UInt
    /// Stack kept below the current frame: the next job's first frames reuse it.
    static let keptBelowFrame: UInt = 64 << 10

    /// The first page below the kept part under the caller's frame; nil when the stack is
    /// too shallow to have any.
    private func boundary() -> UInt? {
        var marker: UInt8 = 0
        let frame = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        guard frame > low + StackRegion.keptBelowFrame + pageSize else { return nil }
        return (frame - StackRegion.keptBelowFrame) & ~(pageSize - 1)
    }

    /// Whether the page just below the kept part is resident, i.e. a job went deeper.
    func wentDeep() -> Bool {
        guard let top = boundary(), let page = UnsafeMutableRawPointer(bitPattern: top - pageSize) else {
            return false
        }
        var resident: UInt8 = 0
        guard mincore(page, Int(pageSize), &resident) == 0 else { return false }
        return resident & 1 != 0
    }

    /// Drops the pages below the kept part when a job used them.
    func releaseUnusedPages() {
        guard wentDeep(), let top = boundary() else { return }
        let start = (low + pageSize - 1) & ~(pageSize - 1)
        guard top > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(base, Int(top - start), MADV_DONTNEED)
    }
}
