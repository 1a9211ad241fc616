import Glibc
import Testing
@testable import Jupyter

/// The history file after a kernel died mid-write, and its size over a long life.
@Suite struct HistoryFileRecoveryTests {
    private func record(_ file: HistoryFile, _ inputs: [String]) -> History {
        var history = History(file: file)
        for (index, input) in inputs.enumerated() {
            history.record(line: index + 1, input: input, output: nil)
            history.save()
        }
        return history
    }

    @Test func aLineCutByAKilledKernelCostsOnlyThatLine() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        // What a kernel killed in the middle of its write leaves: a line without its end.
        let cut = "{\"session\":1,\"line\":1,\"input\":\"whole\"}\n{\"session\":1,\"line\":2,\"inp"
        #expect(FileBytes.write(Array(cut.utf8), to: path))
        var next = record(HistoryFile(path: path, log: LogRecorder().log), ["after = 1", "after + 1"])
        #expect(next.lookup(.search(pattern: "*", n: nil, unique: false)).map(\.input) == ["whole", "after = 1", "after + 1"])
    }

    @Test func theFileStaysBoundedInBytesWhileAKernelRuns() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        let file = HistoryFile(path: path, keepEntries: 1000, compactAboveBytes: 4096, keepBytes: 2048, log: LogRecorder().log)
        let inputs = (1...200).map { "cell_\($0) = '" + String(repeating: "v", count: 100) + "'" }
        var history = record(file, inputs)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(Int(info.st_size) <= 4096 + 200)
        let kept = file.readRecords().map(\.input)
        #expect(kept.last == inputs.last)
        #expect(kept == Array(inputs.suffix(kept.count)))
        // This session's own cells stay in memory whatever the file keeps.
        #expect(history.lookup(.tail(n: 200)).count == 200)
    }

    @Test func aCellLargerThanTheEntryLimitStaysInMemoryOnly() {
        let dir = TemporaryDirectory()
        let path = dir.path + "/history.jsonl"
        let file = HistoryFile(path: path, entryLimit: 1024, log: LogRecorder().log)
        var history = record(file, ["small = 1", "big = '" + String(repeating: "b", count: 2000) + "'", "small + 1"])
        #expect(file.readRecords().map(\.input) == ["small = 1", "small + 1"])
        #expect(history.lookup(.tail(n: 3)).count == 3)
    }
}
