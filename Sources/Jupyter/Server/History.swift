import Glibc

/// The inputs (and outputs) of executed cells, for `history_request`: this kernel's session in
/// memory, earlier sessions (other kernel runs) from a `HistoryFile` when there is one.
///
/// Sessions are numbered as IPython numbers them: each kernel run takes the next number, and
/// a range request's session is absolute when positive, relative to this one otherwise (0 is
/// this session, -1 the one before).
struct History {
    /// One executed cell.
    struct Entry: Equatable {
        let session: Int
        let line: Int
        let input: String
        let output: String?
    }

    /// The session number of a kernel without a history file.
    static let memorySession = 1

    private let file: HistoryFile?
    private var number: Int?
    /// This session's cells.
    private(set) var entries: [Entry] = []
    /// Cells not yet appended to the file.
    private var unsaved: [Entry] = []

    init(file: HistoryFile? = nil) {
        self.file = file
    }

    /// This kernel's session number, taken from the file at first use.
    mutating func session() -> Int {
        if let number { return number }
        let taken = file?.startSession() ?? Self.memorySession
        number = taken
        return taken
    }

    mutating func record(line: Int, input: String, output: String?) {
        let entry = Entry(session: session(), line: line, input: input, output: output)
        entries.append(entry)
        if file != nil { unsaved.append(entry) }
    }

    /// Appends the cells recorded since the last call to the file (the dispatcher calls it
    /// once a request is answered, so that disk writes never delay a reply).
    mutating func save() {
        guard !unsaved.isEmpty else { return }
        file?.append(unsaved)
        unsaved = []
    }

    /// What a history request asks for.
    enum Query: Equatable {
        case tail(n: Int)
        case range(session: Int, start: Int, stop: Int?)
        case search(pattern: String, n: Int?, unique: Bool)
    }

    mutating func lookup(_ query: Query) -> [Entry] {
        let current = session()
        switch query {
        case .tail(let n):
            return Array(everything(current).suffix(max(0, n)))
        case .range(let session, let start, let stop):
            let wanted = session > 0 ? session : current + session
            let source = wanted == current ? entries : earlier(current).filter { $0.session == wanted }
            return source.filter { entry in entry.line >= start && stop.map { entry.line < $0 } ?? true }
        case .search(let pattern, let n, let unique):
            var matched = everything(current).filter { fnmatch(pattern, $0.input, 0) == 0 }
            if unique {
                // Keep each distinct input once, at its latest execution.
                var seen = Set<String>()
                matched = matched.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let n { matched = Array(matched.suffix(max(0, n))) }
            return matched
        }
    }

    /// Cells of other sessions, from the file.
    private func earlier(_ current: Int) -> [Entry] {
        file?.readRecords().filter { $0.session != current } ?? []
    }

    /// Every session's cells, ordered by session and line as IPython orders them (kernels
    /// that ran side by side interleave in the file).
    private func everything(_ current: Int) -> [Entry] {
        let all = earlier(current) + entries
        return all.indices.sorted { a, b in
            (all[a].session, all[a].line, a) < (all[b].session, all[b].line, b)
        }.map { all[$0] }
    }
}

extension History.Query {
    /// Reads a `history_request` content.
    init(content: JSONValue) throws(WireError) {
        let fields = try RequestFields(content, "history_request")
        let kind = try fields.string("hist_access_type", default: "tail")
        switch kind {
        case "tail":
            self = .tail(n: try fields.int("n", default: 10))
        case "range":
            self = .range(
                session: try fields.int("session", default: 0), start: try fields.int("start", default: 1),
                stop: try fields.optionalInt("stop"))
        case "search":
            self = .search(
                pattern: try fields.string("pattern", default: "*"), n: try fields.optionalInt("n"),
                unique: try fields.bool("unique", default: false))
        default:
            throw .malformed("history_request.hist_access_type \"\(kind)\" is not tail, range or search")
        }
    }
}
