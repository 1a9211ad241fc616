import Glibc
import Testing
@testable import Jupyter

/// A fresh temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/recur-history-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp/recur-history-unavailable" }
            return String(cString: made)
        }
    }

    deinit {
        // Only the flat files these tests create, and the one subdirectory level.
        for sub in ["", "/recur"] {
            guard let dir = opendir(path + sub) else { continue }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(path + sub + "/" + name) }
            }
            closedir(dir)
        }
        rmdir(path + "/recur")
        rmdir(path)
    }
}

@Suite struct HistoryFileTests {
    private func run(_ file: HistoryFile, _ inputs: [String]) -> History {
        var history = History(file: file)
        for (index, input) in inputs.enumerated() {
            history.record(line: index + 1, input: input, output: input.hasPrefix("x") ? "1" : nil)
            history.save()
        }
        return history
    }

    @Test func eachKernelRunIsANewSessionAndSeesTheEarlierOnes() {
        let dir = TemporaryDirectory()
        let log = LogRecorder()
        let path = dir.path + "/recur/history.jsonl"
        var first = run(HistoryFile(path: path, log: log.log), ["a = 1", "x"])
        var second = run(HistoryFile(path: path, log: log.log), ["b = 2", "a = 1"])
        #expect(first.session() == 1)
        #expect(second.session() == 2)
        let tail = second.lookup(.tail(n: 3))
        #expect(tail.map { [$0.session, $0.line] } == [[1, 2], [2, 1], [2, 2]])
        #expect(tail.first?.output == "1")
        #expect(second.lookup(.range(session: -1, start: 1, stop: nil)).map(\.input) == ["a = 1", "x"])
        #expect(second.lookup(.range(session: 1, start: 2, stop: 3)).map(\.input) == ["x"])
        #expect(second.lookup(.range(session: 0, start: 1, stop: nil)).map(\.input) == ["b = 2", "a = 1"])
        let unique = second.lookup(.search(pattern: "a*", n: nil, unique: true))
        #expect(unique.map { [$0.session, $0.line] } == [[2, 2]])
        #expect(second.lookup(.search(pattern: "a*", n: nil, unique: false)).count == 2)
        #expect(log.all.isEmpty)
    }

    @Test func sessionsKeepIncreasingWhenTheCounterIsLost() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        var first = run(HistoryFile(path: path, log: LogRecorder().log), ["a"])
        #expect(first.session() == 1)
        var second = run(HistoryFile(path: path, log: LogRecorder().log), ["b"])
        #expect(second.session() == 2)
        unlink(path + ".session")
        var third = History(file: HistoryFile(path: path, log: LogRecorder().log))
        #expect(third.session() == 3)
    }

    @Test func compactionKeepsTheLastEntries() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        _ = run(HistoryFile(path: path, log: LogRecorder().log), (1...30).map { "cell \($0)" })
        // The next kernel's first append finds the file too large, keeps its last 10 lines,
        // then appends.
        let file = HistoryFile(path: path, keepEntries: 10, compactAboveBytes: 1000, log: LogRecorder().log)
        var next = run(file, ["new"])
        let all = next.lookup(.search(pattern: "*", n: nil, unique: false))
        #expect(all.map(\.input) == (21...30).map { "cell \($0)" } + ["new"])
        #expect(file.readRecords().count == 11)
    }

    @Test func unreadableLinesAreSkippedAndReportedOnce() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        let lines = "{\"session\":1,\"line\":1,\"input\":\"ok\"}\nnot json\n{\"session\":\"1\"}\n\u{0}\u{1}\n"
        #expect(FileBytes.write(Array(lines.utf8), to: path))
        let log = LogRecorder()
        var history = History(file: HistoryFile(path: path, log: log.log))
        #expect(history.session() == 2)
        #expect(history.lookup(.tail(n: 10)).map(\.input) == ["ok"])
        _ = history.lookup(.tail(n: 10))
        #expect(log.all.count == 1)
        #expect(log.all.first?.contains("3 unreadable") == true)
    }

    @Test func anUnwritablePlaceKeepsHistoryInMemory() {
        let dir = TemporaryDirectory()
        // A regular file where the directory should be.
        #expect(FileBytes.write(Array("x".utf8), to: dir.path + "/recur"))
        let log = LogRecorder()
        var history = History(file: HistoryFile(path: dir.path + "/recur/history.jsonl", log: log.log))
        history.record(line: 1, input: "a = 1", output: nil)
        history.save()
        #expect(history.session() == History.memorySession)
        #expect(history.lookup(.tail(n: 5)).map(\.input) == ["a = 1"])
        #expect(log.all.count == 1)
        #expect(log.all.first?.contains("keeping history in memory") == true)
    }

    @Test func anOutputLargerThanTheLimitIsNotStored() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        var history = History(file: HistoryFile(path: path, outputLimit: 8, log: LogRecorder().log))
        history.record(line: 1, input: "small", output: "12345678")
        history.record(line: 2, input: "large", output: "123456789")
        history.save()
        let stored = HistoryFile(path: path, log: LogRecorder().log).readRecords()
        #expect(stored.map(\.output) == ["12345678", nil])
    }

    @Test func startOfLastLinesCountsFromTheEnd() {
        let bytes = Array("a\nbb\nccc\n".utf8)
        #expect(HistoryFile.startOfLastLines(bytes, count: 1) == 5)
        #expect(HistoryFile.startOfLastLines(bytes, count: 2) == 2)
        #expect(HistoryFile.startOfLastLines(bytes, count: 3) == 0)
        #expect(HistoryFile.startOfLastLines(Array("a\nbb".utf8), count: 1) == 2)
    }

    @Test func theEnvironmentChoosesTheFileOrTurnsItOff() {
        let log = LogRecorder().log
        #expect(HistoryFile.standard(environment: ["JUPYTER_DATA_DIR": "/d", "HOME": "/h"], log: log)?.path == "/d/recur/history.jsonl")
        #expect(HistoryFile.standard(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"], log: log)?.path == "/x/jupyter/recur/history.jsonl")
        #expect(HistoryFile.standard(environment: ["HOME": "/h"], log: log)?.path == "/h/.local/share/jupyter/recur/history.jsonl")
        #expect(HistoryFile.standard(environment: ["HOME": "/h", "RECUR_HISTORY": "0"], log: log) == nil)
        #expect(HistoryFile.standard(environment: ["HOME": "/h", "RECUR_HISTORY": "off"], log: log) == nil)
        #expect(HistoryFile.standard(environment: ["HOME": "/h", "NBGRADER_EXECUTION": "autograde"], log: log) == nil)
        #expect(HistoryFile.standard(environment: [:], log: log) == nil)
    }
}
