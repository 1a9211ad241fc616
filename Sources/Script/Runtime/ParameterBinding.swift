/// Python's rules for binding a call's arguments to parameters, with CPython's TypeErrors for
/// a function written in Python; user functions and native methods both bind through it.
enum ParameterBinding {
    struct Bound {
        /// One value per parameter; nil where the default applies (or for `*args`/`**kwargs`).
        var values: [Value?]
        /// Positional arguments past the positional parameters (for `*args`).
        var extra: [Value]
        /// Keywords no parameter takes (for `**kwargs`).
        var keywords: [(name: String, value: Value)]
    }

    /// Binds `arguments` to parameters `names` of `kinds`; `hasDefault(i)` says whether
    /// parameter `i` may be left out. `name` is the function's qualified name for errors.
    static func bind(_ arguments: Arguments, names: [String], kinds: [Parameter.Kind],
                     hasDefault: (Int) -> Bool, name: String) throws(ScriptError) -> Bound {
        var values = [Value?](repeating: nil, count: names.count)
        var extra: [Value] = []
        var positionalSlots = 0
        for kind in kinds where kind.isPositional { positionalSlots += 1 }
        for (i, value) in arguments.positional.enumerated() {
            if i < positionalSlots {
                values[i] = value
            } else {
                extra.append(value)
            }
        }
        let hasVarPositional = kinds.contains(.varPositional)
        let hasVarKeyword = kinds.contains(.varKeyword)
        if !extra.isEmpty && !hasVarPositional {
            let given = arguments.positional.count
            var required = 0
            for i in kinds.indices where kinds[i].isPositional && !hasDefault(i) { required += 1 }
            let takes = required == positionalSlots ? "\(positionalSlots)" : "from \(required) to \(positionalSlots)"
            throw .typeError("\(name)() takes \(takes) positional argument\(positionalSlots == 1 ? "" : "s") but \(given) \(given == 1 ? "was" : "were") given")
        }
        var keywords: [(name: String, value: Value)] = []
        var positionalOnlyByKeyword: [String] = []
        for (keyword, value) in arguments.keywords {
            if !hasVarKeyword, names.indices.contains(where: { names[$0] == keyword && kinds[$0] == .positionalOnly }) {
                positionalOnlyByKeyword.append(keyword)
                continue
            }
            if let i = names.indices.first(where: { names[$0] == keyword && (kinds[$0] == .normal || kinds[$0] == .keywordOnly) }) {
                if values[i] != nil {
                    throw .typeError("\(name)() got multiple values for argument '\(keyword)'")
                }
                values[i] = value
            } else if hasVarKeyword {
                keywords.append((keyword, value))
            } else {
                throw .typeError("\(name)() got an unexpected keyword argument '\(keyword)'")
            }
        }
        if !positionalOnlyByKeyword.isEmpty {
            throw .typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(positionalOnlyByKeyword.joined(separator: ", "))'")
        }
        var missing: [String] = []
        var missingKeywords: [String] = []
        for i in kinds.indices where values[i] == nil && !hasDefault(i) {
            switch kinds[i] {
            case .varPositional, .varKeyword: break
            case .keywordOnly: missingKeywords.append("'\(names[i])'")
            case .positionalOnly, .normal: missing.append("'\(names[i])'")
            }
        }
        for (list, kind) in [(missing, "positional"), (missingKeywords, "keyword-only")] where !list.isEmpty {
            let text = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " and " + (list.last ?? "")
            throw .typeError("\(name)() missing \(list.count) required \(kind) argument\(list.count == 1 ? "" : "s"): \(text)")
        }
        return Bound(values: values, extra: extra, keywords: keywords)
    }
}
