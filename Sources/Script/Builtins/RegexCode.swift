import CPCRE2

/// A compiled regular expression: PCRE2 code over 32-bit units, so a str subject's code
/// points are the units and PCRE2's offsets are Python's indices. `re` (a bundled module)
/// builds Pattern and Match on the spans it returns.
package final class RegexCode: DeclaredObject {
    private let code: OpaquePointer
    let isBytes: Bool
    /// Capturing groups, and their names with numbers.
    let groupCount: Int
    package let names: [(String, Int)]
    /// The last subject as units: `finditer` and `sub` call back with the same string.
    private var lastSubject: Value?
    private var lastUnits: [UInt32] = []

    /// How a match is tried at the start position.
    package enum Mode: Int {
        case search = 0, match = 1, fullmatch = 2
    }

    private init(code: OpaquePointer, isBytes: Bool, groupCount: Int, names: [(String, Int)]) {
        self.code = code
        self.isBytes = isBytes
        self.groupCount = groupCount
        self.names = names
    }

    deinit { pcre2_code_free_32(code) }

    /// Compiles a Python pattern (str as code points, bytes as one unit per byte) with `re`'s
    /// flag bits; a failure carries CPython's message and position when its parser has one.
    package static func compile(_ pattern: [UInt32], isBytes: Bool, flags: Int) throws(RegexSyntax.Failure) -> (RegexCode, inlineFlags: Int) {
        let syntax = try RegexSyntax(pattern, isBytes: isBytes, flags: flags)
        let all = flags | syntax.inlineFlags
        var options: UInt32 = 0
        if !isBytes {
            options |= PCRE2_UTF | PCRE2_NO_UTF_CHECK
            if all & RegexSyntax.Flag.ascii == 0 { options |= PCRE2_UCP }
        }
        if all & RegexSyntax.Flag.ignoreCase != 0 { options |= PCRE2_CASELESS }
        if all & RegexSyntax.Flag.multiline != 0 { options |= PCRE2_MULTILINE }
        if all & RegexSyntax.Flag.dotAll != 0 { options |= PCRE2_DOTALL }
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = syntax.units.withUnsafeBufferPointer { buffer in
            pcre2_compile_32(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            // CPython reports a variable-width look-behind without a position.
            let position = errorCode == 125 ? nil : errorOffset < syntax.origin.count ? syntax.origin[errorOffset] : pattern.count
            throw RegexSyntax.Failure(message: message(forCompileError: errorCode), position: position)
        }
        // The JIT is an optimisation: matching works without it.
        _ = pcre2_jit_compile_32(compiled, PCRE2_JIT_COMPLETE)
        var captures: UInt32 = 0
        _ = pcre2_pattern_info_32(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        return (RegexCode(code: compiled, isBytes: isBytes, groupCount: Int(captures), names: syntax.names), syntax.inlineFlags)
    }

    /// CPython's wording for the PCRE2 errors its own parser also reports; PCRE2's otherwise.
    private static func message(forCompileError code: Int32) -> String {
        switch code {
        case 125: return "look-behind requires fixed-width pattern"
        case 106: return "unterminated character set"
        case 114: return "missing ), unterminated subpattern"
        default:
            var buffer = [UInt32](repeating: 0, count: 256)
            let length = pcre2_get_error_message_32(code, &buffer, buffer.count)
            guard length > 0 else { return "invalid pattern (PCRE2 error \(code))" }
            var text = ""
            for unit in buffer.prefix(Int(length)) { text.unicodeScalars.append(Unicode.Scalar(unit) ?? "?") }
            return text
        }
    }

    /// The units of a subject, or the TypeError CPython raises for the wrong kind.
    package func units(of subject: Value, _ interpreter: Interpreter) throws(ScriptError) -> [UInt32] {
        if let lastSubject, RegexCode.same(lastSubject, subject) { return lastUnits }
        let result: [UInt32]
        switch subject {
        case .str(let string):
            guard !isBytes else { throw .typeError("cannot use a bytes pattern on a string-like object") }
            result = string.unicodeScalars.map(\.value)
        case .object(let bytes as BytesObject):
            guard isBytes else { throw .typeError("cannot use a string pattern on a bytes-like object") }
            result = bytes.bytes.map(UInt32.init)
        default:
            throw .typeError("expected string or bytes-like object, got '\(subject.typeName)'")
        }
        // bytearray can change between calls: only immutable subjects are remembered.
        if case .object(let bytes as BytesObject) = subject, bytes.isMutable { return result }
        lastSubject = subject
        lastUnits = result
        return result
    }

    private static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    /// One attempt from `start`: the spans of group 0 and every group (-1 when unset), or nil.
    package func match(_ units: [UInt32], start: Int, end: Int, mode: Mode, notEmptyAtStart: Bool = false) throws(ScriptError) -> [Int]? {
        guard let data = pcre2_match_data_create_from_pattern_32(code, nil) else { throw ScriptError(.memoryError, "") }
        defer { pcre2_match_data_free_32(data) }
        var options: UInt32 = 0
        switch mode {
        case .search: break
        case .match: options |= PCRE2_ANCHORED
        case .fullmatch: options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED
        }
        if notEmptyAtStart { options |= PCRE2_NOTEMPTY_ATSTART }
        if !isBytes { options |= PCRE2_NO_UTF_CHECK }
        let result = units.withUnsafeBufferPointer { buffer in
            // A zero-length subject still needs a valid pointer.
            var empty: UInt32 = 0
            return buffer.baseAddress.map { pcre2_match_32(code, $0, end, start, options, data, nil) }
                ?? pcre2_match_32(code, &empty, 0, start, options, data, nil)
        }
        if result == PCRE2_ERROR_NOMATCH { return nil }
        guard result >= 0 else {
            throw ScriptError(.runtimeError, "regular expression matching stopped: \(RegexCode.message(forCompileError: result))")
        }
        guard let vector = pcre2_get_ovector_pointer_32(data) else { return nil }
        let unset = recur_pcre2_unset()
        var spans: [Int] = []
        spans.reserveCapacity(2 * (groupCount + 1))
        for i in 0..<(2 * (groupCount + 1)) {
            let offset = vector[i]
            // Groups past the highest one set are left unset (and may hold stale values).
            spans.append(offset == unset || i >= 2 * Int(result) ? -1 : Int(offset))
        }
        return spans
    }

    /// Successive non-overlapping matches from `start`, as CPython finds them: after an empty
    /// match the next one may start at the same place only if it is not empty.
    package func scan(_ units: [UInt32], start: Int, end: Int, limit: Int, interpreter: Interpreter) throws(ScriptError) -> [[Int]] {
        var found: [[Int]] = []
        var position = start
        var afterEmpty = false
        while position <= end && (limit <= 0 || found.count < limit) {
            guard let spans = try match(units, start: position, end: end, mode: .search, notEmptyAtStart: afterEmpty) else { break }
            found.append(spans)
            afterEmpty = spans[0] == spans[1]
            position = spans[1]
            if found.count & 0x3FF == 0 { try interpreter.checkInterrupt() }
        }
        return found
    }

    package var typeName: String { "RegexCode" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<RegexCode>" }

    private static func spansValue(_ spans: [Int]) -> Value { .tuple(spans.map { .int($0) }) }

    /// The engine's interface to the bundled `re` module, which clamps the bounds and parses
    /// replacement templates before calling it.
    package static let declaration = NativeType<RegexCode>(properties: [
        NativeProperty("groups") { r, _ throws(ScriptError) in .int(r.groupCount) },
        NativeProperty("groupindex") { r, _ throws(ScriptError) in
            let dict = DictObject()
            for (name, number) in r.names { try dict.set(.str(name), .int(number)) }
            return .dict(dict)
        },
    ], methods: [
        NativeMethod("match", "(subject, pos, endpos, mode, /)", .clinic, doc: "The spans of a match at or after pos, or None.") {
            r, a, interpreter throws(ScriptError) in
            let units = try r.units(of: a.required(0), interpreter)
            let (start, end) = try r.bounds(a.required(1), a.required(2), units.count, interpreter)
            guard let mode = Mode(rawValue: try interpreter.indexValue(a.required(3))) else { throw .valueError("bad match mode") }
            guard start <= end else { return .none }
            return try r.match(units, start: start, end: end, mode: mode).map(RegexCode.spansValue) ?? .none
        },
        NativeMethod("scan", "(subject, pos, endpos, limit, /)", .clinic, doc: "The spans of successive matches (limit 0: all of them).") {
            r, a, interpreter throws(ScriptError) in
            let units = try r.units(of: a.required(0), interpreter)
            let (start, end) = try r.bounds(a.required(1), a.required(2), units.count, interpreter)
            guard start <= end else { return .list(ListObject([])) }
            let limit = try interpreter.indexValue(a.required(3))
            return .list(ListObject(try r.scan(units, start: start, end: end, limit: limit, interpreter: interpreter).map(RegexCode.spansValue)))
        },
        NativeMethod("subn", "(subject, parts, count, /)", .clinic,
                     doc: "(new subject, number of replacements): parts are literal pieces of the subject's type and group numbers.") {
            r, a, interpreter throws(ScriptError) in
                let subject = a.required(0)
                let units = try r.units(of: subject, interpreter)
                guard case .list(let list) = a.required(1) else { throw .typeError("subn() parts must be a list") }
                let parts = try list.items.map { (part) throws(ScriptError) -> TemplatePart in
                    switch part {
                    case .int(let group):
                        guard (0...r.groupCount).contains(group) else { throw .indexError("no such group") }
                        return .group(group)
                    case .str(let text) where !r.isBytes: return .literal(text.unicodeScalars.map(\.value))
                    case .object(let bytes as BytesObject) where r.isBytes: return .literal(bytes.bytes.map(UInt32.init))
                    default: throw .typeError("subn() parts must be literals of the subject's type or group numbers")
                    }
                }
                let count = try interpreter.indexValue(a.required(2))
                let matches = try r.scan(units, start: 0, end: units.count, limit: count, interpreter: interpreter)
                var result: [UInt32] = []
                result.reserveCapacity(units.count)
                var last = 0
                for spans in matches {
                    result.append(contentsOf: units[last..<spans[0]])
                    for part in parts {
                        switch part {
                        case .literal(let text): result.append(contentsOf: text)
                        case .group(let group) where spans[2 * group] >= 0: result.append(contentsOf: units[spans[2 * group]..<spans[2 * group + 1]])
                        case .group: break
                        }
                    }
                    last = spans[1]
                }
                result.append(contentsOf: units[last...])
                if r.isBytes { return .tuple([.object(BytesObject(result.map { UInt8(truncatingIfNeeded: $0) })), .int(matches.count)]) }
                var text = String.UnicodeScalarView()
                for unit in result { if let scalar = Unicode.Scalar(unit) { text.append(scalar) } }
                return .tuple([.str(String(text)), .int(matches.count)])
        },
    ])

    /// A piece of a replacement template.
    private enum TemplatePart {
        case literal([UInt32])
        case group(Int)
    }

    /// pos and endpos clamped to the subject as CPython clamps them.
    private func bounds(_ pos: Value, _ endpos: Value, _ count: Int, _ interpreter: Interpreter) throws(ScriptError) -> (Int, Int) {
        let start = min(max(try interpreter.indexValue(pos), 0), count)
        let end = min(max(try interpreter.indexValue(endpos), 0), count)
        return (start, end)
    }
}

/// `_pcre2`: the compiler behind the bundled `re` module.
package enum RegexEngineModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        // compile(pattern, flags) -> (code, inline flags), or (None, message, position).
        module.namespace["compile"] = .builtin(BuiltinFunction("compile") { interpreter, a throws(ScriptError) in
            try a.expect("compile", 2...2)
            let flags = try interpreter.indexValue(a.positional[1])
            let units: [UInt32]
            let isBytes: Bool
            switch a.positional[0] {
            case .str(let string):
                units = string.unicodeScalars.map(\.value)
                isBytes = false
            case .object(let bytes as BytesObject):
                units = bytes.bytes.map(UInt32.init)
                isBytes = true
            default:
                throw .typeError("first argument must be string or compiled pattern")
            }
            let compiled: (RegexCode, inlineFlags: Int)
            do throws(RegexSyntax.Failure) {
                compiled = try RegexCode.compile(units, isBytes: isBytes, flags: flags)
            } catch {
                return .tuple([Value.none, .str(error.message), error.position.map { Value.int($0) } ?? Value.none])
            }
            return .tuple([.object(compiled.0), .int(compiled.inlineFlags)])
        })
    }
}
