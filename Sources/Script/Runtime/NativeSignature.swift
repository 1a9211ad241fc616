/// A native callable's parameters, declared once as Python writes them
/// (`"(x, /, maxlen=None, *, key=None)"`): arguments are bound against it with the errors
/// CPython raises for the same kind of callable, and `help()` shows its text.
package struct NativeSignature: Sendable {
    /// How CPython's own implementation of the callable takes its arguments, which decides
    /// the wording of its TypeErrors.
    package enum Convention: Sendable {
        /// A function written in Python (PyTorch's modules and optimizers, matplotlib):
        /// `SGD.step() got an unexpected keyword argument 'foo'`.
        case python
        /// `METH_NOARGS`: `deque.pop() takes no arguments (1 given)`.
        case noArguments
        /// `METH_O`: `deque.append() takes exactly one argument (0 given)`.
        case singleArgument
        /// `PyArg_ParseTuple`: `insert() takes exactly 2 arguments (1 given)`.
        case parseTuple
        /// Argument Clinic: `get expected at least 1 argument, got 0` for positional
        /// parameters, `'foo' is an invalid keyword argument for split()` with keywords.
        case clinic
        /// A slot wrapper (`__next__`, `__iter__`): `expected 0 arguments, got 1`.
        case slotWrapper
        /// Argument Clinic naming the type in its counts too: `deque.rotate expected at most 1
        /// argument, got 2`.
        case clinicQualified
    }

    package struct Parameter: Sendable {
        package let name: String
        package let kind: Script.Parameter.Kind
        /// The default as `help()` shows it; nil for a required parameter.
        package let defaultText: String?

        var text: String {
            switch kind {
            case .varPositional: "*" + name
            case .varKeyword: "**" + name
            case .positionalOnly, .normal, .keywordOnly: defaultText.map { "\(name)=\($0)" } ?? name
            }
        }
    }

    package let parameters: [Parameter]
    package let convention: Convention
    /// The parameter list as Python writes it, with its parentheses.
    package let text: String
    /// How many parameters take positional arguments, and how many of those are required.
    let positionalCount: Int
    let requiredPositional: Int
    let hasVarPositional: Bool
    let hasVarKeyword: Bool
    let acceptsKeywords: Bool
    /// Whether the declaration starts with `self` (a Python method: counts include it).
    let takesReceiver: Bool
    /// The names and kinds the general binder sees: `self` first for a Python method.
    private let bindingNames: [String]
    private let bindingKinds: [Script.Parameter.Kind]

    /// Reads `text` (`"(x, /, y=None, *args, z=1, **kwargs)"`); the declarations are the
    /// project's own, so a malformed one is a programming error caught by the tests that call it.
    package init(_ text: String, convention: Convention = .python) {
        var parameters: [Parameter] = []
        var keywordOnly = false
        for item in NativeSignature.split(text) {
            if item == "/" {
                parameters = parameters.map { Parameter(name: $0.name, kind: .positionalOnly, defaultText: $0.defaultText) }
                continue
            }
            if item == "*" {
                keywordOnly = true
                continue
            }
            if item.hasPrefix("**") {
                parameters.append(Parameter(name: String(item.dropFirst(2)), kind: .varKeyword, defaultText: nil))
                continue
            }
            if item.hasPrefix("*") {
                parameters.append(Parameter(name: String(item.dropFirst()), kind: .varPositional, defaultText: nil))
                keywordOnly = true
                continue
            }
            let parts = item.split(separator: "=", maxSplits: 1)
            let name = String(parts.first ?? "").trimmingSpaces
            let defaultText = parts.count > 1 ? String(parts[1]).trimmingSpaces : nil
            parameters.append(Parameter(name: name, kind: keywordOnly ? .keywordOnly : .normal, defaultText: defaultText))
        }
        self.init(parameters: parameters, convention: convention)
    }

    /// A Python function's positional-or-keyword parameters `names`, the first `required` of
    /// them without defaults (the defaults are the body's).
    package init(names: [String], required: Int) {
        self.init(parameters: names.enumerated().map {
            Parameter(name: $0.element, kind: .normal, defaultText: $0.offset < required ? nil : "...")
        }, convention: .python)
    }

    private init(parameters declared: [Parameter], convention: Convention) {
        self.convention = convention
        var parameters = declared
        // A Python method's `self` counts in its errors but is not bound from the arguments.
        takesReceiver = convention == .python && parameters.first?.name == "self"
        if takesReceiver { parameters.removeFirst() }
        text = NativeSignature.text(of: parameters)
        self.parameters = parameters
        positionalCount = parameters.filter(\.kind.isPositional).count
        requiredPositional = parameters.filter { $0.kind.isPositional && $0.defaultText == nil }.count
        hasVarPositional = parameters.contains { $0.kind == .varPositional }
        hasVarKeyword = parameters.contains { $0.kind == .varKeyword }
        acceptsKeywords = parameters.contains { $0.kind == .normal || $0.kind == .keywordOnly || $0.kind == .varKeyword }
        bindingNames = (takesReceiver ? ["self"] : []) + parameters.map(\.name)
        bindingKinds = (takesReceiver ? [.normal] : []) + parameters.map(\.kind)
    }

    /// The parameter list as Python writes it: `/` after positional-only ones, `*` before
    /// keyword-only ones unless `*args` stands there.
    private static func text(of parameters: [Parameter]) -> String {
        var items: [String] = []
        for (i, parameter) in parameters.enumerated() {
            let previous = i > 0 ? parameters[i - 1].kind : nil
            if previous == .positionalOnly && parameter.kind != .positionalOnly { items.append("/") }
            if parameter.kind == .keywordOnly && previous != .keywordOnly && previous != .varPositional { items.append("*") }
            items.append(parameter.text)
        }
        if parameters.last?.kind == .positionalOnly { items.append("/") }
        return "(" + items.joined(separator: ", ") + ")"
    }

    /// The top-level comma-separated items of a parameter list (defaults may hold commas in
    /// brackets or strings: `betas=(0.9, 0.999)`).
    private static func split(_ text: String) -> [String] {
        var inner = Substring(text.trimmingSpaces)
        if inner.hasPrefix("(") && inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
        var items: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in inner {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if character == ",", depth == 0 {
                items.append(current.trimmingSpaces)
                current = ""
                continue
            }
            current.append(character)
        }
        let last = current.trimmingSpaces
        if !last.isEmpty { items.append(last) }
        return items
    }

    /// Binds `a` to the parameters: `name` is the callable's qualified name (`deque.append`,
    /// `SGD.step`), used in the errors as CPython words them for this convention.
    package func bind(_ a: Arguments, name: String) throws(ScriptError) -> BoundArguments {
        if a.keywords.isEmpty && !hasVarPositional && a.positional.count >= requiredPositional && a.positional.count <= positionalCount {
            // The common call: positional arguments within range.
            var values = [Value?](repeating: nil, count: parameters.count)
            for (i, value) in a.positional.enumerated() { values[i] = value }
            return BoundArguments(signature: self, values: values, rest: [], extraKeywords: [])
        }
        try checkConvention(a, name: name)
        let shift = takesReceiver ? 1 : 0
        var given = a
        if takesReceiver { given.positional.insert(.none, at: 0) }
        let bound = try ParameterBinding.bind(given, names: bindingNames, kinds: bindingKinds,
                                              hasDefault: { $0 >= shift && parameters[$0 - shift].defaultText != nil }, name: name)
        return BoundArguments(signature: self, values: Array(bound.values.dropFirst(shift)), rest: bound.extra, extraKeywords: bound.keywords)
    }

    /// CPython's wording for a wrong count or an unwanted keyword under the C conventions.
    private func checkConvention(_ a: Arguments, name: String) throws(ScriptError) {
        let short = name.split(separator: ".").last.map(String.init) ?? name
        let given = a.positional.count
        func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
        switch convention {
        case .python:
            return
        case .noArguments:
            if !a.keywords.isEmpty { throw .typeError("\(name)() takes no keyword arguments") }
            if given != 0 { throw .typeError("\(name)() takes no arguments (\(given) given)") }
        case .slotWrapper:
            if !a.keywords.isEmpty { throw .typeError("wrapper \(short)() takes no keyword arguments") }
            if given != positionalCount { throw .typeError("expected \(positionalCount) argument\(plural(positionalCount)), got \(given)") }
        case .singleArgument:
            if !a.keywords.isEmpty { throw .typeError("\(name)() takes no keyword arguments") }
            if given != 1 { throw .typeError("\(name)() takes exactly one argument (\(given) given)") }
        case .parseTuple:
            if !a.keywords.isEmpty && !acceptsKeywords { throw .typeError("\(name)() takes no keyword arguments") }
            let total = given + a.keywords.count
            if hasVarPositional { return }
            if !acceptsKeywords && requiredPositional == positionalCount && total != positionalCount {
                throw .typeError("\(short)() takes exactly \(positionalCount) argument\(plural(positionalCount)) (\(total) given)")
            }
            if total < requiredPositional && !acceptsKeywords {
                throw .typeError("\(short)() takes at least \(requiredPositional) argument\(plural(requiredPositional)) (\(total) given)")
            }
            let most = parameters.filter { $0.kind != .varKeyword }.count
            if total > most && !hasVarKeyword {
                throw .typeError("\(short)() takes at most \(most) argument\(plural(most)) (\(total) given)")
            }
            try checkKeywords(a, short: short)
        case .clinic, .clinicQualified:
            // Positional parameters only (and perhaps `**kwargs`): counted as `PyArg_UnpackTuple` does.
            if !parameters.contains(where: { $0.kind == .normal || $0.kind == .keywordOnly }) {
                if !a.keywords.isEmpty && !hasVarKeyword { throw .typeError("\(name)() takes no keyword arguments") }
                if hasVarPositional { return }
                let counted = convention == .clinic ? short : name
                if requiredPositional == positionalCount && given != positionalCount {
                    throw .typeError("\(counted) expected \(positionalCount) argument\(plural(positionalCount)), got \(given)")
                }
                if given < requiredPositional {
                    throw .typeError("\(counted) expected at least \(requiredPositional) argument\(plural(requiredPositional)), got \(given)")
                }
                if given > positionalCount {
                    throw .typeError("\(counted) expected at most \(positionalCount) argument\(plural(positionalCount)), got \(given)")
                }
                return
            }
            // `_PyArg_UnpackKeywords`' order: the total, the positional count, a missing
            // required argument, then unknown or repeated keywords.
            let total = given + a.keywords.count
            let most = parameters.filter { $0.kind != .varKeyword && $0.kind != .varPositional }.count
            if total > most && !hasVarKeyword && !hasVarPositional {
                throw .typeError("\(short)() takes at most \(most) \(given == 0 ? "keyword " : "")argument\(plural(most)) (\(total) given)")
            }
            if given > positionalCount && !hasVarPositional {
                if positionalCount == 0 { throw .typeError("\(short)() takes no positional arguments") }
                let bound = requiredPositional < positionalCount ? "at most" : "exactly"
                throw .typeError("\(short)() takes \(bound) \(positionalCount) positional argument\(plural(positionalCount)) (\(given) given)")
            }
            for (i, parameter) in parameters.enumerated() where parameter.defaultText == nil && parameter.kind != .varPositional
                && parameter.kind != .varKeyword && i >= given && a.keyword(parameter.name) == nil {
                throw .typeError("\(short)() missing required argument '\(parameter.name)' (pos \(i + 1))")
            }
            try checkKeywords(a, short: short)
        }
    }

    /// `PyArg_ParseTupleAndKeywords`' errors for keywords: unknown, or repeating a positional.
    private func checkKeywords(_ a: Arguments, short: String) throws(ScriptError) {
        for (keyword, _) in a.keywords {
            guard let i = parameters.firstIndex(where: { $0.name == keyword && ($0.kind == .normal || $0.kind == .keywordOnly) }) else {
                if hasVarKeyword { continue }
                throw .typeError("'\(keyword)' is an invalid keyword argument for \(short)()")
            }
            if i < a.positional.count {
                throw .typeError("argument for \(short)() given by name ('\(keyword)') and position (\(i + 1))")
            }
        }
    }
}

/// Arguments bound to a `NativeSignature`: one value per declared parameter (nil when not
/// given, so the body applies the default), the extra positional values of `*args` and the
/// extra keywords of `**kwargs`.
package struct BoundArguments {
    let signature: NativeSignature
    package let values: [Value?]
    package let rest: [Value]
    package let extraKeywords: [(name: String, value: Value)]

    /// Parameter `i` in declaration order, nil when not given.
    package subscript(_ i: Int) -> Value? { i < values.count ? values[i] : nil }

    /// The parameter called `name`, nil when not given.
    package subscript(_ name: String) -> Value? {
        guard let i = signature.parameters.firstIndex(where: { $0.name == name }) else { return nil }
        return values[i]
    }

    /// A required parameter (binding guarantees it is there).
    package func required(_ i: Int) -> Value { self[i] ?? .none }

    /// Parameter `i` unless it is absent or None.
    package func optional(_ i: Int) -> Value? {
        guard let value = self[i], !value.isNone else { return nil }
        return value
    }
}
