import Rendering
/// Completion and inspection over the workspace, without running user code: only names
/// and attribute chains (`torch.nn.`, `net.rnn.`) are resolved. A name bound by an import
/// earlier in the same code, or a builtin module's dotted path, resolves even before the
/// import has run (frontends ask for completions of code nobody executed yet).
package struct Completer {
    package let interpreter: Interpreter

    package init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    static let magics = ["%%time", "%matplotlib", "%reset", "%shapes", "%time", "%who", "%whos"]

    package func complete(_ code: String, cursor: Int) -> CompletionResult {
        let scalars = Array(code.unicodeScalars)
        let end = max(0, min(cursor, scalars.count))
        var start = end
        while start > 0, Lexer.isIdentifierContinue(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        let token = String(String.UnicodeScalarView(scalars[start..<end]))
        let lineStart = scalars[..<start].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        if let position = Completer.importPosition(before: String(String.UnicodeScalarView(scalars[lineStart..<start]))) {
            return completeImport(position, token: token, start: start, end: end)
        }
        if start > 0 && scalars[start - 1] == "%" {
            let prefix = (start > 1 && scalars[start - 2] == "%" ? "%%" : "%") + token
            let matches = Completer.magics.filter { $0.hasPrefix(prefix) }
            return CompletionResult(matches: matches, start: start - (prefix.count - token.count), end: end)
        }
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let partial = parts.removeLast()
        let partialStart = end - partial.unicodeScalars.count
        var candidates: [String]
        if parts.isEmpty {
            candidates = interpreter.workspace.globalEntries.map(\.name) + Array(interpreter.builtins.keys)
                + Keyword.allCases.map(\.rawValue)
        } else {
            guard let base = resolve(parts, importsIn: String(String.UnicodeScalarView(scalars[..<start]))) else { return CompletionResult(matches: [], start: partialStart, end: end) }
            candidates = interpreter.attributeNames(of: base)
        }
        let showPrivate = partial.hasPrefix("_")
        let matches = Set(candidates.filter { $0.hasPrefix(partial) && (showPrivate || !$0.hasPrefix("_")) }).sorted()
        return CompletionResult(matches: matches, start: partialStart, end: end)
    }

    /// Follows `a.b.c` through names and attributes; nil when any step is unknown. Imports
    /// in `code` come first (they bind when the code runs), then the workspace, builtins
    /// and builtin modules by their dotted path.
    package func resolve(_ path: [String], importsIn code: String = "") -> Value? {
        guard let first = path.first, !first.isEmpty else { return nil }
        var rest = path.dropFirst()
        var value: Value
        if let binding = ImportBinding.scan(code)[first], let bound = resolve(binding) {
            value = bound
        } else if let known = interpreter.workspace.global(first) ?? interpreter.builtins[first] {
            value = known
        } else if let (module, used) = builtinModule(prefixOf: path) {
            value = .module(module)
            rest = path.dropFirst(used)
        } else {
            return nil
        }
        for name in rest {
            guard let next = try? interpreter.attributeIfPresent(value, name) else { return nil }
            value = next
        }
        return value
    }

    /// The longest leading part of `path` naming a builtin module, and how many names it used.
    private func builtinModule(prefixOf path: [String]) -> (ModuleObject, Int)? {
        for count in stride(from: path.count, through: 1, by: -1) {
            let name = path.prefix(count).joined(separator: ".")
            guard interpreter.workspace.library.modules[name] != nil else { continue }
            // Loading a builtin module binds no name; `import` would reuse it.
            guard let module = try? interpreter.loadModule(name) else { return nil }
            return (module, count)
        }
        return nil
    }

    private func resolve(_ binding: ImportBinding) -> Value? {
        switch binding {
        case .module(let name):
            return (try? interpreter.loadModule(name)).map(Value.module)
        case .member(let name, let module):
            if interpreter.workspace.library.modules[module + "." + name] != nil {
                return (try? interpreter.loadModule(module + "." + name)).map(Value.module)
            }
            guard let loaded = try? interpreter.loadModule(module) else { return nil }
            return loaded.namespace[name]
        }
    }

    package func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
        let scalars = Array(code.unicodeScalars)
        var end = max(0, min(cursor, scalars.count))
        while end < scalars.count, Lexer.isIdentifierContinue(scalars[end]) { end += 1 }
        var start = end
        while start > 0, Lexer.isIdentifierContinue(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        // Inside a call's parentheses, inspect the function being called.
        if start == end, end > 0, scalars[end - 1] == "(" {
            end -= 1
            start = end
            while start > 0, Lexer.isIdentifierContinue(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        }
        let token = String(String.UnicodeScalarView(scalars[start..<end]))
        let path = token.split(separator: ".").map(String.init)
        guard !path.isEmpty, let value = resolve(path, importsIn: code) else { return nil }
        guard let text = try? interpreter.helpText(for: value, detail: detailLevel, name: token) else { return nil }
        return MimeBundle(plainText: text)
    }
}

extension Interpreter {
    /// What `help(x)`, `x?` and inspection show.
    func helpText(for value: Value, detail: Int, name: String? = nil) throws(ScriptError) -> String {
        var lines: [(String, String)] = []
        switch value {
        case .builtin(let builtin):
            lines.append(("Signature", builtin.signature))
            lines.append(("Docstring", builtin.doc.isEmpty ? "<no docstring>" : builtin.doc))
            lines.append(("Type", "builtin_function_or_method"))
        case .function(let function):
            let parameters = function.definition.parameters.map { p -> String in
                switch p.kind {
                case .varPositional: return "*" + p.name
                case .varKeyword: return "**" + p.name
                case .positionalOnly, .normal, .keywordOnly: return p.defaultValue == nil ? p.name : p.name + "=..."
                }
            }
            lines.append(("Signature", "\(function.definition.name)(\(parameters.joined(separator: ", ")))"))
            lines.append(("Docstring", function.definition.docstring ?? "<no docstring>"))
            lines.append(("File", function.unit.name))
            lines.append(("Type", "function"))
        case .type(let type):
            if let constructor = type.constructor {
                lines.append(("Init signature", constructor.signature))
                lines.append(("Docstring", constructor.doc.isEmpty ? "<no docstring>" : constructor.doc))
            } else if let initializer = type.lookup("__init__"), case .function(let function) = initializer {
                lines.append(("Init signature", "\(type.name)(\(function.definition.parameters.dropFirst().map(\.name).joined(separator: ", ")))"))
                lines.append(("Docstring", function.definition.docstring ?? "<no docstring>"))
            } else if let initializer = type.lookup("__init__"), case .builtin(let builtin) = initializer, !builtin.doc.isEmpty {
                lines.append(("Init signature", builtin.signature))
                lines.append(("Docstring", builtin.doc))
            } else if let doc = type.namespace["__doc__"], case .str(let text) = doc {
                lines.append(("Docstring", text))
            }
            lines.append(("Type", "type"))
        case .boundMethod(let method):
            return try helpText(for: method.function, detail: detail, name: name)
        case .module(let module):
            lines.append(("Type", "module"))
            lines.append(("Name", module.name))
            lines.append(("Contents", module.members(symbols: symbols).map(\.name).filter { !$0.hasPrefix("_") }.sorted().joined(separator: ", ")))
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .instance, .object:
            lines.append(("Type", value.typeName))
            if case .object(let object) = value, let summary = object.summary(interpreter: self) {
                lines.append(("Info", summary))
            }
            var form = try str(value)
            if detail == 0 && form.count > 400 { form = String(form.prefix(400)) + "..." }
            lines.append(("String form", form))
            if let n = try? length(value) { lines.append(("Length", String(n))) }
            if case .instance(let instance) = value, let doc = instance.type.namespace["__doc__"], case .str(let text) = doc {
                lines.append(("Docstring", text))
            }
        }
        let width = (lines.map { $0.0.count }.max() ?? 0) + 2
        return lines.map { label, text in
            let head = label + ":" + String(repeating: " ", count: max(1, width - label.count - 1))
            let indent = String(repeating: " ", count: width + 1)
            return head + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
        }.joined(separator: "\n")
    }
}
