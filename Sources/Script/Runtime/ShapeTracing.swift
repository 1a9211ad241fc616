/// `%shapes on|off`: while on, every layer call prints one `ShapeTrace` line to stdout.
package final class ShapeTracing {
    var isOn = false

    /// Runs the magic: `on`, `off`, or nothing to print the current state.
    package static func magic(_ arguments: String, _ interpreter: Interpreter) throws(ScriptError) {
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
        if let state = knownShapeTracing { return state }
        let key = ObjectIdentifier(ShapeTracing.self)
        let state = workspace.extensions[key] as? ShapeTracing ?? ShapeTracing()
        workspace.extensions[key] = state
        knownShapeTracing = state
        return state
    }

    /// Whether `%shapes` is on. The workspace serves this interpreter alone, so the switch
    /// exists exactly when `shapeTracing` has made it here (no lookup per layer call).
    package var isTracingShapes: Bool { knownShapeTracing?.isOn ?? false }
}
