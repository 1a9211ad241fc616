import Testing
@testable import Script

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
        #expect(inner.calls.count == 1)
    }
}
