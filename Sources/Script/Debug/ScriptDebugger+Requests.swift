import Rendering
/// What a client asks of the interpreter: each runs on the interpreter's thread (see
/// `perform`) and fails when it stays busy.
extension ScriptDebugger {
    /// The paused program's frames, innermost first (empty when nothing is stopped).
    public func stackTrace() -> Result<[DebugFrame], DebugFailure> {
        perform { _, inspector in inspector.frames() }
    }

    /// A frame's scopes: its locals and the globals.
    public func scopes(frame: Int) -> Result<[DebugScope], DebugFailure> {
        perform { interpreter, inspector in inspector.scopes(frame: frame, globals: interpreter.globals) }
    }

    /// The children of a variables reference.
    public func variables(reference: Int) -> Result<[DebugVariable], DebugFailure> {
        perform { interpreter, inspector in inspector.variables(reference: reference, interpreter: interpreter) }
            .flatMap { $0.map(Result.success) ?? .failure(DebugFailure("unknown variablesReference \(reference)")) }
    }

    /// The workspace's variables (the Variables panel while nothing is stopped).
    public func globalVariables() -> Result<[DebugVariable], DebugFailure> {
        perform { interpreter, inspector in
            inspector.globalVariables(interpreter.workspace.globals, interpreter: interpreter)
        }
    }

    /// Evaluates an expression (or runs statements) in a paused frame, or in the
    /// workspace when `frame` is nil.
    public func evaluate(_ source: String, frame: Int?) -> Result<DebugVariable, DebugFailure> {
        perform { interpreter, inspector -> Result<DebugVariable, DebugFailure> in
            guard let scope = Self.scope(frame, interpreter, inspector) else {
                return .failure(DebugFailure("unknown frameId \(frame ?? 0)"))
            }
            return inspector.evaluate(source, in: scope, interpreter: interpreter).map { value in
                inspector.describe(name: source, value, interpreter: interpreter)
            }
        }.flatMap { $0 }
    }

    /// The notebook's display of a variable (its MIME bundle), looked up in a frame or the
    /// workspace.
    public func richInspect(_ name: String, frame: Int?) -> Result<MimeBundle, DebugFailure> {
        perform { interpreter, inspector -> Result<MimeBundle, DebugFailure> in
            guard let scope = Self.scope(frame, interpreter, inspector) else {
                return .failure(DebugFailure("unknown frameId \(frame ?? 0)"))
            }
            return inspector.evaluate(name, in: scope, interpreter: interpreter).flatMap { value in
                let bundle = interpreter.withoutDebugger { () throws(ScriptError) -> MimeBundle in
                    MimeBundle(plainText: try interpreter.repr(value), extra: RichDisplay.extra(for: value, interpreter: interpreter))
                }
                return bundle.mapError { DebugFailure(inspector.describe($0, interpreter)) }
            }
        }.flatMap { $0 }
    }

    /// Binds a paused frame's variable `source` to the global `destination`.
    public func copyToGlobals(_ source: String, frame: Int, destination: String) -> Result<DebugVariable, DebugFailure> {
        perform { interpreter, inspector -> Result<DebugVariable, DebugFailure> in
            guard let record = inspector.frame(frame) else { return .failure(DebugFailure("unknown frameId \(frame)")) }
            return inspector.evaluate(source, in: record.scope, interpreter: interpreter).map { value in
                interpreter.workspace.globals.setLocal(interpreter.symbols.intern(destination), value)
                return inspector.describe(name: destination, value, interpreter: interpreter)
            }
        }.flatMap { $0 }
    }

    private static func scope(_ frame: Int?, _ interpreter: Interpreter, _ inspector: DebugInspector) -> Scope? {
        guard let frame else { return interpreter.workspace.globals }
        return inspector.frame(frame)?.scope
    }
}

extension ScriptDebugger {
    /// The modules imported from files, by name with their absolute paths (JupyterLab's
    /// Kernel Sources panel lists them and opens them through `source`).
    public func loadedModules() -> Result<[(name: String, path: String)], DebugFailure> {
        perform { interpreter, _ in
            interpreter.workspace.modules.compactMap { name, module -> (name: String, path: String)? in
                guard let source = module.source, !source.isBundled else { return nil }
                return (name, (try? PosixPath.abspath(source.file)) ?? source.file)
            }.sorted { $0.name < $1.name }
        }
    }
}
