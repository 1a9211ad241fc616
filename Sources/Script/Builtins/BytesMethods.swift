import Tensors

/// Methods of `bytes` and `bytearray` (CPython's ASCII-only semantics for the character tests).
package enum BytesMethods {
    /// The receiver of a bytes method.
    package static func receiver(_ value: Value, _ type: String, _ name: String) throws(ScriptError) -> BytesObject {
        guard case .object(let object as BytesObject) = value else {
            throw .typeError("descriptor '\(name)' for '\(type)' objects doesn't apply to a '\(value.typeName)' object")
        }
        return object
    }

    static let asciiWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C]

    static func isAlpha(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    static func isUpper(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }
    static func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }

    /// The methods of `bytes` (`mutable: false`) or `bytearray`.
    package static func all(mutable: Bool) -> [String: BuiltinFunction] {
        let type = mutable ? "bytearray" : "bytes"
        var table: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping (Interpreter, BytesObject, Arguments) throws(ScriptError) -> Value) {
            table[name] = method(type, name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, type, name), arguments)
            }
        }
        add("decode") { _, b, a throws(ScriptError) in
            try a.expect("decode", 0...2, keywords: ["encoding", "errors"])
            let encoding = try a.value(0, "encoding").map { (v) throws(ScriptError) in try v.asString("decode() argument 'encoding'") } ?? "utf-8"
            let errors = try a.value(1, "errors").map { (v) throws(ScriptError) in try v.asString("decode() argument 'errors'") } ?? "strict"
            return .str(try TextCodec(named: encoding).decode(b.bytes, errors: errors))
        }
        add("hex") { interpreter, b, a throws(ScriptError) in
            try a.expect("hex", 0...1, keywords: ["sep"])
            let digits = b.bytes.map(BytesObject.hexByte)
            guard let separator = a.value(0, "sep") else { return .str(digits.joined()) }
            let sep = try separator.asString("sep")
            guard sep.unicodeScalars.count == 1 else { throw .valueError("sep must be length 1.") }
            return .str(digits.joined(separator: sep))
        }
        add("count") { interpreter, b, a throws(ScriptError) in
            try a.expect("count", 1...3)
            let (needle, range) = try searchArguments(interpreter, b, a)
            if needle.isEmpty { return .int(range.count + 1) }
            var count = 0
            var start = range.lowerBound
            while let found = BytesObject.find(needle, in: b.bytes[start..<range.upperBound]) {
                count += 1
                start = found + needle.count
            }
            return .int(count)
        }
        for (name, fromEnd, raising) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
            add(name) { interpreter, b, a throws(ScriptError) in
                try a.expect(name, 1...3)
                let (needle, range) = try searchArguments(interpreter, b, a)
                var found: Int?
                if fromEnd {
                    var position = range.upperBound - needle.count
                    while position >= range.lowerBound {
                        if b.bytes[position..<(position + needle.count)].elementsEqual(needle) { found = position; break }
                        position -= 1
                    }
                } else {
                    found = BytesObject.find(needle, in: b.bytes[range])
                }
                if let found { return .int(found) }
                if raising { throw .valueError("subsection not found") }
                return .int(-1)
            }
        }
        for (name, atStart) in [("startswith", true), ("endswith", false)] {
            add(name) { interpreter, b, a throws(ScriptError) in
                try a.expect(name, 1...3)
                let candidates: [Value]
                if case .tuple(let items) = a.positional[0] { candidates = items } else { candidates = [a.positional[0]] }
                let range = try bounds(interpreter, b.bytes.count, a.positional.dropFirst())
                let slice = b.bytes[range]
                for candidate in candidates {
                    guard case .object(let affix as BytesObject) = candidate else {
                        throw .typeError("\(name) first arg must be bytes or a tuple of bytes, not \(candidate.typeName)")
                    }
                    if atStart ? slice.starts(with: affix.bytes) : slice.reversed().starts(with: affix.bytes.reversed()) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        add("split") { interpreter, b, a throws(ScriptError) in
            try a.expect("split", 0...2, keywords: ["sep", "maxsplit"])
            let maxSplit = try a.value(1, "maxsplit").map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? -1
            return .list(ListObject(try split(b, a.value(0, "sep"), maxSplit, interpreter).map { b.sibling($0) }))
        }
        add("rsplit") { interpreter, b, a throws(ScriptError) in
            try a.expect("rsplit", 0...2, keywords: ["sep", "maxsplit"])
            let maxSplit = try a.value(1, "maxsplit").map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? -1
            // Splitting the reversed data from the left is splitting from the right.
            let reversed = BytesObject(b.bytes.reversed(), mutable: b.isMutable)
            var separator = a.value(0, "sep")
            if case .object(let sep as BytesObject)? = separator { separator = .object(BytesObject(sep.bytes.reversed())) }
            let parts = try split(reversed, separator, maxSplit, interpreter)
            return .list(ListObject(parts.reversed().map { b.sibling($0.reversed()) }))
        }
        add("splitlines") { interpreter, b, a throws(ScriptError) in
            try a.expect("splitlines", 0...1, keywords: ["keepends"])
            let keep = try a.value(0, "keepends").map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? false
            var lines: [Value] = []
            var start = 0
            var i = 0
            let data = b.bytes
            while i < data.count {
                if data[i] == 0x0A || data[i] == 0x0D {
                    var end = i + 1
                    if data[i] == 0x0D && end < data.count && data[end] == 0x0A { end += 1 }
                    lines.append(b.sibling(Array(data[start..<(keep ? end : i)])))
                    start = end
                    i = end
                } else {
                    i += 1
                }
            }
            if start < data.count { lines.append(b.sibling(Array(data[start...]))) }
            return .list(ListObject(lines))
        }
        for (name, leading, trailing) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            add(name) { interpreter, b, a throws(ScriptError) in
                try a.expect(name, 0...1)
                var set = asciiWhitespace
                if let chars = a.positional.first, !chars.isNone { set = Set(try BytesObject.bytesLike(chars, interpreter)) }
                var start = 0
                var end = b.bytes.count
                if leading { while start < end && set.contains(b.bytes[start]) { start += 1 } }
                if trailing { while end > start && set.contains(b.bytes[end - 1]) { end -= 1 } }
                return b.sibling(Array(b.bytes[start..<end]))
            }
        }
        add("join") { interpreter, b, a throws(ScriptError) in
            try a.expect("join", 1...1)
            var out: [UInt8] = []
            for (i, item) in try interpreter.iterate(a.positional[0]).enumerated() {
                guard case .object(let piece as BytesObject) = item else {
                    throw .typeError("sequence item \(i): expected a bytes-like object, \(item.typeName) found")
                }
                if i > 0 { out += b.bytes }
                out += piece.bytes
                guard MemoryBudget.allows(bytes: out.count) else { throw ScriptError(.memoryError, "") }
            }
            return b.sibling(out)
        }
        add("replace") { interpreter, b, a throws(ScriptError) in
            try a.expect("replace", 2...3)
            let old = try BytesObject.bytesLike(a.positional[0], interpreter)
            let new = try BytesObject.bytesLike(a.positional[1], interpreter)
            var remaining = a.positional.count == 3 ? try interpreter.indexValue(a.positional[2]) : -1
            var out: [UInt8] = []
            var start = 0
            while remaining != 0, start <= b.bytes.count {
                if old.isEmpty {
                    out += new
                    if start < b.bytes.count { out.append(b.bytes[start]) }
                    start += 1
                } else {
                    guard let found = BytesObject.find(old, in: b.bytes[start...]) else { break }
                    out += b.bytes[start..<found] + new
                    start = found + old.count
                }
                remaining -= 1
                guard MemoryBudget.allows(bytes: out.count) else { throw ScriptError(.memoryError, "") }
            }
            if start < b.bytes.count { out += b.bytes[start...] }
            return b.sibling(out)
        }
        add("upper") { _, b, _ throws(ScriptError) in b.sibling(b.bytes.map { isLower($0) ? $0 - 32 : $0 }) }
        add("lower") { _, b, _ throws(ScriptError) in b.sibling(b.bytes.map { isUpper($0) ? $0 + 32 : $0 }) }
        add("isdigit") { _, b, _ throws(ScriptError) in .bool(!b.bytes.isEmpty && b.bytes.allSatisfy(isDigit)) }
        add("isascii") { _, b, _ throws(ScriptError) in .bool(b.bytes.allSatisfy { $0 < 128 }) }
        add("isalpha") { _, b, _ throws(ScriptError) in .bool(!b.bytes.isEmpty && b.bytes.allSatisfy(isAlpha)) }
        add("isalnum") { _, b, _ throws(ScriptError) in .bool(!b.bytes.isEmpty && b.bytes.allSatisfy { isAlpha($0) || isDigit($0) }) }
        add("isspace") { _, b, _ throws(ScriptError) in .bool(!b.bytes.isEmpty && b.bytes.allSatisfy { asciiWhitespace.contains($0) }) }
        add("isupper") { _, b, _ throws(ScriptError) in .bool(b.bytes.contains(where: isUpper) && !b.bytes.contains(where: isLower)) }
        add("islower") { _, b, _ throws(ScriptError) in .bool(b.bytes.contains(where: isLower) && !b.bytes.contains(where: isUpper)) }
        if mutable { addMutators(&table) }
        return table
    }

    /// `bytearray`'s in-place methods.
    private static func addMutators(_ table: inout [String: BuiltinFunction]) {
        func add(_ name: String, _ body: @escaping (Interpreter, BytesObject, Arguments) throws(ScriptError) -> Value) {
            table[name] = method("bytearray", name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, "bytearray", name), arguments)
            }
        }
        add("append") { interpreter, b, a throws(ScriptError) in
            try a.expect("append", 1...1)
            b.bytes.append(try BytesObject.byte(a.positional[0], interpreter))
            return .none
        }
        add("extend") { interpreter, b, a throws(ScriptError) in
            try a.expect("extend", 1...1)
            if a.positional[0].isStr { throw .typeError("expected iterable of integers; got: 'str'") }
            b.bytes += try BytesObject.bytesLike(a.positional[0], interpreter, allowIterable: true)
            return .none
        }
        add("insert") { interpreter, b, a throws(ScriptError) in
            try a.expect("insert", 2...2)
            var index = try interpreter.indexValue(a.positional[0])
            if index < 0 { index += b.bytes.count }
            b.bytes.insert(try BytesObject.byte(a.positional[1], interpreter), at: min(max(index, 0), b.bytes.count))
            return .none
        }
        add("pop") { interpreter, b, a throws(ScriptError) in
            try a.expect("pop", 0...1)
            guard !b.bytes.isEmpty else { throw .indexError("pop from empty bytearray") }
            let index = try a.positional.first.map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? -1
            let position = index < 0 ? index + b.bytes.count : index
            guard position >= 0 && position < b.bytes.count else { throw .indexError("pop index out of range") }
            return .int(Int(b.bytes.remove(at: position)))
        }
        add("remove") { interpreter, b, a throws(ScriptError) in
            try a.expect("remove", 1...1)
            let byte = try BytesObject.byte(a.positional[0], interpreter)
            guard let position = b.bytes.firstIndex(of: byte) else { throw .valueError("value not found in bytearray") }
            b.bytes.remove(at: position)
            return .none
        }
        add("clear") { _, b, _ throws(ScriptError) in
            b.bytes.removeAll()
            return .none
        }
        add("reverse") { _, b, _ throws(ScriptError) in
            b.bytes.reverse()
            return .none
        }
        add("copy") { _, b, _ throws(ScriptError) in b.sibling(b.bytes) }
    }

    /// The needle (bytes or an int) and the `start`/`end` range of find/count/index.
    private static func searchArguments(_ interpreter: Interpreter, _ b: BytesObject, _ a: Arguments) throws(ScriptError) -> ([UInt8], Range<Int>) {
        let needle: [UInt8]
        if case .object(let other as BytesObject) = a.positional[0] {
            needle = other.bytes
        } else if a.positional[0].intLike != nil {
            needle = [try BytesObject.byte(a.positional[0], interpreter)]
        } else {
            throw .typeError("argument should be integer or bytes-like object, not '\(a.positional[0].typeName)'")
        }
        return (needle, try bounds(interpreter, b.bytes.count, a.positional.dropFirst()))
    }

    /// Optional `start` and `end` arguments, clamped as slice bounds.
    private static func bounds(_ interpreter: Interpreter, _ count: Int, _ rest: ArraySlice<Value>) throws(ScriptError) -> Range<Int> {
        func clamp(_ value: Value?, _ fallback: Int) throws(ScriptError) -> Int {
            guard let value, !value.isNone else { return fallback }
            let i = try interpreter.indexValue(value)
            return min(max(i < 0 ? i + count : i, 0), count)
        }
        let values = Array(rest)
        let start = try clamp(values.first, 0)
        let end = try clamp(values.count > 1 ? values[1] : nil, count)
        return start..<max(start, end)
    }

    /// `split(sep=None, maxsplit=-1)` from the left: runs of ASCII whitespace without a separator.
    private static func split(_ b: BytesObject, _ separator: Value?, _ maxSplit: Int, _ interpreter: Interpreter) throws(ScriptError) -> [[UInt8]] {
        let data = b.bytes
        var parts: [[UInt8]] = []
        if let separator, !separator.isNone {
            let sep = try BytesObject.bytesLike(separator, interpreter)
            if sep.isEmpty { throw .valueError("empty separator") }
            var start = 0
            while maxSplit < 0 || parts.count < maxSplit, let found = BytesObject.find(sep, in: data[start...]) {
                parts.append(Array(data[start..<found]))
                start = found + sep.count
            }
            parts.append(Array(data[start...]))
            return parts
        }
        var i = 0
        while i < data.count {
            while i < data.count && asciiWhitespace.contains(data[i]) { i += 1 }
            guard i < data.count else { break }
            if maxSplit >= 0 && parts.count == maxSplit {
                parts.append(Array(data[i...]))
                return parts
            }
            let start = i
            while i < data.count && !asciiWhitespace.contains(data[i]) { i += 1 }
            parts.append(Array(data[start..<i]))
        }
        return parts
    }
}
