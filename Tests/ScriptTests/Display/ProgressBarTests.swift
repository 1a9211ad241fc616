import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ProgressBarTests {
    @Test(arguments: DisplayFixtures.progress.indices)
    func textMatchesTqdm(_ index: Int) {
        let fixture = DisplayFixtures.progress[index]
        let bar = ProgressBar(total: fixture.total, n: fixture.n, elapsed: fixture.elapsed, description: fixture.description,
                              postfix: fixture.postfix.map { (key: $0.0, value: $0.1) })
        #expect(bar.text == fixture.text)
    }

    @Test(arguments: DisplayFixtures.formattedNumbers.indices)
    func postfixNumbersMatchTqdm(_ index: Int) {
        let (value, isInt, expected) = DisplayFixtures.formattedNumbers[index]
        #expect((isInt ? ProgressBar.formatNumber(Int(value)) : ProgressBar.formatNumber(value)) == expected)
    }

    @Test func barFillsInEighths() {
        #expect(ProgressBar.bar(0) == String(repeating: " ", count: 10))
        #expect(ProgressBar.bar(1) == String(repeating: "█", count: 10))
        #expect(ProgressBar.bar(0.05) == "▌" + String(repeating: " ", count: 9))
        #expect(ProgressBar.bar(0.4).count == 10)
    }

    @Test func intervalsSwitchToHoursAndClampNonsense() {
        #expect(ProgressBar.interval(59.9) == "00:59")
        #expect(ProgressBar.interval(3600) == "1:00:00")
        #expect(ProgressBar.interval(-5) == "00:00")
        #expect(ProgressBar.interval(.nan) == "00:00")
        #expect(ProgressBar.interval(.infinity) == "00:00")
    }

    @Test func htmlIsWellFormedAndEscaped() throws {
        let bar = ProgressBar(total: 15, n: 6, elapsed: 1.2, description: "<train & test>", postfix: [("loss", "0.873")])
        let parsed = ParsedMarkup(bar.html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let progress = try #require(parsed.all("progress").first)
        #expect(progress.attributes["value"] == "6")
        #expect(progress.attributes["max"] == "15")
        #expect(parsed.all("span").first?.text.hasPrefix("<train & test>: 40%") == true)
        #expect(parsed.all("span").last?.text.contains("6/15 [00:01<00:01,") == true)
        #expect(bar.bundle().plainText == bar.text)
    }

    @Test func unknownTotalHasNoProgressElement() {
        let parsed = ParsedMarkup(ProgressBar(total: nil, n: 3, elapsed: 1).html)
        #expect(parsed.isWellFormed)
        #expect(parsed.all("progress").isEmpty)
    }

    @Test func liveDisplayUpdatesOneDisplayInPlace() {
        var live = ProgressDisplay(displayID: "bar-1", bar: ProgressBar(total: 15))
        let host = RecordingDisplayHost()
        live.start().send(to: host)
        for step in 1...15 {
            // Iterations 0.01 s apart: a refresh at most every 0.1 s, and one at the end.
            live.advance(elapsed: Double(step) * 0.01)?.send(to: host)
            if step % 5 == 0 {
                live.setPostfix([("loss", ProgressBar.formatNumber(1.0 / Double(step)))], elapsed: Double(step) * 0.01)?.send(to: host)
            }
        }
        live.close(elapsed: 0.16)?.send(to: host)
        #expect(host.calls.first?.isUpdate == false)
        #expect(host.calls.dropFirst().allSatisfy { $0.isUpdate })
        #expect(Set(host.calls.map(\.id)) == ["bar-1"])
        #expect(host.calls.count < 8)
        #expect(host.calls.last?.bundle.plainText.hasPrefix("100%|██████████| 15/15") == true)
        #expect(host.calls.last?.bundle.plainText.hasSuffix("loss=0.0667]") == true)
        #expect(live.advance(elapsed: 1) == nil)
    }
}

/// Records display calls with their ids.
final class RecordingDisplayHost: ScriptHost {
    var calls: [(bundle: MimeBundle, id: String?, isUpdate: Bool)] = []
    var written: [(String, OutputStreamName)] = []
    func write(_ text: String, to stream: OutputStreamName) { written.append((text, stream)) }
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) { calls.append((bundle, displayID, isUpdate)) }
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    var interruptRequested: Bool { false }
}

@Suite struct ProgressDisplayCloseTests {
    @Test func closingAfterTheLastUpdateSendsNothingNew() {
        var live = ProgressDisplay(displayID: "b", bar: ProgressBar(total: 2))
        _ = live.start()
        #expect(live.advance(elapsed: 0.5) != nil)
        #expect(live.advance(elapsed: 1.0) != nil)
        #expect(live.close(elapsed: 1.0) == nil)
        var unfinished = ProgressDisplay(displayID: "c", bar: ProgressBar(total: 10))
        _ = unfinished.start()
        _ = unfinished.advance(elapsed: 0.01)
        #expect(unfinished.close(elapsed: 0.02)?.bundle.plainText.hasPrefix(" 10%") == true)
    }
}
