import Glibc

/// A module run from a file (`utils.py`, `utils.recur`, `pkg/__init__.py`): its globals and
/// where it came from. Its members are read from and written to the scope, live, as
/// CPython's module dict is.
package final class SourceModule {
    let scope: Scope
    package let file: String
    /// For a package: the directory its submodules are found in.
    package let packageDirectory: String?
    /// A standard-library module written in Recur script (`BundledModules`), not a file.
    let isBundled: Bool

    package init(scope: Scope, file: String, packageDirectory: String?, isBundled: Bool = false) {
        self.scope = scope
        self.file = file
        self.packageDirectory = packageDirectory
        self.isBundled = isBundled
    }

    /// Where `name`'s file is under `directory`: `name.py`, `name.recur`, or a package's
    /// `name/__init__.py` / `__init__.recur` (packages first, as CPython's finder does).
    static func locate(_ name: String, in directory: String) -> (file: String, package: String?)? {
        let base = directory.isEmpty ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
        if isDirectory(base) {
            for initial in ["__init__.py", "__init__.recur"] where isFile(base + "/" + initial) {
                return (base + "/" + initial, base)
            }
        }
        for suffix in [".py", ".recur"] where isFile(base + suffix) { return (base + suffix, nil) }
        return nil
    }

    /// The absolute directory holding `path` (symbolic links resolved, as CPython's sys.path[0]).
    package static func absoluteDirectory(of path: String) -> String {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
        guard let resolved = realpath(directory.isEmpty ? "/" : directory, nil) else { return directory }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension ModuleObject {
    /// The member `name`: a file module's global, else a library module's name.
    package func member(_ name: String, symbols: SymbolTable) -> Value? {
        if let source {
            if let id = symbols.existing(name), let value = source.scope.local(id) { return value }
            return nil
        }
        return namespace[name]
    }

    func setMember(_ name: String, _ value: Value, symbols: SymbolTable) {
        if let source {
            source.scope.setLocal(symbols.intern(name), value)
        } else {
            namespace[name] = value
        }
    }

    /// Every member, by name.
    func members(symbols: SymbolTable) -> [(name: String, value: Value)] {
        if let source { return source.scope.entries.map { (symbols.name($0.id), $0.value) } }
        return namespace.map { ($0.key, $0.value) }
    }
}

extension Interpreter {
    /// The directories `import` searches for a top-level module: `sys.path` as it is now
    /// (`''` is the working directory).
    func moduleSearchPath() -> [String] {
        guard let sys = workspace.modules["sys"], case .list(let path)? = sys.namespace["path"] else {
            return workspace.scriptDirectory.map { [$0] } ?? [""]
        }
        return path.items.compactMap { if case .str(let s) = $0 { s } else { nil } }
    }

    /// `__name__` of the module whose code is running (`'__main__'` for the workspace).
    var currentModuleName: String {
        guard globals !== workspace.globals, let id = symbols.existing("__name__"), case .str(let name)? = globals.local(id) else {
            return "__main__"
        }
        return name
    }

    /// Finds and runs the module `name` from a file, or returns nil when no file holds it.
    /// Its parent package is imported first, as CPython does.
    func loadSourceModule(_ name: String) throws(ScriptError) -> ModuleObject? {
        var directories = moduleSearchPath()
        var parent: ModuleObject?
        if let dot = name.lastIndex(of: ".") {
            let parentName = String(name[..<dot])
            let loaded = try loadModule(parentName)
            guard let package = loaded.source?.packageDirectory else {
                throw ScriptError(.moduleNotFoundError, "No module named '\(name)'; '\(parentName)' is not a package")
            }
            parent = loaded
            directories = [package]
            // The package's own code may have imported it already.
            if let done = workspace.modules[name] { return done }
        }
        let last = String(name[(name.lastIndex(of: ".").map { name.index(after: $0) } ?? name.startIndex)...])
        for directory in directories {
            guard let (file, package) = SourceModule.locate(last, in: directory) else { continue }
            let module = try runSourceModule(name, file: file, package: package)
            parent?.setMember(last, .module(module), symbols: symbols)
            return module
        }
        return nil
    }

    /// Runs `file` as module `name` in a scope of its own, caching it in `sys.modules` first
    /// (so imports that come back to it see it half-run, as in CPython).
    func runSourceModule(_ name: String, file: String, package: String?, into existing: ModuleObject? = nil) throws(ScriptError) -> ModuleObject {
        let text = try TextCodec.utf8.decode(try FileObject.contents(of: file), errors: "strict")
        let module = existing ?? ModuleObject(name: name)
        workspace.modules[name] = module
        try? workspace.sysModules.set(.str(name), .module(module))
        try runModuleCode(module, text: text, file: file, package: package, bundled: false)
        return module
    }

    /// Runs `text` as `module`'s code in the module's own scope (a bundled module has no
    /// `__file__`, as CPython's built-in modules have none).
    func runModuleCode(_ module: ModuleObject, text: String, file: String, package: String?, bundled: Bool) throws(ScriptError) {
        let name = module.name
        let scope = module.source?.scope ?? Scope(module: ())
        module.source = SourceModule(scope: scope, file: file, packageDirectory: package, isBundled: bundled)
        module.setMember("__name__", .str(name), symbols: symbols)
        if !bundled { module.setMember("__file__", .str(file), symbols: symbols) }
        if let package { module.setMember("__path__", .list(ListObject([.str(package)])), symbols: symbols) }
        module.setMember("__package__", .str(package != nil ? name : String(name[..<(name.lastIndex(of: ".") ?? name.startIndex)])), symbols: symbols)
        let statements: [Stmt]
        do {
            statements = try Parser.parse(text)
        } catch {
            workspace.modules[name] = nil
            _ = try? workspace.sysModules.remove(.str(name))
            var failure = ScriptError(.syntaxError, error.message)
            failure.traceback = [TraceFrame(unit: SourceUnit(name: "File \"\(file)\"", source: text), line: error.location.line, function: "<module>")]
            throw failure
        }
        let unit = SourceUnit(name: "File \"\(file)\"", source: text)
        let savedGlobals = globals, savedUnit = outerUnit, savedLine = frameLine, savedFunction = frameFunction
        globals = scope
        outerUnit = unit
        frameFunction = nil
        defer {
            globals = savedGlobals
            outerUnit = savedUnit
            frameLine = savedLine
            frameFunction = savedFunction
        }
        do throws(ScriptError) {
            for statement in statements {
                frameLine = statement.line
                if case .normal = try execute(statement, in: scope) { continue }
                throw ScriptError(.syntaxError, "'break', 'continue' and 'return' must be inside a loop or function")
            }
        } catch {
            // A module that fails to run is not left in sys.modules, as in CPython.
            workspace.modules[name] = nil
            _ = try? workspace.sysModules.remove(.str(name))
            var error = error
            error.traceback.insert(TraceFrame(unit: unit, line: frameLine, function: "<module>"), at: 0)
            throw error
        }
    }

    /// `importlib.reload(module)`: runs a file module's code again in its own namespace.
    func reload(_ value: Value) throws(ScriptError) -> Value {
        guard case .module(let module) = value else { throw .typeError("reload() argument must be a module") }
        guard let source = module.source, !source.isBundled else { return value }
        return .module(try runSourceModule(module.name, file: source.file, package: source.packageDirectory, into: module))
    }
}
