/// Methods of `str`.
enum StringMethods {
    static func receiver(_ value: Value, _ name: String) throws(ScriptError) -> String {
        guard case .str(let s) = value else {
            throw .typeError("descriptor '\(name)' for 'str' objects doesn't apply to a '\(value.typeName)' object")
        }
        return s
    }

    static func stripped(_ s: String, _ chars: Value?, leading: Bool, trailing: Bool) throws(ScriptError) -> String {
        var set: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        if let chars, !chars.isNone { set = Set(try chars.asString("strip arg").unicodeScalars) }
        let scalars = Array(s.unicodeScalars)
        var start = 0
        var end = scalars.count
        if leading { while start < end && set.contains(scalars[start]) { start += 1 } }
        if trailing { while end > start && set.contains(scalars[end - 1]) { end -= 1 } }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    static func split(_ s: String, _ separator: Value?, _ maxSplit: Int) throws(ScriptError) -> [Value] {
        if let separator, !separator.isNone {
            let sep = try separator.asString("sep")
            if sep.isEmpty { throw .valueError("empty separator") }
            var parts: [Value] = []
            var rest = Substring(s)
            while maxSplit < 0 || parts.count < maxSplit, let range = rest.firstRange(of: sep) {
                parts.append(.str(String(rest[..<range.lowerBound])))
                rest = rest[range.upperBound...]
            }
            parts.append(.str(String(rest)))
            return parts
        }
        var parts: [Value] = []
        var current = ""
        var splits = 0
        var scalars = Substring(s).unicodeScalars[...]
        while let c = scalars.first {
            if c.properties.isWhitespace && (maxSplit < 0 || splits < maxSplit) {
                if !current.isEmpty {
                    parts.append(.str(current))
                    current = ""
                    splits += 1
                }
                scalars = scalars.dropFirst()
            } else if maxSplit >= 0 && splits >= maxSplit && current.isEmpty {
                let rest = String(String.UnicodeScalarView(scalars))
                let trimmed = try stripped(rest, nil, leading: false, trailing: true)
                if !trimmed.isEmpty { parts.append(.str(trimmed)) }
                return parts
            } else {
                current.unicodeScalars.append(c)
                scalars = scalars.dropFirst()
            }
        }
        if !current.isEmpty { parts.append(.str(current)) }
        return parts
    }

    static var all: [String: BuiltinFunction] {
        var table: [String: BuiltinFunction] = [:]
        func add(_ name: String, _ body: @escaping (Interpreter, String, Arguments) throws(ScriptError) -> Value) {
            table[name] = method("str", name) { (interpreter, value, arguments) throws(ScriptError) -> Value in
                try body(interpreter, try receiver(value, name), arguments)
            }
        }
        add("join") { interpreter, s, a throws(ScriptError) in
            try a.expect("join", 1...1)
            var joined = ""
            for (i, item) in try interpreter.iterate(a.positional[0]).enumerated() {
                guard case .str(let text) = item else {
                    throw .typeError("sequence item \(i): expected str instance, \(item.typeName) found")
                }
                if i > 0 { joined += s }
                joined += text
            }
            return .str(joined)
        }
        add("split") { interpreter, s, a throws(ScriptError) in
            try a.expect("split", 0...2, keywords: ["sep", "maxsplit"])
            let max = try a.value(1, "maxsplit").map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? -1
            return .list(ListObject(try split(s, a.value(0, "sep"), max)))
        }
        add("rsplit") { interpreter, s, a throws(ScriptError) in
            try a.expect("rsplit", 0...2, keywords: ["sep", "maxsplit"])
            return .list(ListObject(try split(s, a.value(0, "sep"), -1)))
        }
        add("splitlines") { _, s, _ throws(ScriptError) in
            .list(ListObject(s.split(separator: "\n", omittingEmptySubsequences: false).map { .str(String($0)) }
                .dropLast(s.hasSuffix("\n") ? 1 : 0)))
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
                var count = try interpreter.indexValue(a.positional[2])
                var out = ""
                var rest = Substring(s)
                while count != 0, !old.isEmpty, let r = rest.firstRange(of: old) {
                    out += rest[..<r.lowerBound] + new
                    rest = rest[r.upperBound...]
                    count -= 1
                }
                return .str(out + rest)
            }
            return .str(old.isEmpty ? s : s.replacing(old, with: new))
        }
        add("startswith") { _, s, a throws(ScriptError) in
            try a.expect("startswith", 1...1)
            if case .tuple(let options) = a.positional[0] {
                for case .str(let o) in options where s.hasPrefix(o) { return .bool(true) }
                return .bool(false)
            }
            return .bool(s.hasPrefix(try a.positional[0].asString("startswith arg")))
        }
        add("endswith") { _, s, a throws(ScriptError) in
            try a.expect("endswith", 1...1)
            if case .tuple(let options) = a.positional[0] {
                for case .str(let o) in options where s.hasSuffix(o) { return .bool(true) }
                return .bool(false)
            }
            return .bool(s.hasSuffix(try a.positional[0].asString("endswith arg")))
        }
        let find: (String, Arguments, Bool) throws(ScriptError) -> Value = { s, a, raising throws(ScriptError) in
            try a.expect(raising ? "index" : "find", 1...1)
            let needle = try a.positional[0].asString("must be str")
            guard let r = s.firstRange(of: needle) else {
                if raising { throw .valueError("substring not found") }
                return .int(-1)
            }
            return .int(s.unicodeScalars.distance(from: s.startIndex, to: r.lowerBound))
        }
        add("find") { _, s, a throws(ScriptError) in try find(s, a, false) }
        add("index") { _, s, a throws(ScriptError) in try find(s, a, true) }
        add("count") { _, s, a throws(ScriptError) in
            try a.expect("count", 1...1)
            let needle = try a.positional[0].asString("must be str")
            if needle.isEmpty { return .int(s.unicodeScalars.count + 1) }
            return .int(s.ranges(of: needle).count)
        }
        add("isdigit") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }) }
        add("isalpha") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }) }
        add("isspace") { _, s, _ throws(ScriptError) in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }) }
        add("isupper") { _, s, _ throws(ScriptError) in .bool(s.contains { $0.isCased } && s.uppercased() == s) }
        add("islower") { _, s, _ throws(ScriptError) in .bool(s.contains { $0.isCased } && s.lowercased() == s) }
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
            let spec = try FormatSpec(fill + (mode == "ljust" ? "<" : mode == "rjust" ? ">" : "^") + String(min(width, 10_000)))
            return .str(spec.pad(s, numeric: false))
        }
        add("ljust") { _, s, a throws(ScriptError) in try justify(s, a, "ljust") }
        add("rjust") { _, s, a throws(ScriptError) in try justify(s, a, "rjust") }
        add("center") { _, s, a throws(ScriptError) in try justify(s, a, "center") }
        add("zfill") { interpreter, s, a throws(ScriptError) in
            try a.expect("zfill", 1...1)
            let width = try interpreter.indexValue(a.positional[0])
            let spec = try FormatSpec("0=" + String(min(width, 10_000)))
            return .str(spec.pad(s, numeric: true))
        }
        return table
    }
}

extension Character {
    var isCased: Bool { isUppercase || isLowercase }
}
