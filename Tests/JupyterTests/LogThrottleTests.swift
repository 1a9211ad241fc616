import Testing
@testable import Jupyter

@Suite struct LogThrottleTests {
    @Test func linesPastTheRateAreCountedAndReportedInTheNextSecond() {
        var throttle = LogThrottle(linesPerSecond: 3)
        let first = (0..<10).map { throttle.admit(at: 5.0 + Double($0) * 0.01) }
        #expect(first == [.write(suppressedBefore: 0), .write(suppressedBefore: 0), .write(suppressedBefore: 0)]
            + Array(repeating: .suppress, count: 7))
        #expect(throttle.admit(at: 5.99) == .suppress)
        #expect(throttle.admit(at: 6.0) == .write(suppressedBefore: 8))
        #expect(throttle.admit(at: 6.1) == .write(suppressedBefore: 0))
    }

    @Test func anUnwrittenLineIsCountedToo() {
        var throttle = LogThrottle(linesPerSecond: 5)
        #expect(throttle.admit(at: 0) == .write(suppressedBefore: 0))
        throttle.countUnwritten()
        #expect(throttle.admit(at: 0.5) == .write(suppressedBefore: 1))
        #expect(LogThrottle.note(suppressed: 1) == "1 log line left out (too many at once, or stderr not read)")
    }
}
