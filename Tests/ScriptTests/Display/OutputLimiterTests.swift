import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct OutputLimiterTests {
    @Test func passesOutputUnderTheCap() {
        var limiter = OutputLimiter(cap: 10)
        #expect(limiter.admit("hello", to: .stdout) == [.init(stream: .stdout, text: "hello")])
        #expect(limiter.admit("err", to: .stderr) == [.init(stream: .stderr, text: "err")])
        #expect(!limiter.isTruncated)
    }

    @Test func cutsAtTheCapAndNotesItOnce() {
        var limiter = OutputLimiter(cap: 10)
        _ = limiter.admit("12345678", to: .stdout)
        let chunks = limiter.admit("abcdef", to: .stdout)
        #expect(chunks == [.init(stream: .stdout, text: "ab"), .init(stream: .stderr, text: limiter.note)])
        #expect(limiter.admit("more", to: .stdout).isEmpty)
        #expect(limiter.admit("more", to: .stderr).isEmpty)
        #expect(limiter.written == 10)
        #expect(limiter.note.contains("Output truncated"))
        #expect(limiter.note.contains("10 bytes"))
    }

    @Test func neverSplitsACharacter() {
        var limiter = OutputLimiter(cap: 4)
        let chunks = limiter.admit("ab€€", to: .stdout)
        #expect(chunks.first?.text == "ab")
        #expect(chunks.count == 2)
    }

    @Test func describesTheCap() {
        #expect(OutputLimiter.describe(bytes: 1 << 20) == "1 MiB")
        #expect(OutputLimiter.describe(bytes: 64 << 10) == "64 KiB")
        #expect(OutputLimiter.describe(bytes: 1000) == "1000 bytes")
    }

    @Test func limitedHostCapsAnEndlessPrintLoop() {
        let inner = RecordingDisplayHost()
        let host = LimitedHost(inner, cap: 1000)
        for i in 0..<10_000 { host.write("line \(i)\n", to: .stdout) }
        let stdout = inner.written.filter { $0.1 == .stdout }.map(\.0).joined()
        let notes = inner.written.filter { $0.1 == .stderr }.map(\.0)
        #expect(stdout.utf8.count == 1000)
        #expect(stdout.hasPrefix("line 0\nline 1\n"))
        #expect(notes.count == 1)
        host.display(MimeBundle(plainText: "x"), displayID: nil, isUpdate: false)
        host.display(MimeBundle(plainText: "x"), displayID: "bar", isUpdate: true)
        #expect(inner.calls.map(\.isUpdate) == [true])
    }

    @Test func quickWritesAreCoalescedInOrderUntilFlushed() {
        let inner = RecordingDisplayHost()
        let host = LimitedHost(inner, cap: 1 << 20, flushInterval: .seconds(3600))
        host.write("first\n", to: .stdout)  // nothing sent yet: goes out at once
        for i in 0..<1000 { host.write("line \(i)\n", to: .stdout) }
        host.write("oops\n", to: .stderr)
        host.write("more\n", to: .stdout)
        #expect(inner.written.count == 1)
        _ = host.interruptRequested  // not due yet: still waiting
        #expect(inner.written.count == 1)
        host.flush()
        let lines = (0..<1000).map { "line \($0)\n" }.joined()
        #expect(inner.written.map(\.0) == ["first\n", lines, "oops\n", "more\n"])
        #expect(inner.written.map(\.1) == [.stdout, .stdout, .stderr, .stdout])
    }

    @Test func waitingTextGoesOutBeforeADisplayAndPastTheSizeLimit() {
        let inner = RecordingDisplayHost()
        let host = LimitedHost(inner, cap: 1 << 20, flushInterval: .seconds(3600))
        host.write("a", to: .stdout)
        host.write("b", to: .stdout)
        host.display(MimeBundle(plainText: "x"), displayID: nil, isUpdate: false)
        #expect(inner.written.map(\.0) == ["a", "b"])
        #expect(inner.calls.count == 1)
        let big = String(repeating: "y", count: LimitedHost.flushBytes)
        host.write(big, to: .stdout)
        #expect(inner.written.map(\.0) == ["a", "b", big])
    }

    @Test func withoutAnIntervalEveryWriteGoesOutAtOnce() {
        let inner = RecordingDisplayHost()
        let host = LimitedHost(inner, cap: 1 << 20, flushInterval: .zero)
        for i in 0..<5 { host.write("\(i)", to: .stdout) }
        #expect(inner.written.map(\.0) == ["0", "1", "2", "3", "4"])
    }

    @Test func endlessDisplaysAreCappedToo() {
        let inner = RecordingDisplayHost()
        let host = LimitedHost(inner, cap: 100)
        for _ in 0..<1000 { host.display(MimeBundle(plainText: "0123456789"), displayID: nil, isUpdate: false) }
        #expect(inner.calls.count == 10)
        #expect(inner.written.count == 1)
        #expect(inner.written.first?.0.contains("Output truncated") == true)
        host.display(MimeBundle(plainText: "progress"), displayID: "bar", isUpdate: true)
        #expect(inner.calls.count == 11)
    }
}

@Suite struct CellOutputCapTests {
    @Test func aCellThatPrintsWithoutEndIsCappedAndStaysInterruptible() {
        let host = RecordingHost()
        host.interruptAfterPolls = 300_000
        let outcome = Session().execute("i = 0\nwhile True:\n    print('line', i)\n    i += 1\n", cellName: "In[1]", host: host)
        guard case .failure(let failure) = outcome else {
            Issue.record("the loop should end with KeyboardInterrupt")
            return
        }
        #expect(failure.name == "KeyboardInterrupt")
        #expect(host.stdout.utf8.count <= OutputLimiter.defaultCap)
        #expect(host.stdout.hasPrefix("line 0\nline 1\n"))
        #expect(host.stderr.ranges(of: "Output truncated").count == 1)
    }
}
