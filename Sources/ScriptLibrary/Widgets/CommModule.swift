import Script
/// `_recur_comm`: the comm transport under Recur's `ipywidgets` (what ipykernel's `comm`
/// package is to ipywidgets): open, send and close comms, receive the frontend's messages,
/// the parent message an Output widget captures by, and IPython's `showtraceback()`.
package enum CommModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func define(_ name: String, _ signature: String, _ body: @escaping (Interpreter, Arguments) throws(ScriptError) -> Value) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "_recur_comm.\(signature)", body))
        }
        define("available", "available()") { interpreter, a throws(ScriptError) in
            try a.expect("available", 0...0)
            return .bool(interpreter.host.comms != nil)
        }
        define("new_id", "new_id()") { _, a throws(ScriptError) in
            try a.expect("new_id", 0...0)
            return .str(CommBridge.makeID())
        }
        define("open", "open(comm_id, target_name, data, metadata, buffers)") { interpreter, a throws(ScriptError) in
            try a.expect("open", 5...5)
            let id = try a.positional[0].asString("comm_id"), target = try a.positional[1].asString("target_name")
            let data = try interpreter.commJSON(a.positional[2]), metadata = try interpreter.commJSON(a.positional[3])
            let buffers = try Self.buffers(a.positional[4], interpreter)
            interpreter.host.comms?.open(id: id, target: target, data: data, metadata: metadata, buffers: buffers)
            return .none
        }
        define("send", "send(comm_id, data, buffers)") { interpreter, a throws(ScriptError) in
            try a.expect("send", 3...3)
            let id = try a.positional[0].asString("comm_id")
            let data = try interpreter.commJSON(a.positional[1])
            interpreter.host.comms?.send(id: id, data: data, buffers: try Self.buffers(a.positional[2], interpreter))
            return .none
        }
        define("close", "close(comm_id, data)") { interpreter, a throws(ScriptError) in
            try a.expect("close", 2...2)
            let id = try a.positional[0].asString("comm_id")
            interpreter.host.comms?.close(id: id, data: try interpreter.commJSON(a.positional[1]))
            return .none
        }
        define("set_handler", "set_handler(handler)") { interpreter, a throws(ScriptError) in
            try a.expect("set_handler", 1...1)
            interpreter.commBridge.handler = a.positional[0]
            return .none
        }
        define("parent_msg_id", "parent_msg_id()") { interpreter, a throws(ScriptError) in
            try a.expect("parent_msg_id", 0...0)
            return .str(interpreter.host.comms?.parentMessageID ?? "")
        }
        define("show_traceback", "show_traceback()") { interpreter, a throws(ScriptError) in
            // IPython's showtraceback(): the exception being handled, as an error output.
            try a.expect("show_traceback", 0...0)
            guard let error = interpreter.handling.last?.error, let render = interpreter.commBridge.render else { return .none }
            let failure = render(error)
            if let comms = interpreter.host.comms {
                comms.showError(failure)
            } else {
                interpreter.host.write(failure.traceback.joined(separator: "\n") + "\n", to: .stderr)
            }
            return .none
        }
        define("parameters", "parameters(function, empty)") { _, a throws(ScriptError) in
            try a.expect("parameters", 2...2)
            return try Self.parameters(a.positional[0], empty: a.positional[1])
        }
        define("show_figures", "show_figures()") { interpreter, a throws(ScriptError) in
            // ipywidgets' show_inline_matplotlib_plots(): open figures shown where output goes now.
            try a.expect("show_figures", 0...0)
            PyplotModule.flush(interpreter)
            return .none
        }
    }

    /// `parameters(f)`: `(name, kind, default)` for each parameter of a function written in
    /// Recur script (`default` is `empty` when it has none), as `inspect.signature` gives
    /// them to ipywidgets' interact.
    package static func parameters(_ value: Value, empty: Value) throws(ScriptError) -> Value {
        var function: FunctionObject?
        var skip = 0
        if case .function(let f) = value {
            function = f
        } else if case .boundMethod(let bound) = value, case .function(let f) = bound.function {
            function = f
            skip = 1
        }
        guard let function else {
            throw .valueError("interact needs a function written in Recur script, not \(value.typeName)")
        }
        var result: [Value] = []
        for (i, parameter) in function.definition.parameters.enumerated() where i >= skip {
            let kind = switch parameter.kind {
            case .positionalOnly: "POSITIONAL_ONLY"
            case .normal: "POSITIONAL_OR_KEYWORD"
            case .keywordOnly: "KEYWORD_ONLY"
            case .varPositional: "VAR_POSITIONAL"
            case .varKeyword: "VAR_KEYWORD"
            }
            let fallback = i < function.defaults.count ? function.defaults[i] : nil
            result.append(.tuple([.str(parameter.name), .str(kind), fallback ?? empty]))
        }
        return .list(ListObject(result))
    }

    /// `buffers`: None or a list of bytes-like values.
    private static func buffers(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> [[UInt8]] {
        if value.isNone { return [] }
        var result: [[UInt8]] = []
        for item in try interpreter.iterate(value) {
            guard case .object(let object as BytesObject) = item else {
                throw .typeError("comm buffers must be bytes, not \(item.typeName)")
            }
            result.append(object.bytes)
        }
        return result
    }
}
