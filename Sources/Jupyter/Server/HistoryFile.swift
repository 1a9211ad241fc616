import Glibc

/// The cells of earlier kernel runs, for `history_request`: an append-only file of JSON lines
/// shared by every Recur kernel of the user (IPython keeps the same in SQLite).
///
/// Each line is one cell, `{"session": 7, "line": 3, "input": "...", "output": "..."}`, the
/// output being its `text/plain` result when there was one of at most `outputLimit` bytes.
/// Session numbers come from a counter file beside it (`<path>.session`), read and advanced
/// under an exclusive lock, so kernels started together get different numbers. A line goes out
/// in one `write` to a descriptor opened for appending, under a shared lock. When the file has
/// grown past `compactAboveBytes`, a kernel's first append rewrites it to its last
/// `keepEntries` lines, under an exclusive lock, through a temporary file renamed over it (an
/// appending kernel notices the rename and reopens the path).
///
/// Nothing here is fatal: a failure is logged once and turns the file off, and the kernel
/// keeps its own session's history in memory; unreadable lines are skipped.
public final class HistoryFile {
    /// The history file's path.
    public let path: String
    let keepEntries: Int
    let compactAboveBytes: Int
    let keepBytes: Int
    let outputLimit: Int
    let entryLimit: Int
    private let log: KernelLog
    private var descriptor: Int32 = -1
    private(set) var isDisabled = false
    private var checkedSize = false
    private var reportedUnreadable = false

    /// A history file at `path` (its directory is created when needed).
    public init(
        path: String, keepEntries: Int = 10_000, compactAboveBytes: Int = 2 << 20, keepBytes: Int = 1 << 20,
        outputLimit: Int = 4096, entryLimit: Int = 256 << 10, log: @escaping KernelLog
    ) {
        self.path = path
        self.keepEntries = keepEntries
        self.compactAboveBytes = compactAboveBytes
        self.keepBytes = keepBytes
        self.outputLimit = outputLimit
        self.entryLimit = entryLimit
        self.log = log
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// `recur/history.jsonl` in the user's Jupyter data directory, or nil when the environment
    /// turns persistent history off (`RECUR_HISTORY=0`), nbgrader is running the kernel
    /// (`NBGRADER_EXECUTION`), or it names no data directory.
    public static func standard(environment: [String: String], log: @escaping KernelLog) -> HistoryFile? {
        if let setting = environment["RECUR_HISTORY"], ["0", "false", "no", "off"].contains(setting.lowercased()) {
            return nil
        }
        // nbgrader sets it around validation and autograding: students' cells are not the
        // grader's history.
        if environment["NBGRADER_EXECUTION"] != nil { return nil }
        guard let directory = JupyterPaths.userDataDirectory(environment: environment) else {
            log("history: no JUPYTER_DATA_DIR, XDG_DATA_HOME or HOME; keeping history in memory")
            return nil
        }
        return HistoryFile(path: directory + "/recur/history.jsonl", log: log)
    }

    var counterPath: String { path + ".session" }

    // MARK: Sessions

    /// A new session number, one more than any handed out before; nil when the file is off.
    func startSession() -> Int? {
        guard !isDisabled else { return nil }
        guard makeParentDirectory() else { return disable("cannot create the directory of \(path)") }
        let counter = open(counterPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard counter >= 0 else { return disable("cannot open \(counterPath)") }
        defer { close(counter) }
        guard flock(counter, LOCK_EX) == 0 else { return disable("cannot lock \(counterPath)") }
        var text = [UInt8](repeating: 0, count: 32)
        let count = pread(counter, &text, text.count, 0)
        let stored = count > 0 ? String(decoding: text[0..<count], as: UTF8.self).split(separator: "\n").first.flatMap { Int($0) } : nil
        // A lost counter continues after the sessions the file holds.
        let session = (stored ?? readRecords().map(\.session).max() ?? 0) + 1
        let written = Array("\(session)\n".utf8)
        guard ftruncate(counter, 0) == 0, pwrite(counter, written, written.count, 0) == written.count else {
            return disable("cannot write \(counterPath)")
        }
        return session
    }

    // MARK: Appending

    /// Appends cells (those over `entryLimit` bytes stay in memory only); compacts the file
    /// whenever it has grown past `compactAboveBytes`.
    func append(_ entries: [History.Entry]) {
        guard !isDisabled, !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        for entry in entries {
            var record: [String: JSONValue] = [
                "session": .int(entry.session), "line": .int(entry.line), "input": .string(entry.input),
            ]
            if let output = entry.output, output.utf8.count <= outputLimit { record["output"] = .string(output) }
            let line = JSONValue.object(record).serialized
            guard line.count < entryLimit else { continue }
            bytes += line
            bytes.append(0x0A)
        }
        guard !bytes.isEmpty else { return }
        if !checkedSize {
            checkedSize = true
            compactIfLarge()
        }
        guard let fd = lockedForAppend() else { return }
        // A kernel killed in the middle of its write leaves a line without its newline; end it
        // first, so that only the cut line is lost, not this one run into it.
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, info.st_size - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        // One write per save: a whole line or, if the process dies in it, one cut line.
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        flock(fd, LOCK_UN)
        // A short write would leave half a line for the next one to run into.
        if written != bytes.count { return turnOff("cannot append to \(path)") }
        if Int(info.st_size) + written > compactAboveBytes { compactIfLarge() }
    }

    /// The append descriptor, locked shared, and still the file at `path` (another kernel's
    /// compaction renames a new file over it).
    private func lockedForAppend() -> Int32? {
        for _ in 0..<3 {
            if descriptor < 0 {
                guard makeParentDirectory() else { return disable("cannot create the directory of \(path)") }
                descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
                guard descriptor >= 0 else { return disable("cannot open \(path)") }
            }
            guard flock(descriptor, LOCK_SH) == 0 else { return disable("cannot lock \(path)") }
            var opened = stat()
            var named = stat()
            if fstat(descriptor, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino,
                opened.st_dev == named.st_dev
            {
                return descriptor
            }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
        return disable("\(path) keeps changing under this kernel")
    }

    /// Keeps the last `keepEntries` lines (within `keepBytes`) once the file is larger than
    /// `compactAboveBytes`.
    func compactIfLarge() {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) > compactAboveBytes else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return }
        defer { flock(fd, LOCK_UN) }
        // Another kernel may have compacted it meanwhile: work on the file `path` names now.
        var opened = stat()
        guard fstat(fd, &opened) == 0, stat(path, &info) == 0, opened.st_ino == info.st_ino,
            let bytes = FileBytes.read(path: path)
        else { return }
        let start = Self.startOfLastLines(bytes, count: keepEntries, withinBytes: keepBytes)
        guard start > 0 else { return }
        let temporary = path + ".compacting-\(getpid())"
        guard FileBytes.write(Array(bytes[start...]), to: temporary), chmod(temporary, 0o600) == 0,
            rename(temporary, path) == 0
        else {
            unlink(temporary)
            log("history: cannot compact \(path): " + String(cString: strerror(errno)))
            return
        }
    }

    /// The offset where the last `count` lines of `bytes` begin, fewer if they would take
    /// more than `withinBytes` (0: it has no more).
    static func startOfLastLines(_ bytes: [UInt8], count: Int, withinBytes: Int = .max) -> Int {
        var end = bytes.count
        if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
        var seen = 0
        var index = end
        var start = 0
        while index > 0 {
            index -= 1
            if bytes[index] == 0x0A {
                if bytes.count - (index + 1) > withinBytes { return start > 0 ? start : bytes.count }
                seen += 1
                start = index + 1
                if seen == count { return start }
            }
        }
        return bytes.count > withinBytes ? (start > 0 ? start : bytes.count) : 0
    }

    // MARK: Reading

    /// Every readable cell in the file, in file order (none when it does not exist yet).
    func readRecords() -> [History.Entry] {
        guard let bytes = FileBytes.read(path: path) else { return [] }
        var records: [History.Entry] = []
        var unreadable = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            guard let value = try? JSONValue.parse(Array(line)), let session = value["session"]?.intValue,
                let number = value["line"]?.intValue, let input = value["input"]?.stringValue
            else {
                unreadable += 1
                continue
            }
            records.append(
                History.Entry(session: session, line: number, input: input, output: value["output"]?.stringValue))
        }
        if unreadable > 0 && !reportedUnreadable {
            reportedUnreadable = true
            log("history: skipped \(unreadable) unreadable line(s) in \(path)")
        }
        return records
    }

    // MARK: Failures

    private func makeParentDirectory() -> Bool {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return true }
        return FileBytes.makeDirectories(String(path[..<slash]))
    }

    /// Logs why and turns the file off for the rest of this kernel's life.
    private func turnOff(_ reason: String) {
        if !isDisabled {
            log("history: \(reason): " + String(cString: strerror(errno)) + "; keeping history in memory")
        }
        isDisabled = true
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
    }

    /// `turnOff`, for the functions that return nothing once it is off.
    private func disable<T>(_ reason: String) -> T? {
        turnOff(reason)
        return nil
    }
}
