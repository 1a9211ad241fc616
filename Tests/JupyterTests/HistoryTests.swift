import Testing
@testable import Jupyter

@Suite struct HistoryTests {
    private func sample() -> History {
        var history = History()
        for (line, input) in ["a = 1", "b = 2", "a = 1", "print(a)", "a = 1"].enumerated() {
            history.record(line: line + 1, input: input, output: line == 3 ? "1" : nil)
        }
        return history
    }

    @Test func tailGivesTheLastN() {
        var history = sample()
        #expect(history.lookup(.tail(n: 2)).map(\.line) == [4, 5])
        #expect(history.lookup(.tail(n: 0)).isEmpty)
    }

    @Test func rangeIsHalfOpenInTheCurrentSession() {
        var history = sample()
        #expect(history.lookup(.range(session: History.memorySession, start: 2, stop: 4)).map(\.line) == [2, 3])
        #expect(history.lookup(.range(session: 0, start: 4, stop: nil)).map(\.line) == [4, 5])
        #expect(history.lookup(.range(session: -1, start: 1, stop: nil)).isEmpty)
    }

    @Test func searchGlobsUniqueAndN() {
        var history = sample()
        #expect(history.lookup(.search(pattern: "a*", n: nil, unique: false)).map(\.line) == [1, 3, 5])
        #expect(history.lookup(.search(pattern: "a*", n: nil, unique: true)).map(\.line) == [5])
        #expect(history.lookup(.search(pattern: "?=*", n: nil, unique: true)).isEmpty)
        #expect(history.lookup(.search(pattern: "*", n: 2, unique: true)).map(\.line) == [4, 5])
        #expect(history.lookup(.search(pattern: "*", n: 2, unique: false)).map(\.line) == [4, 5])
    }

    @Test func queryIsReadFromRequestContent() throws {
        #expect(try History.Query(content: ["hist_access_type": "tail", "n": 3]) == .tail(n: 3))
        #expect(
            try History.Query(content: ["hist_access_type": "search", "pattern": "x*", "unique": true])
                == .search(pattern: "x*", n: nil, unique: true))
        #expect(throws: WireError.self) { try History.Query(content: ["hist_access_type": "sideways"]) }
        #expect(throws: WireError.self) { try History.Query(content: ["hist_access_type": "tail", "n": "3"]) }
    }

    @Test func replyCarriesSessionLineAndOptionalOutput() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        harness.sendShell("execute_request", ["code": "value 3"])
        harness.sendShell("execute_request", ["code": "print x"])
        harness.sendShell("history_request", ["hist_access_type": "tail", "n": 2, "output": true, "raw": true])
        let history = harness.shellReplies.last?.content["history"]
        #expect(history == [[1, 1, ["value 3", "3"]], [1, 2, ["print x", nil]]])
    }
}

@Suite struct TimestampTests {
    @Test func formatsISO8601WithMicroseconds() {
        #expect(Timestamp.format(seconds: 0, microseconds: 5) == "1970-01-01T00:00:00.000005Z")
        #expect(Timestamp.format(seconds: 1_700_000_000, microseconds: 123_456) == "2023-11-14T22:13:20.123456Z")
    }
}
