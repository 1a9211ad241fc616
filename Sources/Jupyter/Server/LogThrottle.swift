/// Bounds how many log lines a kernel writes per second.
///
/// The kernel logs every message it drops or ignores; a client that sends thousands of them
/// (a comm_open flood, a fuzzer) must not turn that into thousands of lines on a stderr that
/// may be a pipe nobody reads. Past `linesPerSecond` in one second, lines are counted instead
/// of written, and the first line of a later second says how many were left out.
public struct LogThrottle: Sendable {
    /// What to do with one line.
    public enum Admission: Equatable, Sendable {
        /// Write it, after a note that `suppressed` lines were left out before it (if any).
        case write(suppressedBefore: Int)
        /// Leave it out (it is counted).
        case suppress
    }

    private let linesPerSecond: Int
    private var windowStart = -Double.infinity
    private var written = 0
    private var suppressed = 0

    /// A throttle that admits `linesPerSecond` lines in each one-second window.
    public init(linesPerSecond: Int) {
        self.linesPerSecond = linesPerSecond
    }

    /// Decides about a line logged at `time` (seconds on a monotonic clock).
    public mutating func admit(at time: Double) -> Admission {
        if time - windowStart >= 1 {
            windowStart = time
            written = 0
        }
        guard written < linesPerSecond else {
            suppressed += 1
            return .suppress
        }
        written += 1
        defer { suppressed = 0 }
        return .write(suppressedBefore: suppressed)
    }

    /// Counts a line admitted but not written after all (the destination was not ready).
    public mutating func countUnwritten() {
        suppressed += 1
    }

    /// The note written before a line when others were left out.
    public static func note(suppressed: Int) -> String {
        "\(suppressed) log line\(suppressed == 1 ? "" : "s") left out (too many at once, or stderr not read)"
    }
}
