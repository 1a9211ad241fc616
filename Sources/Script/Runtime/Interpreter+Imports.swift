extension Interpreter {
    /// `import a.b.c [as d]`.
    func importModule(_ item: ImportItem, in scope: Scope) throws(ScriptError) {
        let fullName = item.path.joined(separator: ".")
        let module = try loadModule(fullName)
        if let alias = item.alias {
            try bind(alias, .module(module), in: scope)
        } else {
            let top = try loadModule(item.path[0])
            try bind(item.path[0], .module(top), in: scope)
        }
    }

    /// `from a.b import c [as d], ...`.
    func importNames(_ names: [ImportItem], from path: [String], in scope: Scope) throws(ScriptError) {
        let moduleName = try absoluteName(path)
        let module = try loadModule(moduleName)
        for item in names {
            let name = item.path[0]
            if name == "*" {
                for (key, value) in module.members(symbols: symbols) where !key.hasPrefix("_") { try bind(key, value, in: scope) }
                continue
            }
            var value = module.member(name, symbols: symbols)
            if value == nil, let submodule = try? loadModule(moduleName + "." + name) { value = .module(submodule) }
            guard let value else {
                if moduleName == "__future__" {
                    throw ScriptError(.syntaxError, name == "braces" ? "not a chance" : "future feature \(name) is not defined")
                }
                let place = module.source.map { $0.isBundled ? " (unknown location)" : " (\($0.file))" } ?? ""
                throw ScriptError(.importError, "cannot import name '\(name)' from '\(moduleName)'\(place)")
            }
            try bind(item.alias ?? name, value, in: scope)
        }
    }

    /// The module a `from` names: relative paths (`.`, `..pkg`) count from the running
    /// module's package, as CPython's `__package__` does.
    func absoluteName(_ path: [String]) throws(ScriptError) -> String {
        guard let dots = path.first, dots.hasPrefix(".") else { return path.joined(separator: ".") }
        var package: String?
        if let id = symbols.existing("__package__"), case .str(let name)? = globals.local(id), !name.isEmpty { package = name }
        guard var base = package else { throw ScriptError(.importError, "attempted relative import with no known parent package") }
        for _ in 1..<dots.count {
            guard let dot = base.lastIndex(of: ".") else {
                throw ScriptError(.importError, "attempted relative import beyond top-level package")
            }
            base = String(base[..<dot])
        }
        return ([base] + path.dropFirst()).joined(separator: ".")
    }

    /// Loads (once per workspace) a builtin module and its parents, or a module from a file
    /// (see `SourceModule`), cached in `sys.modules`.
    package func loadModule(_ name: String) throws(ScriptError) -> ModuleObject {
        if let loaded = workspace.modules[name] {
            // A file module taken out of sys.modules is imported afresh, as in CPython.
            guard loaded.source != nil, (try? workspace.sysModules.get(.str(name))) == nil else { return loaded }
            workspace.modules[name] = nil
        }
        guard let definition = workspace.library.modules[name] else {
            let top = name.split(separator: ".").first.map(String.init) ?? name
            if top != name, workspace.library.modules[top] != nil {
                throw ScriptError(.moduleNotFoundError, "No module named '\(name)'")
            }
            if let module = try loadSourceModule(name) { return module }
            // CPython's text, with what Recur offers instead for the standard library and the
            // packages tutorials import (a missing helper module gets CPython's text alone).
            guard top == name, workspace.modules[top] == nil, StandardLibraryNames.known.contains(top) else {
                throw ScriptError(.moduleNotFoundError, "No module named '\(name)'")
            }
            throw ScriptError(.moduleNotFoundError,
                              "No module named '\(name)' (Recur script provides: \(workspace.library.modules.keys.filter { !$0.contains(".") && !$0.hasPrefix("_") }.sorted().joined(separator: ", ")))")
        }
        let module = ModuleObject(name: name)
        workspace.modules[name] = module
        try? workspace.sysModules.set(.str(name), .module(module))
        try definition.fill(self, module)
        if let dot = name.lastIndex(of: ".") {
            let parent = try loadModule(String(name[..<dot]))
            parent.namespace[String(name[name.index(after: dot)...])] = .module(module)
        }
        return module
    }
}
