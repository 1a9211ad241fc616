import Rendering
/// `importlib`: `import_module` and `reload` over Recur's importer.
package enum ImportlibModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["import_module"] = .builtin(BuiltinFunction("import_module", signature: "importlib.import_module(name, package=None)",
                                                                     doc: "Import a module by name and return it.") { interpreter, a throws(ScriptError) in
            try a.expect("import_module", 1...2, keywords: ["package"])
            let name = try a.positional[0].asString("import_module() argument 'name'")
            if name.hasPrefix(".") {
                guard case .str(let package)? = a.value(1, "package") else {
                    throw .typeError("the 'package' argument is required to perform a relative import for \(PythonString.repr(name))")
                }
                let dots = name.prefix { $0 == "." }
                var base = package
                for _ in 1..<dots.count {
                    guard let dot = base.lastIndex(of: ".") else { throw ScriptError(.importError, "attempted relative import beyond top-level package") }
                    base = String(base[..<dot])
                }
                let rest = name.dropFirst(dots.count)
                return .module(try interpreter.loadModule(rest.isEmpty ? base : base + "." + rest))
            }
            return .module(try interpreter.loadModule(name))
        })
        module.namespace["reload"] = .builtin(BuiltinFunction("reload", signature: "importlib.reload(module)",
                                                              doc: "Run a module's file again in the same module object and return it.") { interpreter, a throws(ScriptError) in
            try a.expect("reload", 1...1)
            return try interpreter.reload(a.positional[0])
        })
    }
}
