/// The cells this session has run, as IPython's history manager keeps them for `%history`
/// and `%load`: the raw inputs in the order they ran (entry 0 is IPython's empty
/// placeholder, so a cell's entry is its `In [n]` number while every cell is stored) and the
/// text each shown result printed, by execution count.
package struct InputHistory {
    private(set) var inputs: [String] = [""]
    private(set) var outputs: [Int: String] = [:]

    /// Stores a cell about to run with `store_history`: blank cells and `exit` / `quit` are
    /// not stored, as in IPython; trailing newlines are dropped.
    package mutating func record(input: String) {
        var text = Substring(input)
        while text.last == "\n" { text.removeLast() }
        guard !text.allSatisfy(\.isWhitespace), !Self.isExitCommand(text) else { return }
        inputs.append(String(text))
    }

    /// Stores the text of the result shown as `Out[line]`.
    package mutating func record(output: String, line: Int) {
        outputs[line] = output
    }

    /// IPython's `(exit|quit)(\s*\(.*\))?$` on the stripped input.
    static func isExitCommand(_ input: Substring) -> Bool {
        let text = input.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        let word = String(text.prefix(4))
        guard word == "exit" || word == "quit" else { return false }
        let rest = text.dropFirst(4).drop { $0.isWhitespace }
        if rest.isEmpty { return text.count == 4 }
        return rest.first == "(" && rest.last == ")" && !rest.contains("\n")
    }

    /// The entries of lines `start..<stop` (nil: to the end), with IPython's clipping of
    /// negative and out-of-range bounds.
    package func range(start: Int, stop: Int?) -> [(line: Int, input: String)] {
        let count = inputs.count
        var from = start, to = stop ?? 0
        if from < 0 { from += count }
        if to == 0 || to > count {
            to = count
        } else if to < 0 {
            to += count
        }
        guard from < to else { return [] }
        return (max(from, 0)..<to).map { ($0, inputs[$0]) }
    }
}

/// One range of a `%history` / `%load` argument (`4`, `4-6`, `4-`, `2:5`, `~1/3`), as
/// IPython's `extract_hist_ranges` reads it.
package struct HistoryRange: Equatable {
    /// 0 for the current session, negative for earlier ones (`~2/`), positive for a session
    /// number.
    package var session: Int
    package var start: Int
    package var stop: Int?

    /// The ranges of a space-separated argument; words that are not ranges are skipped, as
    /// IPython skips them. An empty argument is the whole current session.
    package static func parse(_ text: String) -> [HistoryRange] {
        if text.isEmpty { return [HistoryRange(session: 0, start: 1, stop: nil)] }
        var ranges: [HistoryRange] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            guard let parts = Parts(word) else { continue }
            let start: Int, stop: Int?
            if let first = parts.start {
                start = first
                if parts.separator == "-" {
                    stop = parts.end.map { $0 &+ 1 }
                } else {
                    stop = parts.end ?? first &+ 1
                }
            } else {
                guard parts.startSession != nil else { continue }
                start = 1
                stop = nil
            }
            let startSession = parts.startSession ?? 0
            let endSession = parts.endSession ?? startSession
            if startSession == endSession {
                ranges.append(HistoryRange(session: startSession, start: start, stop: stop))
            } else {
                // Several sessions: only the current one is kept here, so the caller refuses
                // any range naming another.
                ranges.append(HistoryRange(session: startSession, start: start, stop: nil))
                ranges.append(HistoryRange(session: endSession, start: 1, stop: stop))
            }
        }
        return ranges
    }

    /// `((~?N)/)?(N)?(([-:])((~?N)/)?(N*))?$`, IPython's `range_re`.
    private struct Parts {
        var startSession: Int?
        var start: Int?
        var separator: Character?
        var endSession: Int?
        var end: Int?

        init?(_ word: Substring) {
            var rest = word
            startSession = Self.session(&rest)
            start = Self.number(&rest)
            if let first = rest.first, first == "-" || first == ":" {
                separator = first
                rest.removeFirst()
                endSession = Self.session(&rest)
                end = Self.number(&rest)
            }
            guard rest.isEmpty else { return nil }
        }

        /// `~?N/` at the front of `rest` (taken when present): `~N` counts back (negative).
        static func session(_ rest: inout Substring) -> Int? {
            var probe = rest
            let back = probe.first == "~"
            if back { probe.removeFirst() }
            guard let number = number(&probe), probe.first == "/" else { return nil }
            probe.removeFirst()
            rest = probe
            return back ? -number : number
        }

        static func number(_ rest: inout Substring) -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            // Past Int's range no history line exists; the largest number stands for it.
            return Int(digits) ?? Int.max / 2
        }
    }
}
