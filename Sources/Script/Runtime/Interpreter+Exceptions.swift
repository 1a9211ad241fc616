extension Interpreter {
    /// The exception object for an error (built lazily for runtime-raised errors).
    func exceptionObject(_ error: ScriptError) -> InstanceObject {
        switch error.payload {
        case .instance(let instance):
            return instance
        case .builtin(let kind, let message):
            let instance = InstanceObject(type: types.exception(kind))
            instance.attributes["args"] = .tuple(error.arguments ?? (message.isEmpty ? [] : [.str(message)]))
            return instance
        }
    }

    /// The class name and message of an error, as the last traceback line shows them.
    func describe(_ error: ScriptError) -> (name: String, message: String) {
        switch error.payload {
        case .builtin(let kind, let message):
            return (kind.rawValue, message)
        case .instance(let instance):
            let message = (try? str(.instance(instance))) ?? ""
            if instance.type.exceptionKind == .keyError, case .tuple(let args)? = instance.attributes["args"],
               args.count == 1 {
                return (instance.type.name, (try? repr(args[0])) ?? message)
            }
            return (instance.type.name, message)
        }
    }
}
