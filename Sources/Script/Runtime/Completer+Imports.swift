/// Completion inside `import` and `from ... import` lines, as IPython completes them: module
/// names after `import` and `from`, one dotted level at a time, and after `from M import`
/// the names module M exports (and its submodules). A module from a file is offered by its
/// file name, but its names only once it has been imported: completion never runs its code.
extension Completer {
    /// Where in an import statement the cursor is.
    package enum ImportPosition: Equatable {
        /// A module name (`import to|`, `import torch.n|`, `from coll|`).
        case moduleName
        /// The `import` keyword after `from M `.
        case importKeyword
        /// A name from module `module` (`from torch.nn import L|`).
        case member(module: String)
        /// An alias after `as`: nothing to offer.
        case alias
    }

    /// The import position of the line ending at the cursor (`before` is that line's text up
    /// to the cursor, without the token being completed); nil outside import statements.
    static func importPosition(before line: String) -> ImportPosition? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        let endsInSpace = line.last == " " || line.last == "\t"
        let lastClause = line.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? line
        let clauseWords = lastClause.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" })
        switch first {
        case "import":
            guard words.count > 1 || endsInSpace else { return nil }
            return clauseWords.contains("as") ? .alias : .moduleName
        case "from":
            if words.count == 1 { return endsInSpace ? .moduleName : nil }
            if words.count == 2 { return endsInSpace ? .importKeyword : nil }
            guard words[2] == "import" else { return nil }
            if words.count == 3 && !endsInSpace { return nil }
            return clauseWords.contains("as") ? .alias : .member(module: words[1])
        default:
            return nil
        }
    }

    /// The completion for `token` (the dotted name before the cursor, starting at `start`) at
    /// `position`.
    func completeImport(_ position: ImportPosition, token: String, start: Int, end: Int) -> CompletionResult {
        switch position {
        case .alias:
            return CompletionResult(matches: [], start: end, end: end)
        case .importKeyword:
            return CompletionResult(matches: "import".hasPrefix(token) ? ["import"] : [], start: start, end: end)
        case .moduleName:
            // One level at a time: `torch.` offers `torch.nn`, not `torch.nn.functional`.
            let depth = token.split(separator: ".", omittingEmptySubsequences: false).count
            let matches = Set(moduleNames().filter {
                $0.hasPrefix(token) && $0.split(separator: ".").count == depth && (token.contains("_") || !$0.hasPrefix("_"))
            }).sorted()
            return CompletionResult(matches: matches, start: start, end: end)
        case .member(let module):
            let partial = String(token.split(separator: ".", omittingEmptySubsequences: false).last ?? "")
            var names = moduleNames().compactMap { name -> String? in
                guard name.hasPrefix(module + ".") else { return nil }
                let rest = name.dropFirst(module.count + 1)
                return rest.contains(".") ? nil : String(rest)
            }
            if let loaded = importedOrBuiltin(module) { names += interpreter.attributeNames(of: .module(loaded)) }
            let showPrivate = partial.hasPrefix("_")
            let matches = Set(names.filter { $0.hasPrefix(partial) && (showPrivate || !$0.hasPrefix("_")) }).sorted()
            return CompletionResult(matches: matches, start: end - partial.unicodeScalars.count, end: end)
        }
    }

    /// Every module `import` could find: Recur's modules, those already imported, and the
    /// `.py` / `.recur` files and packages in the directories of `sys.path`.
    private func moduleNames() -> [String] {
        var names = Array(interpreter.workspace.library.modules.keys) + Array(interpreter.workspace.modules.keys)
        for directory in interpreter.moduleSearchPath() {
            let path = directory.isEmpty ? "." : directory
            guard let entries = try? OSModule.entries(path) else { continue }
            for entry in entries {
                if let dot = entry.lastIndex(of: "."), [".py", ".recur"].contains(String(entry[dot...])) {
                    names.append(String(entry[..<dot]))
                } else if SourceModule.locate(entry, in: path)?.package != nil {
                    names.append(entry)
                }
            }
        }
        return names.filter { !$0.isEmpty && $0.split(separator: ".").allSatisfy(Self.isIdentifier) }
    }

    private static func isIdentifier(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, Lexer.isIdentifierStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(Lexer.isIdentifierContinue)
    }

    /// A module already imported, or one of Recur's (loading those runs no user code).
    private func importedOrBuiltin(_ name: String) -> ModuleObject? {
        if let loaded = interpreter.workspace.modules[name] { return loaded }
        guard interpreter.workspace.library.modules[name] != nil else { return nil }
        return try? interpreter.loadModule(name)
    }
}
