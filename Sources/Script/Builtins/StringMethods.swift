import Glibc
import Tensors

/// Methods of `str`.
package enum StringMethods {
    package static func receiver(_ value: Value, _ name: String) throws(ScriptError) -> String {
        guard case .str(let s) = value else {
            throw .typeError("descriptor '\(name)' for 'str' objects doesn't apply to a '\(value.typeName)' object")
        }
        return s
    }

    static func stripped(_ s: String, _ chars: Value?, leading: Bool, trailing: Bool) throws(ScriptError) -> String {
        var strip: (Unicode.Scalar) -> Bool = isSpace
        if let chars, !chars.isNone {
            let set = Set(try chars.asString("strip arg").unicodeScalars)
            strip = { set.contains($0) }
        }
        let view = s.unicodeScalars
        var start = view.startIndex
        var end = view.endIndex
        if leading { while start < end && strip(view[start]) { start = view.index(after: start) } }
        if trailing { while end > start && strip(view[view.index(before: end)]) { end = view.index(before: end) } }
        return String(view[start..<end])
    }

    /// Python's line boundaries (`str.splitlines`).
    @inline(__always)
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Python's `str.isspace` for one code point: Unicode's White_Space and, as CPython's
    /// table has them, the ASCII separators \x1c-\x1f.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x09...0x0D).contains(value) || (0x1C...0x20).contains(value) }
        return scalar.properties.isWhitespace
    }

    /// `str.expandtabs(size)`: each tab becomes the spaces to the next multiple of `size`,
    /// counting columns from the last line break.
    static func expandTabs(_ s: String, size: Int) -> String {
        var out = ""
        var column = 0
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\t":
                let spaces = size > 0 ? size - column % size : 0
                out += String(repeating: " ", count: spaces)
                column += spaces
            case "\n", "\r":
                out.unicodeScalars.append(scalar)
                column = 0
            default:
                out.unicodeScalars.append(scalar)
                column += 1
            }
        }
        return out
    }

    /// A run of code points as a str.
    package static func text(_ scalars: Substring.UnicodeScalarView) -> String { String(Substring(scalars)) }

    /// `rsplit`: splitting the reversed text by the reversed separator from the left.
    static func rsplit(_ s: String, _ separator: Value?, _ maxSplit: Int) throws(ScriptError) -> [Value] {
        func reversed(_ text: String) -> String { String(String.UnicodeScalarView(text.unicodeScalars.reversed())) }
        var flipped = separator
        if case .str(let sep)? = separator { flipped = .str(reversed(sep)) }
        return try split(reversed(s), flipped, maxSplit).reversed().map { part in
            guard case .str(let piece) = part else { return part }
            return .str(reversed(piece))
        }
    }

    package static func split(_ s: String, _ separator: Value?, _ maxSplit: Int) throws(ScriptError) -> [Value] {
        if let separator, !separator.isNone {
            let sep = try separator.asString("sep")
            if sep.isEmpty { throw .valueError("empty separator") }
            // Matching goes by code points, as Python's does (`\r\n` is one Character in Swift):
            // UTF-8 bytes match exactly when code points do.
            var parts: [Value] = []
            var source = s
            source.withUTF8 { bytes in
                var start = 0
                forEachMatch(of: sep, in: bytes, limit: maxSplit) { offset in
                    parts.append(.str(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)))
                    start = offset + sep.utf8.count
                }
                parts.append(.str(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)))
            }
            return parts
        }
        var parts: [Value] = []
        let view = s.unicodeScalars
        var i = view.startIndex
        while true {
            while i < view.endIndex && isSpace(view[i]) { i = view.index(after: i) }
            if i == view.endIndex { break }
            if maxSplit >= 0 && parts.count >= maxSplit {
                // The rest, trailing whitespace included, as CPython leaves it.
                parts.append(.str(String(view[i...])))
                break
            }
            let start = i
            while i < view.endIndex && !isSpace(view[i]) { i = view.index(after: i) }
            parts.append(.str(String(view[start..<i])))
        }
        return parts
    }

    package static var all: [String: BuiltinFunction] {
        var table: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping (Interpreter, String, Arguments) throws(ScriptError) -> Value) {
            table[name] = method("str", name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, name), arguments)
            }
        }
        add("join") { interpreter, s, a throws(ScriptError) in
            try a.expect("join", 1...1)
            var pieces: [String] = []
            for (i, item) in try interpreter.iterate(a.positional[0]).enumerated() {
                guard case .str(let text) = interpreter.builtinValue(item) else {
                    throw .typeError("sequence item \(i): expected str instance, \(item.typeName) found")
                }
                pieces.append(text)
            }
            return .str(pieces.joined(separator: s))
        }
        add("split") { interpreter, s, a throws(ScriptError) in
            try a.expect("split", 0...2, keywords: ["sep", "maxsplit"])
            let max = try a.value(1, "maxsplit").map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? -1
            return .list(ListObject(try split(s, a.value(0, "sep"), max)))
        }
        add("rsplit") { interpreter, s, a throws(ScriptError) in
            try a.expect("rsplit", 0...2, keywords: ["sep", "maxsplit"])
            let max = try a.value(1, "maxsplit").map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? -1
            return .list(ListObject(try rsplit(s, a.value(0, "sep"), max)))
        }
        add("splitlines") { interpreter, s, a throws(ScriptError) in
            try a.expect("splitlines", 0...1, keywords: ["keepends"])
            let keep = try a.value(0, "keepends").map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? false
            // Python's line boundaries, \r\n counting as one.
            let view = s.unicodeScalars
            var lines: [Value] = []
            var start = view.startIndex
            var i = view.startIndex
            while i < view.endIndex {
                let scalar = view[i]
                guard isLineBreak(scalar) else {
                    i = view.index(after: i)
                    continue
                }
                var end = view.index(after: i)
                if scalar == "\r" && end < view.endIndex && view[end] == "\n" { end = view.index(after: end) }
                lines.append(.str(String(view[start..<(keep ? end : i)])))
                start = end
                i = end
            }
            if start < view.endIndex { lines.append(.str(String(view[start...]))) }
            return .list(ListObject(lines))
        }
        add("encode") { _, s, a throws(ScriptError) in
            try a.expect("encode", 0...2, keywords: ["encoding", "errors"])
            let encoding = try a.value(0, "encoding").map { (v) throws(ScriptError) in try v.asString("encode() argument 'encoding'") } ?? "utf-8"
            let errors = try a.value(1, "errors").map { (v) throws(ScriptError) in try v.asString("encode() argument 'errors'") } ?? "strict"
            return .object(BytesObject(try TextCodec(named: encoding).encode(s, errors: errors)))
        }
        add("lower") { _, s, _ throws(ScriptError) in .str(s.lowercased()) }
        add("upper") { _, s, _ throws(ScriptError) in .str(s.uppercased()) }
        add("strip") { _, s, a throws(ScriptError) in .str(try stripped(s, a.positional.first, leading: true, trailing: true)) }
        add("lstrip") { _, s, a throws(ScriptError) in .str(try stripped(s, a.positional.first, leading: true, trailing: false)) }
        add("rstrip") { _, s, a throws(ScriptError) in .str(try stripped(s, a.positional.first, leading: false, trailing: true)) }
        add("format") { interpreter, s, a throws(ScriptError) in .str(try interpreter.strFormat(s, a)) }
        add("replace") { interpreter, s, a throws(ScriptError) in
            try a.expect("replace", 2...3)
            let old = try a.positional[0].asString("replace() argument 1")
            let new = try a.positional[1].asString("replace() argument 2")
            if a.positional.count == 3 {
                let count = try interpreter.indexValue(a.positional[2])
                if count >= 0 && !old.isEmpty { return .str(replaced(s, old, new, limit: count)) }
            }
            // The result's size, checked before it is built.
            var occurrences = 0
            if old.isEmpty { occurrences = s.unicodeScalars.count + 1 } else { forEachMatch(of: old, in: s, limit: -1) { _ in occurrences += 1 } }
            let (grown, overflow) = occurrences.multipliedReportingOverflow(by: new.utf8.count)
            guard !overflow, MemoryBudget.allows(bytes: s.utf8.count &+ grown) else { throw ScriptError(.memoryError, "") }
            if old.isEmpty {
                // An empty pattern matches between every two characters and at both ends.
                return .str(new + s.unicodeScalars.map { String($0) + new }.joined())
            }
            return .str(replaced(s, old, new, limit: -1))
        }
        add("startswith") { interpreter, s, a throws(ScriptError) in
            try affix(interpreter, s, a, "startswith") { $0.unicodeScalars.starts(with: $1.unicodeScalars) }
        }
        add("endswith") { interpreter, s, a throws(ScriptError) in
            try affix(interpreter, s, a, "endswith") { $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed()) }
        }
        add("removeprefix") { _, s, a throws(ScriptError) in
            try a.expect("removeprefix", 1...1)
            let prefix = try a.positional[0].asString("removeprefix() argument")
            return .str(s.unicodeScalars.starts(with: prefix.unicodeScalars)
                        ? String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(prefix.unicodeScalars.count))) : s)
        }
        add("removesuffix") { _, s, a throws(ScriptError) in
            try a.expect("removesuffix", 1...1)
            let suffix = try a.positional[0].asString("removesuffix() argument")
            guard !suffix.isEmpty, s.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()) else { return .str(s) }
            return .str(String(String.UnicodeScalarView(s.unicodeScalars.dropLast(suffix.unicodeScalars.count))))
        }
        add("partition") { _, s, a throws(ScriptError) in try partition(s, a, "partition", fromEnd: false) }
        add("rpartition") { _, s, a throws(ScriptError) in try partition(s, a, "rpartition", fromEnd: true) }
        add("swapcase") { _, s, _ throws(ScriptError) in
            .str(s.map { $0.isUppercase ? $0.lowercased() : $0.isLowercase ? $0.uppercased() : String($0) }.joined())
        }
        add("casefold") { _, s, _ throws(ScriptError) in .str(s.lowercased()) }
        add("isalnum") { _, s, _ throws(ScriptError) in
            .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        }
        add("isdecimal") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }) }
        add("isnumeric") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil }) }
        add("translate") { interpreter, s, a throws(ScriptError) in
            try a.expect("translate", 1...1)
            let table = a.positional[0]
            var out = String.UnicodeScalarView()
            for scalar in s.unicodeScalars {
                let mapped: Value
                do throws(ScriptError) {
                    mapped = try interpreter.item(table, .int(Int(scalar.value)))
                } catch where interpreter.exception(error, matches: interpreter.types.exception(.lookupError)) {
                    out.append(scalar)
                    continue
                }
                switch mapped {
                case .none: continue
                case .str(let text): out.append(contentsOf: text.unicodeScalars)
                case .int(let code):
                    guard let replacement = UInt32(exactly: code).flatMap(Unicode.Scalar.init) else {
                        throw .valueError("character mapping must be in range(0x110000)")
                    }
                    out.append(replacement)
                default: throw .typeError("character mapping must return integer, None or str")
                }
            }
            return .str(String(out))
        }
        add("expandtabs") { interpreter, s, a throws(ScriptError) in
            try a.expect("expandtabs", 0...1, keywords: ["tabsize"])
            let given = a.value(0, "tabsize")
            // CPython takes the size as a C int, and builds what it is asked for while memory allows.
            if case .object(let big)? = given, big is BigIntObject {
                throw ScriptError(.overflowError, "Python int too large to convert to C int")
            }
            let size = try given.map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 8
            guard size <= Int(Int32.max) else { throw ScriptError(.overflowError, "Python int too large to convert to C int") }
            let tabs = s.unicodeScalars.reduce(0) { $1 == "\t" ? $0 + 1 : $0 }
            let (bound, overflow) = tabs.multipliedReportingOverflow(by: max(size, 0))
            guard !overflow, MemoryBudget.allows(bytes: bound) else { throw ScriptError(.memoryError, "") }
            return .str(expandTabs(s, size: size))
        }
        add("format_map") { interpreter, s, a throws(ScriptError) in
            try a.expect("format_map", 1...1)
            var keywords: [(name: String, value: Value)] = []
            for (key, value) in try interpreter.mappingItems(a.positional[0]) {
                if case .str(let name) = key { keywords.append((name, value)) }
            }
            return .str(try interpreter.strFormat(s, Arguments([], keywords: keywords)))
        }
        add("find") { interpreter, s, a throws(ScriptError) in try search(interpreter, s, a, "find", raising: false, fromEnd: false) }
        add("index") { interpreter, s, a throws(ScriptError) in try search(interpreter, s, a, "index", raising: true, fromEnd: false) }
        add("rfind") { interpreter, s, a throws(ScriptError) in try search(interpreter, s, a, "rfind", raising: false, fromEnd: true) }
        add("rindex") { interpreter, s, a throws(ScriptError) in try search(interpreter, s, a, "rindex", raising: true, fromEnd: true) }
        add("count") { interpreter, s, a throws(ScriptError) in
            try a.expect("count", 1...3)
            let needle = try a.positional[0].asString("must be str")
            if a.positional.count == 1 && !needle.isEmpty {
                var found = 0
                forEachMatch(of: needle, in: s, limit: -1) { _ in found += 1 }
                return .int(found)
            }
            let scalars = Array(s.unicodeScalars)
            let (start, end) = try bounds(interpreter, count: scalars.count, a)
            guard start <= end else { return .int(0) }
            if needle.isEmpty { return .int(end - start + 1) }
            return .int(scalars[start..<end].ranges(of: Array(needle.unicodeScalars)).count)
        }
        add("isdigit") { _, s, _ throws(ScriptError) in
            .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit })
        }
        add("isalpha") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }) }
        add("isspace") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }) }
        add("isascii") { _, s, _ throws(ScriptError) in .bool(s.unicodeScalars.allSatisfy(\.isASCII)) }
        add("isupper") { _, s, _ throws(ScriptError) in .bool(s.contains { $0.isCased } && s.uppercased() == s) }
        add("islower") { _, s, _ throws(ScriptError) in .bool(s.contains { $0.isCased } && s.lowercased() == s) }
        add("istitle") { _, s, _ throws(ScriptError) in
            // Upper- and titlecase letters only after uncased ones, lowercase only after cased.
            var previousCased = false
            var sawCased = false
            for c in s {
                if c.isUppercase || (c.isCased && !c.isLowercase) {
                    if previousCased { return .bool(false) }
                    previousCased = true
                    sawCased = true
                } else if c.isLowercase {
                    if !previousCased { return .bool(false) }
                    previousCased = true
                    sawCased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(sawCased)
        }
        add("isidentifier") { _, s, _ throws(ScriptError) in
            guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return .bool(false) }
            return .bool(s.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        }
        add("capitalize") { _, s, _ throws(ScriptError) in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        add("title") { _, s, _ throws(ScriptError) in
            var out = ""
            var previousCased = false
            for c in s {
                out += previousCased ? c.lowercased() : c.uppercased()
                previousCased = c.isCased
            }
            return .str(out)
        }
        let justify: (String, Arguments, String) throws(ScriptError) -> Value = { s, a, mode throws(ScriptError) in
            try a.expect(mode, 1...2)
            guard case .int(let width) = a.positional[0] else { throw .typeError("integer argument expected") }
            let fill = try a.positional.count > 1 ? a.positional[1].asString("fill character") : " "
            let spec = try FormatSpec(fill + (mode == "ljust" ? "<" : mode == "rjust" ? ">" : "^") + String(max(width, 0)))
            return .str(spec.pad(s, numeric: false))
        }
        add("ljust") { _, s, a throws(ScriptError) in try justify(s, a, "ljust") }
        add("rjust") { _, s, a throws(ScriptError) in try justify(s, a, "rjust") }
        add("center") { interpreter, s, a throws(ScriptError) in
            try a.expect("center", 1...2)
            let width = try interpreter.indexValue(a.positional[0])
            let fill = try a.positional.count > 1 ? a.positional[1].asString("fill character") : " "
            let length = s.unicodeScalars.count
            guard width > length, fill.unicodeScalars.count == 1 else {
                if fill.unicodeScalars.count != 1 { throw .typeError("The fill character must be exactly one character long") }
                return .str(s)
            }
            guard MemoryBudget.allows(bytes: width) else { throw ScriptError(.memoryError, "") }
            // CPython's split of odd padding: the extra goes left when the width is odd.
            let margin = width - length
            let left = margin / 2 + (margin & width & 1)
            return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: margin - left))
        }
        add("zfill") { interpreter, s, a throws(ScriptError) in
            try a.expect("zfill", 1...1)
            let width = try interpreter.indexValue(a.positional[0])
            let spec = try FormatSpec("0=" + String(max(width, 0)))
            return .str(spec.pad(s, numeric: true))
        }
        return table
    }
}

extension StringMethods {
    /// `startswith` / `endswith`: a string or a tuple of them, within `s[start:end]`.
    static func affix(_ interpreter: Interpreter, _ s: String, _ a: Arguments, _ name: String,
                      _ test: (String, String) -> Bool) throws(ScriptError) -> Value {
        try a.expect(name, 1...3)
        // A start past the end matches nothing, not even '' (CPython's tailmatch).
        guard let part = try window(interpreter, s, a) else { return .bool(false) }
        let candidates: [Value]
        if case .tuple(let options) = a.positional[0] { candidates = options } else { candidates = [a.positional[0]] }
        for candidate in candidates {
            guard case .str(let option) = candidate else {
                throw .typeError("\(name) first arg must be str or a tuple of str, not \(candidate.typeName)")
            }
            if test(part, option) { return .bool(true) }
        }
        return .bool(false)
    }

    /// `s[start:end]` for the optional start and end arguments at positions 1 and 2; nil when
    /// the start lies past the end.
    static func window(_ interpreter: Interpreter, _ s: String, _ a: Arguments) throws(ScriptError) -> String? {
        guard a.positional.count > 1 else { return s }
        let scalars = Array(s.unicodeScalars)
        let (start, end) = try bounds(interpreter, count: scalars.count, a)
        guard start <= end else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The optional start and end arguments (positions 1 and 2) clamped as slice bounds.
    /// The `start` and `end` arguments at positions 1 and 2 as CPython's slice bounds: the end
    /// clamped to the string, the start only at 0 (past the end, nothing is found, not even
    /// an empty string: `'abc'.find('', 5)` is -1).
    package static func bounds(_ interpreter: Interpreter, count: Int, _ a: Arguments) throws(ScriptError) -> (Int, Int) {
        func bound(_ index: Int, _ fallback: Int, clampToCount: Bool) throws(ScriptError) -> Int {
            guard index < a.positional.count, !a.positional[index].isNone else { return fallback }
            let i = try interpreter.indexValue(a.positional[index])
            if i < 0 { return max(0, count + i) }
            return clampToCount ? min(i, count) : i
        }
        return (try bound(1, 0, clampToCount: false), try bound(2, count, clampToCount: true))
    }

    /// `find`, `index`, `rfind`, `rindex`, with optional start and end, in code points.
    package static func search(_ interpreter: Interpreter, _ s: String, _ a: Arguments, _ name: String,
                       raising: Bool, fromEnd: Bool) throws(ScriptError) -> Value {
        try a.expect(name, 1...3)
        let needle = Array(try a.positional[0].asString("must be str").unicodeScalars)
        let scalars = Array(s.unicodeScalars)
        let (start, end) = try bounds(interpreter, count: scalars.count, a)
        if end - start >= needle.count {
            let positions = Array(start...(end - needle.count))
            for position in fromEnd ? positions.reversed() : positions
            where scalars[position..<(position + needle.count)].elementsEqual(needle) {
                return .int(position)
            }
        }
        if raising { throw .valueError("substring not found") }
        return .int(-1)
    }

    /// `partition` / `rpartition`: (head, separator, tail).
    static func partition(_ s: String, _ a: Arguments, _ name: String, fromEnd: Bool) throws(ScriptError) -> Value {
        try a.expect(name, 1...1)
        let separator = try a.positional[0].asString("must be str")
        if separator.isEmpty { throw .valueError("empty separator") }
        if !fromEnd {
            guard let offset = firstMatch(of: separator, in: s) else { return .tuple([.str(s), .str(""), .str("")]) }
            let utf8 = s.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            let upper = utf8.index(lower, offsetBy: separator.utf8.count)
            return .tuple([.str(String(s[..<lower])), .str(separator), .str(String(s[upper...]))])
        }
        let scalars = s.unicodeScalars[...]
        let range = scalars.ranges(of: separator.unicodeScalars).last
        guard let range else { return fromEnd ? .tuple([.str(""), .str(""), .str(s)]) : .tuple([.str(s), .str(""), .str("")]) }
        return .tuple([.str(text(scalars[..<range.lowerBound])), .str(separator), .str(text(scalars[range.upperBound...]))])
    }

    /// `s` with the first `limit` (all, for a negative limit) non-empty `old` replaced, by code points.
    package static func replaced(_ s: String, _ old: String, _ new: String, limit: Int) -> String {
        var source = s
        return source.withUTF8 { bytes in
            var out: [UInt8] = []
            var start = 0
            forEachMatch(of: old, in: bytes, limit: limit) { offset in
                out.append(contentsOf: bytes[start..<offset])
                out.append(contentsOf: new.utf8)
                start = offset + old.utf8.count
            }
            out.append(contentsOf: bytes[start...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Calls `body` with the byte offset of each non-overlapping occurrence of `needle` (not
    /// empty) in `haystack`, left to right, at most `limit` times when `limit` >= 0. UTF-8 is
    /// self-synchronising, so a byte match is a match of whole characters.
    static func forEachMatch(of needle: String, in haystack: String, limit: Int, _ body: (Int) -> Void) {
        var source = haystack
        source.withUTF8 { forEachMatch(of: needle, in: $0, limit: limit, body) }
    }

    /// The byte offset of the first occurrence of `needle` (not empty) in `haystack`.
    static func firstMatch(of needle: String, in haystack: String) -> Int? {
        var first: Int?
        forEachMatch(of: needle, in: haystack, limit: 1) { first = $0 }
        return first
    }

    private static func forEachMatch(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, limit: Int, _ body: (Int) -> Void) {
        var pattern = needle
        pattern.withUTF8 { pattern in
            guard let base = bytes.baseAddress, let patternBase = pattern.baseAddress, pattern.count > 0 else { return }
            var position = 0
            var remaining = limit
            let last = bytes.count - pattern.count
            // memchr finds candidates for the first byte; memcmp checks the rest.
            while remaining != 0, position <= last,
                let found = memchr(base + position, Int32(patternBase[0]), last - position + 1) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, patternBase, pattern.count) == 0 {
                    body(offset)
                    position = offset + pattern.count
                    remaining -= 1
                } else {
                    position = offset + 1
                }
            }
        }
    }
}

extension Character {
    var isCased: Bool { isUppercase || isLowercase }
}
