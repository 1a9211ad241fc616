import Glibc

/// The inputs (and outputs) of this kernel session's cells, for `history_request`.
struct History {
    /// One executed cell.
    struct Entry: Equatable {
        let line: Int
        let input: String
        let output: String?
    }

    /// This kernel's session number in history replies (there is one session per process).
    static let session = 1

    private(set) var entries: [Entry] = []

    mutating func record(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    /// What a history request asks for.
    enum Query: Equatable {
        case tail(n: Int)
        case range(session: Int, start: Int, stop: Int?)
        case search(pattern: String, n: Int?, unique: Bool)
    }

    func lookup(_ query: Query) -> [Entry] {
        switch query {
        case .tail(let n):
            return Array(entries.suffix(max(0, n)))
        case .range(let session, let start, let stop):
            // 0 is "this session"; negative numbers count back to earlier sessions, which a
            // fresh process does not have.
            guard session == 0 || session == Self.session else { return [] }
            return entries.filter { entry in entry.line >= start && stop.map { entry.line < $0 } ?? true }
        case .search(let pattern, let n, let unique):
            var matched = entries.filter { fnmatch(pattern, $0.input, 0) == 0 }
            if unique {
                // Keep each distinct input once, at its latest execution.
                var seen = Set<String>()
                matched = matched.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let n { matched = Array(matched.suffix(max(0, n))) }
            return matched
        }
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
