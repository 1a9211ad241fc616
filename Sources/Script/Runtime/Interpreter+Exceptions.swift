extension Interpreter {
    /// The exception object for an error (built lazily for runtime-raised errors).
    func exceptionObject(_ error: ScriptError) -> InstanceObject {
        switch error.payload {
        case .instance(let instance):
            return instance
        case .builtin(let kind, let message):
            let instance = InstanceObject(type: types.exception(kind))
            instance.attributes["args"] = .tuple(error.arguments ?? (message.isEmpty ? [] : [.str(message)]))
            if let cause = error.cause { instance.attributes["__cause__"] = .instance(exceptionObject(cause.error)) }
            if let context = error.context {
                instance.attributes["__context__"] = .instance(exceptionObject(context.error))
            }
            return instance
        }
    }

    /// The error as an `except` clause holds it: materialised once, so that a bare `raise`
    /// re-raises the same object and chaining can tell a new exception from it.
    func caught(_ error: ScriptError) -> ScriptError {
        guard case .builtin = error.payload else { return error }
        var held = error
        held.payload = .instance(exceptionObject(error))
        return held
    }

    /// `handled` as a chained exception shows it: its traceback ends in the frame that caught it.
    func contextual(_ handled: ScriptError) -> ScriptError {
        var chained = handled
        chained.traceback.insert(TraceFrame(unit: frameUnit, line: frameLine, function: frameName), at: 0)
        return chained
    }

    /// Gives a caught exception its `__traceback__`: the frames from the one that caught it
    /// (`chained`'s first) to the one that raised it.
    func recordTraceback(_ held: ScriptError, _ chained: ScriptError) {
        guard case .instance(let instance) = held.payload, let chain = TracebackObject.chain(chained.traceback) else { return }
        instance.attributes["__traceback__"] = .object(chain)
    }

    /// `new` with `handled` as its implicit context: an exception raised while another is
    /// handled (or while `finally` runs for it) remembers it, unless it is that exception.
    func chaining(_ new: ScriptError, to handled: ScriptError) -> ScriptError {
        guard new.context == nil else { return new }
        if case .instance(let a) = new.payload, case .instance(let b) = handled.payload, a === b { return new }
        var result = new
        result.context = ChainedError(handled)
        if case .instance(let instance) = result.payload, instance.attributes["__context__"] == nil {
            instance.attributes["__context__"] = .instance(exceptionObject(handled))
        }
        return result
    }

    /// The attributes every exception has before anything sets them.
    func exceptionAttribute(_ instance: InstanceObject, _ kind: ExceptionKind, _ name: String) -> Value? {
        switch name {
        case "args": return .tuple([])
        case "__cause__", "__context__", "__traceback__": return Value.none
        case "__suppress_context__": return .bool(false)
        case "code" where kind.isSubkind(of: .systemExit): return systemExitCode(instance)
        case "value" where kind.isSubkind(of: .stopIteration):
            guard case .tuple(let args)? = instance.attributes["args"], let first = args.first else { return Value.none }
            return first
        case "msg", "filename", "lineno":
            return kind.isSubkind(of: .syntaxError) ? syntaxErrorField(instance, name) : nil
        default: return nil
        }
    }

    /// `msg`, `filename` and `lineno` of a SyntaxError raised by code parsed while running,
    /// whose message reads `msg (filename, line N)` as CPython prints it.
    private func syntaxErrorField(_ instance: InstanceObject, _ name: String) -> Value {
        guard case .tuple(let args)? = instance.attributes["args"], case .str(let text)? = args.first else { return Value.none }
        guard text.hasSuffix(")"), let open = text.ranges(of: " (").last,
              let comma = text.ranges(of: ", line ").last, comma.lowerBound > open.upperBound,
              let line = Int(text[comma.upperBound..<text.index(before: text.endIndex)]) else {
            return name == "msg" ? .str(text) : Value.none
        }
        switch name {
        case "msg": return .str(String(text[..<open.lowerBound]))
        case "filename": return .str(String(text[open.upperBound..<comma.lowerBound]))
        default: return .int(line)
        }
    }

    /// The status `SystemExit` asks the process to end with, or nil when its code is not a
    /// number (Python then prints the code and exits with 1).
    package func exitStatus(of error: ScriptError) -> Int32? {
        guard case .instance(let instance) = error.payload else { return 0 }
        let code = instance.attributes["code"] ?? systemExitCode(instance)
        switch code {
        case .none: return 0
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Int32(truncatingIfNeeded: i)
        case .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module,
             .object:
            return nil
        }
    }

    /// `SystemExit.code`: None without arguments, the argument alone, or all of them.
    func systemExitCode(_ instance: InstanceObject) -> Value {
        guard case .tuple(let args)? = instance.attributes["args"] else { return .none }
        switch args.count {
        case 0: return .none
        case 1: return args[0]
        default: return .tuple(args)
        }
    }

    /// The class name and message of an error, as the last traceback line shows them.
    package func describe(_ error: ScriptError) -> (name: String, message: String) {
        switch error.payload {
        case .builtin(let kind, let message):
            return (kind.rawValue, message)
        case .instance(let instance):
            let message = (try? str(.instance(instance))) ?? ""
            // CPython qualifies the classes of other modules: `gzip.BadGzipFile`, `utils.DataError`.
            let module = instance.type.module
            let name = module == "builtins" || module == "__main__" ? instance.type.name : module + "." + instance.type.name
            if instance.type.exceptionKind == .keyError, case .tuple(let args)? = instance.attributes["args"],
               args.count == 1 {
                return (name, (try? repr(args[0])) ?? message)
            }
            return (name, message)
        }
    }
}
