/// `warnings`: the bundled module, with `warn` native so that it can read the line that
/// called it (Recur keeps no frame objects to walk).
enum WarningsModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
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
            let category = a.value(1, "category") ?? .none
            if let level = a.value(2, "stacklevel"), try interpreter.indexValue(level) > 1 {
                // Only the calling line is known: a caller further up cannot be named.
                throw ScriptError(.notImplementedError,
                                  "warnings.warn: stacklevel above 1 is not provided by Recur (the warning names the line that calls warn)")
            }
            let unit = interpreter.frameUnit
            let line = interpreter.frameLine
            let source: Value = unit.line(line).map { .str($0) } ?? .none
            // A file's unit is named `File "path"` for tracebacks; a cell keeps its name (`Cell In[3]`).
            var file = unit.name
            if file.hasPrefix("File \""), file.hasSuffix("\""), file.count >= 7 { file = String(file.dropFirst(6).dropLast()) }
            return try interpreter.call(warnAt, Arguments([message, category, .str(file), .int(line),
                                                            .str(interpreter.currentModuleName), source]))
        }), symbols: interpreter.symbols)
    }
}
