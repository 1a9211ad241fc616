/// `warnings`: the bundled module, with `warn` native so that it can read the line that
/// called it (Recur keeps no frame objects to walk).
package enum WarningsModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        try BundledModules.fill(BundledModules.warnings, interpreter, module)
        guard let warnAt = module.member("_warn_at", symbols: interpreter.symbols) else { return }
        module.setMember("warn", .builtin(BuiltinFunction(
            "warn", signature: "warn(message, category=None, stacklevel=1, source=None)",
            doc: "Issue a warning, or maybe ignore it or raise an exception."
        ) { interpreter, a throws(ScriptError) in
            try a.expect("warn", 1...4, keywords: ["message", "category", "stacklevel", "source"])
            guard let message = a.value(0, "message") else {
                throw .typeError("warn() missing required argument 'message' (pos 1)")
            }
            if let level = a.value(2, "stacklevel"), try interpreter.indexValue(level) > 1 {
                // Only the calling line is known: a caller further up cannot be named.
                throw ScriptError(.notImplementedError,
                                  "warnings.warn: stacklevel above 1 is not provided by Recur (the warning names the line that calls warn)")
            }
            try interpreter.warn(message, category: a.value(1, "category") ?? .none, through: warnAt)
            return .none
        }), symbols: interpreter.symbols)
    }
}

extension Interpreter {
    /// `warnings.warn(message, category)` from the line running now, through the bundled
    /// module's filters and registry (`warnAt`: its `_warn_at`, found when not given).
    package func warn(_ message: Value, category: Value, through warnAt: Value? = nil) throws(ScriptError) {
        let handler: Value
        if let warnAt {
            handler = warnAt
        } else {
            guard let found = try loadModule("warnings").member("_warn_at", symbols: symbols) else {
                throw .runtimeError("the warnings module has no _warn_at")
            }
            handler = found
        }
        let unit = frameUnit
        let line = frameLine
        let source: Value = unit.line(line).map { .str($0) } ?? .none
        // A file's unit is named `File "path"` for tracebacks; a cell keeps its name (`Cell In[3]`).
        var file = unit.name
        if file.hasPrefix("File \""), file.hasSuffix("\""), file.count >= 7 { file = String(file.dropFirst(6).dropLast()) }
        _ = try call(handler, Arguments([message, category, .str(file), .int(line), .str(currentModuleName), source]))
    }
}
