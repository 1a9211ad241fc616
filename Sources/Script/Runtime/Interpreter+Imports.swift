extension Interpreter {
    /// `import a.b.c [as d]`.
    func importModule(_ item: ImportItem, in scope: Scope) throws(ScriptError) {
        let fullName = item.path.joined(separator: ".")
        let module = try loadModule(fullName)
        if let alias = item.alias {
            bind(alias, .module(module), in: scope)
        } else {
            let top = try loadModule(item.path[0])
            bind(item.path[0], .module(top), in: scope)
        }
    }

    /// `from a.b import c [as d], ...`.
    func importNames(_ names: [ImportItem], from path: [String], in scope: Scope) throws(ScriptError) {
        let moduleName = path.joined(separator: ".")
        let module = try loadModule(moduleName)
        for item in names {
            let name = item.path[0]
            if name == "*" {
                for (key, value) in module.namespace where !key.hasPrefix("_") { bind(key, value, in: scope) }
                continue
            }
            var value = module.namespace[name]
            if value == nil, let submodule = try? loadModule(moduleName + "." + name) { value = .module(submodule) }
            guard let value else {
                throw ScriptError(.importError, "cannot import name '\(name)' from '\(moduleName)'")
            }
            bind(item.alias ?? name, value, in: scope)
        }
    }

    /// Loads (once per workspace) a builtin module and its parents.
    func loadModule(_ name: String) throws(ScriptError) -> ModuleObject {
        if let loaded = workspace.modules[name] { return loaded }
        guard let definition = workspace.library.modules[name] else {
            let top = name.split(separator: ".").first.map(String.init) ?? name
            if top != name, workspace.library.modules[top] != nil {
                throw ScriptError(.moduleNotFoundError, "No module named '\(name)'")
            }
            throw ScriptError(.moduleNotFoundError,
                              "No module named '\(name)' (Recur script provides: \(workspace.library.modules.keys.filter { !$0.contains(".") }.sorted().joined(separator: ", ")))")
        }
        let module = ModuleObject(name: name)
        workspace.modules[name] = module
        try definition.fill(self, module)
        if let dot = name.lastIndex(of: ".") {
            let parent = try loadModule(String(name[..<dot]))
            parent.namespace[String(name[name.index(after: dot)...])] = .module(module)
        }
        return module
    }
}
