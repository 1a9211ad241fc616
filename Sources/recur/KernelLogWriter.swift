import Glibc
import Jupyter
import Synchronization

/// The kernel's log on stderr: throttled, and never blocking the thread that logs.
///
/// A kernel's stderr is whatever its launcher gave it: a terminal, a log file, or a pipe that
/// may never be read, whose buffer then fills, so that a plain `write` would stop the shell
/// thread for good. A line is written only when stderr can take it at once (`poll` for
/// `POLLOUT`, and at most `PIPE_BUF` bytes, which a pipe takes whole); otherwise it is counted
/// and reported with the next line that gets through.
final class KernelLogWriter: Sendable {
    private let throttle = Mutex(LogThrottle(linesPerSecond: 20))
    /// POSIX guarantees that a pipe with room for `PIPE_BUF` bytes takes that many whole.
    private static let lineLimit = 4096

    /// Writes `message` as one `recur kernel: ` line, or counts it.
    func log(_ message: String) {
        throttle.withLock { throttle in
            switch throttle.admit(at: Self.now()) {
            case .suppress:
                return
            case .write(let suppressed):
                var text = ""
                if suppressed > 0 { text += "recur kernel: " + LogThrottle.note(suppressed: suppressed) + "\n" }
                text += "recur kernel: " + message + "\n"
                if !Self.writeAtOnce(text) { throttle.countUnwritten() }
            }
        }
    }

    private static func writeAtOnce(_ text: String) -> Bool {
        var pending = pollfd(fd: STDERR_FILENO, events: Int16(POLLOUT), revents: 0)
        guard poll(&pending, 1, 0) == 1, pending.revents & Int16(POLLOUT) != 0 else { return false }
        let bytes = Array(text.utf8.prefix(lineLimit))
        return bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) } > 0
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
