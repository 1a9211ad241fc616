import Glibc
import Rendering

/// `%history` and `%load`, as IPython's: the same options, ranges and text. Recur keeps the
/// history of the running session only (IPython also keeps earlier sessions in a database);
/// ranges naming another session are refused.
extension Interpreter {
    /// `%history [-n] [-o] [-p] [-f FILE [-y]] [-g [PATTERN ...]] [-l [N]] [-u] [RANGE ...]`.
    func historyMagic(_ arguments: String) throws(ScriptError) {
        let options = try HistoryOptions(arguments)
        var entries: [(line: Int, input: String, output: String?)]
        var numbers = options.numbers
        var rangePattern: String?
        if let pattern = options.pattern, options.ranges.isEmpty {
            entries = search(pattern.isEmpty ? "*" : "*" + pattern.joined(separator: " ") + "*",
                             limit: options.limit ?? nil, unique: options.unique)
            numbers = true
        } else if let limit = options.limit {
            // The last entries before this one; outputs are not kept where IPython reads these.
            let n = limit ?? 10
            entries = inputHistory.range(start: 1, stop: nil).dropLast().suffix(max(0, n)).map { ($0.line, $0.input, nil) }
        } else {
            if let pattern = options.pattern, !pattern.isEmpty {
                rangePattern = "*" + pattern.joined(separator: " ") + "*"
                numbers = true
            }
            entries = try historyEntries(options.ranges.joined(separator: " "))
                .map { ($0.line, $0.input, options.outputs ? inputHistory.outputs[$0.line] : nil) }
        }
        var text = ""
        for (line, input, output) in entries {
            if let rangePattern, !Self.globMatches(rangePattern, input) { continue }
            var shown = StringMethods.expandTabs(input, size: 4)
            while let last = shown.last, last.isWhitespace { shown.removeLast() }
            let multiline = shown.contains("\n")
            if numbers {
                let number = String(line)
                text += String(repeating: " ", count: max(0, 4 - number.count)) + number + ":" + (multiline ? "\n" : " ")
            }
            if options.prompts {
                text += ">>> "
                if multiline { shown = shown.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n... ") + "\n..." }
            }
            text += shown + "\n"
            if options.outputs, let output, !output.isEmpty { text += output + "\n" }
        }
        guard let file = options.file else {
            host.write(text, to: .stdout)
            return
        }
        if !options.overwrite, access(file, F_OK) == 0 {
            guard askYesNo("File \(PythonString.repr(file)) exists. Overwrite?", default: true) else {
                host.write("Aborting.\n", to: .stdout)
                return
            }
            host.write("Overwriting file.\n", to: .stdout)
        }
        let descriptor = try FileObject.descriptor(file, .write)
        defer { _ = Glibc.close(descriptor) }
        try SystemError.writeAll(Array(text.utf8), to: descriptor, file)
    }

    /// `%load [-r LINES] [-s SYMBOLS] [-y] SOURCE`: a history range, a file (`name` or
    /// `name.py`) or a string variable, put into the next cell.
    func loadMagic(_ arguments: String) throws(ScriptError) {
        let (flags, values, target) = try Self.getoptOptions(arguments, allowed: "yns:r:", magic: "load")
        if flags.contains("n") {
            throw ScriptError(.usageError, "%load -n (an object's source from the namespace) is not provided by Recur; %load a file, a history range or a string variable")
        }
        var contents = try userCode(target)
        if let symbols = values["s"] {
            let (blocks, missing) = try Self.extractSymbols(contents, symbols.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            if missing.count == 1 {
                host.write("UserWarning: The symbol `\(missing[0])` was not found\n", to: .stderr)
            } else if missing.count > 1 {
                let listed = missing.map { "`\($0)`" }
                host.write("UserWarning: The symbols \(listed.dropLast().joined(separator: ", ")) and \(listed.last ?? "") were not found\n", to: .stderr)
            }
            contents = blocks.joined(separator: "\n")
        }
        if let ranges = values["r"] {
            let lines = contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var picked: [String] = []
            for (start, end) in Self.codeRanges(ranges.replacingOccurrences(",", with: " ")) {
                picked += Self.slice(lines, start, end)
            }
            contents = Self.strippingInitialIndent(picked).joined(separator: "\n")
        }
        let length = contents.unicodeScalars.count
        if length > 200_000, !flags.contains("y"),
           !askYesNo("The text you're trying to load seems pretty big (\(length) characters). Continue (y/[N]) ?", default: false) {
            host.write("Operation cancelled.\n", to: .stdout)
            return
        }
        guard host.setNextInput("# %load \(arguments)\n" + contents, replace: true) else {
            throw ScriptError(.usageError, "%load puts code into the next cell, and `recur run` has no next cell; use %run to run a file")
        }
    }

    /// IPython's `find_user_code`: history lines, then a file, then a string in the workspace.
    private func userCode(_ target: String) throws(ScriptError) -> String {
        var code = try historyEntries(target).map(\.input).joined(separator: "\n")
        if target.isEmpty {
            // The last line is the `%load` running now.
            code = code.lastIndex(of: "\n").map { String(code[..<$0]) } ?? ""
        }
        if !code.isEmpty { return code }
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            throw ScriptError(.usageError, "%load cannot fetch URLs in Recur; download the file and %load it")
        }
        let path = PosixPath.expandingUser(target)
        var candidates = [path]
        if !Self.isFile(path), !path.hasSuffix(".py"), Self.isFile(path + ".py") { candidates.insert(path + ".py", at: 0) }
        for candidate in candidates {
            if Self.isFile(candidate) { return try Self.sourceText(try FileObject.contents(of: candidate), name: candidate) }
            if SourceModule.isDirectory(candidate) {
                throw ScriptError(.valueError, "'\(target)' is a directory, not a regular file.")
            }
        }
        let value: Value
        do {
            value = try evaluate(try parseExpression(target), in: workspace.globals)
        } catch {
            throw ScriptError(.valueError, "'\(target)' was not found in history, as a file, url, nor in the user namespace.")
        }
        if case .str(let text) = value { return text }
        throw ScriptError(.typeError, "(\(PythonString.repr("\(target) is neither a string nor a macro.")), \(try repr(value)))")
    }

    /// The entries a range argument names; another session's lines are refused.
    private func historyEntries(_ text: String) throws(ScriptError) -> [(line: Int, input: String)] {
        var entries: [(line: Int, input: String)] = []
        for range in HistoryRange.parse(text) {
            guard range.session == 0 else {
                throw ScriptError(.usageError, "Recur keeps the history of this session only; `\(text)` names another session")
            }
            entries += inputHistory.range(start: range.start, stop: range.stop)
        }
        return entries
    }

    /// `-g`: entries matching a glob pattern, the last `limit` of them, or with `unique` the
    /// latest of each distinct input.
    private func search(_ pattern: String, limit: Int?, unique: Bool) -> [(line: Int, input: String, output: String?)] {
        var found = inputHistory.range(start: 1, stop: nil).filter { Self.globMatches(pattern, $0.input) }
        if unique {
            var latest: [String: Int] = [:]
            for entry in found { latest[entry.input] = entry.line }
            found = found.filter { latest[$0.input] == $0.line }
        }
        if let limit { found = Array(found.suffix(max(0, limit))) }
        return found.map { ($0.line, $0.input, nil) }
    }

    /// IPython's `ask_yes_no`: the answer to a prompt, or `default` when nobody can answer.
    private func askYesNo(_ prompt: String, default answer: Bool) -> Bool {
        while true {
            guard let reply = try? host.readInput(prompt: prompt + " ", password: false) else { return answer }
            let word = reply.trimmingSpaces.lowercased()
            if word.isEmpty { return answer }
            if ["y", "yes"].contains(word) { return true }
            if ["n", "no"].contains(word) { return false }
        }
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// A source file's text as IPython reads it: in the encoding its cookie declares
    /// (UTF-8 without one; Latin-1 when the declared one does not decode it), universal
    /// newlines, the cookie line left out. Bytes that are not UTF-8 with no cookie are
    /// tokenize's SyntaxError.
    static func sourceText(_ bytes: [UInt8], name: String) throws(ScriptError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let head = String(decoding: body.prefix(512), as: UTF8.self).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        let declared = head.prefix(2).contains { isEncodingCookie($0) }
        var text: String
        if let utf8 = String(validating: body, as: UTF8.self), !declaresLatin1(head.prefix(2)) {
            text = utf8
        } else if declaresLatin1(head.prefix(2)) {
            text = String(body.map { Character(Unicode.Scalar($0)) })
        } else if declared {
            // The declared encoding does not decode it: IPython reads it again as Latin-1,
            // cookie and all.
            return String(body.map { Character(Unicode.Scalar($0)) })
                .replacingOccurrences("\r\n", with: "\n").replacingOccurrences("\r", with: "\n")
        } else {
            throw ScriptError(.syntaxError, "invalid or missing encoding declaration for \(PythonString.repr(name)) (<string>)")
        }
        text = text.replacingOccurrences("\r\n", with: "\n").replacingOccurrences("\r", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < min(2, lines.count - 1) {
            if isEncodingCookie(lines[index]) { lines.remove(at: index) } else { index += 1 }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether a cookie among `lines` names Latin-1 (`latin-1`, `iso-8859-1`, `latin1`, ...).
    private static func declaresLatin1(_ lines: ArraySlice<Substring>) -> Bool {
        lines.contains { line in
            guard isEncodingCookie(line) else { return false }
            let lowered = line.lowercased().replacingOccurrences("_", with: "-").replacingOccurrences(" ", with: "")
            let names = ["latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso-latin-1"]
            return names.contains { (name: String) -> Bool in
                lowered.contains("coding:" + name) || lowered.contains("coding=" + name)
            }
        }
    }

    /// `^\s*#.*coding[:=]\s*([-\w.]+)`.
    static func isEncodingCookie(_ line: Substring) -> Bool {
        let text = line.drop { $0.isWhitespace }
        guard text.first == "#" else { return false }
        let characters = Array(text)
        let word = Array("coding")
        guard characters.count > word.count else { return false }
        for start in 0...(characters.count - word.count) where characters[start..<start + word.count].elementsEqual(word) {
            var index = start + word.count
            guard index < characters.count, characters[index] == ":" || characters[index] == "=" else { continue }
            index += 1
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count else { continue }
            let name = characters[index]
            if name.isLetter || name.isNumber || name == "_" || name == "-" || name == "." { return true }
        }
        return false
    }

    /// `fnmatch`-style matching with `*`, `?` and `[...]`, as SQLite's GLOB and Python's
    /// fnmatch on POSIX do.
    static func globMatches(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }

    /// `%load -r`'s ranges (`5-10 2 :3 4:`) as Python slice bounds over the lines.
    static func codeRanges(_ text: String) -> [(Int?, Int?)] {
        var ranges: [(Int?, Int?)] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            let rest = word.dropFirst(digits.count)
            let start = digits.isEmpty ? nil : Int(digits)
            guard let separator = rest.first else {
                guard let start else { continue }
                ranges.append((start - 1, start))
                continue
            }
            guard separator == "-" || separator == ":" else { continue }
            let endDigits = rest.dropFirst()
            guard endDigits.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            let end = endDigits.isEmpty ? nil : Int(endDigits)
            ranges.append((start.map { $0 - 1 }, separator == "-" ? end : end.map { $0 - 1 }))
        }
        return ranges
    }

    /// `lines[start:end]` with Python's slice rules for these bounds.
    package static func slice(_ lines: [String], _ start: Int?, _ end: Int?) -> ArraySlice<String> {
        func clamp(_ bound: Int?, _ fallback: Int) -> Int {
            guard var bound else { return fallback }
            if bound < 0 { bound += lines.count }
            return min(max(bound, 0), lines.count)
        }
        let from = clamp(start, 0), to = clamp(end, lines.count)
        return from < to ? lines[from..<to] : []
    }

    /// IPython's `strip_initial_indent`: the first line's indent comes off the following lines
    /// until one is less indented.
    static func strippingInitialIndent(_ lines: [String]) -> [String] {
        guard let first = lines.first else { return [] }
        let indent = first.prefix { $0.isWhitespace }
        guard !indent.isEmpty else { return lines }
        var result = [String(first.dropFirst(indent.count))]
        var index = 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix(indent) {
                result.append(String(line.dropFirst(indent.count)))
            } else {
                result.append(line)
                if !line.isEmpty { break }
            }
        }
        return result + lines[index...]
    }

    /// `%load -s`: the top-level functions and classes named, each from its first line to
    /// the last non-blank line before the next top-level statement, as IPython's
    /// `extract_symbols`.
    static func extractSymbols(_ code: String, _ symbols: [String]) throws(ScriptError) -> (blocks: [String], missing: [String]) {
        let statements: [Stmt]
        do {
            statements = try Parser.parse(code)
        } catch {
            throw ScriptError(.usageError, "Unable to parse the input as valid Python code")
        }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var spans: [String: (Int, Int)] = [:]
        var end = lines.count
        for statement in statements.reversed() {
            while end > 0, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
            let start = statement.line
            if let name = statement.definedName { spans[name] = (start - 1, end) }
            end = start - 1
        }
        var blocks: [String] = [], missing: [String] = []
        for symbol in symbols {
            guard let (start, stop) = spans[symbol], start < stop else {
                missing.append(symbol)
                continue
            }
            blocks.append(lines[max(0, start)..<stop].joined(separator: "\n") + "\n")
        }
        return (blocks, missing)
    }

    /// IPython's `parse_options` for single-letter getopt options (`"yns:r:"`): the flags
    /// given, the options' values, and the rest as one string.
    static func getoptOptions(_ arguments: String, allowed: String, magic: String) throws(ScriptError) -> (Set<Character>, [Character: String], String) {
        var words = arguments.split(whereSeparator: { $0.isWhitespace }).map(String.init)[...]
        var flags: Set<Character> = [], values: [Character: String] = [:]
        let takesValue = Set(allowed.enumerated().compactMap { index, letter in
            allowed.dropFirst(index + 1).first == ":" ? letter : nil
        })
        while let word = words.first, word.hasPrefix("-"), word != "-" {
            words.removeFirst()
            if word == "--" { break }
            var letters = Substring(word.dropFirst())
            while let letter = letters.first {
                letters.removeFirst()
                guard letter != ":", allowed.contains(letter) else {
                    throw ScriptError(.usageError, "option -\(letter) not recognized (allowed: \"\(allowed)\")")
                }
                if takesValue.contains(letter) {
                    if letters.isEmpty {
                        guard let value = words.popFirst() else {
                            throw ScriptError(.usageError, "option -\(letter) requires argument (allowed: \"\(allowed)\")")
                        }
                        values[letter] = value
                    } else {
                        values[letter] = String(letters)
                    }
                    break
                }
                flags.insert(letter)
            }
        }
        return (flags, values, words.joined(separator: " "))
    }
}

/// `%history`'s options, read as IPython's argparse declaration reads them.
private struct HistoryOptions {
    var numbers = false, outputs = false, prompts = false, overwrite = false, unique = false
    var file: String?
    var pattern: [String]?
    /// `-l` given (its value nil when it has none: 10).
    var limit: Int??
    var ranges: [String] = []

    init(_ arguments: String) throws(ScriptError) {
        var words = arguments.split(whereSeparator: { $0.isWhitespace }).map(String.init)[...]
        func isOption(_ word: String) -> Bool { word.hasPrefix("-") && word.count > 1 && Int(word) == nil }
        while let word = words.popFirst() {
            guard isOption(word) else {
                ranges.append(word)
                continue
            }
            var letters = Substring(word.dropFirst())
            while let letter = letters.first {
                letters.removeFirst()
                switch letter {
                case "n": numbers = true
                case "o": outputs = true
                case "p": prompts = true
                case "y": overwrite = true
                case "u": unique = true
                case "t":
                    throw ScriptError(.usageError, "%history -t (the translated history) is not provided by Recur, which runs magics without translating them to Python")
                case "f":
                    let value = letters.isEmpty ? words.popFirst() : String(letters)
                    guard let value, !isOption(value) else { throw ScriptError(.usageError, "argument -f: expected one argument") }
                    file = value
                    letters = ""
                case "l":
                    if !letters.isEmpty {
                        guard let n = Int(letters) else { throw ScriptError(.usageError, "argument -l: invalid int value: '\(letters)'") }
                        limit = .some(n)
                        letters = ""
                    } else if let next = words.first, !isOption(next) {
                        guard let n = Int(next) else { throw ScriptError(.usageError, "argument -l: invalid int value: '\(next)'") }
                        words.removeFirst()
                        limit = .some(n)
                    } else {
                        limit = .some(nil)
                    }
                case "g":
                    var taken: [String] = letters.isEmpty ? [] : [String(letters)]
                    letters = ""
                    while let next = words.first, !isOption(next) {
                        taken.append(next)
                        words.removeFirst()
                    }
                    pattern = taken
                default:
                    throw ScriptError(.usageError, "unrecognized arguments: \(word)")
                }
            }
        }
    }
}

private extension Stmt {
    /// The name a top-level `def` or `class` binds (what `ast` nodes call `name`).
    var definedName: String? {
        if case .functionDef(let definition, _) = kind { return definition.name }
        if case .classDef(let name, _, _, _, _, _) = kind { return name }
        return nil
    }
}
