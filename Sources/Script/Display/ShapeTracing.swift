import Tensors

/// `%shapes on|off`: while on, every layer call prints one `ShapeTrace` line to stdout.
final class ShapeTracing {
    var isOn = false

    /// Runs the magic: `on`, `off`, or nothing to print the current state.
    static func magic(_ arguments: String, _ interpreter: Interpreter) throws(ScriptError) {
        let state = interpreter.shapeTracing
        switch arguments.trimmingSpaces {
        case "on": state.isOn = true
        case "off": state.isOn = false
        case "": interpreter.host.write("Shape tracing is \(state.isOn ? "on" : "off").\n", to: .stdout)
        default: throw ScriptError(.usageError, "%shapes takes `on` or `off`, not `\(arguments)`.")
        }
    }
}

extension Interpreter {
    /// The workspace's `%shapes` switch, made on first use.
    var shapeTracing: ShapeTracing {
        let key = ObjectIdentifier(ShapeTracing.self)
        if let state = workspace.extensions[key] as? ShapeTracing { return state }
        let state = ShapeTracing()
        workspace.extensions[key] = state
        return state
    }

    /// Prints the shape line of a layer call when `%shapes` is on.
    func traceShapes(_ module: any Module, inputs: [Tensor], outputs: [Tensor]) {
        let key = ObjectIdentifier(ShapeTracing.self)
        guard let state = workspace.extensions[key] as? ShapeTracing, state.isOn else { return }
        let trace = ShapeTrace(module: module.description, typeName: module.typeName,
                               inputs: inputs.map(\.shape), outputs: outputs.map(\.shape))
        host.write(trace.text + "\n", to: .stdout)
    }
}
