import Tensors
import Rendering

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
        if let state = knownShapeTracing { return state }
        let key = ObjectIdentifier(ShapeTracing.self)
        let state = workspace.extensions[key] as? ShapeTracing ?? ShapeTracing()
        workspace.extensions[key] = state
        knownShapeTracing = state
        return state
    }

    /// Whether `%shapes` is on. The workspace serves this interpreter alone, so the switch
    /// exists exactly when `shapeTracing` has made it here (no lookup per layer call).
    var isTracingShapes: Bool { knownShapeTracing?.isOn ?? false }

    /// Prints the shape line of a script `nn.Module`'s call when `%shapes` is on: the tensors
    /// among its positional arguments in, the tensors of its result (a tensor or a tuple or
    /// list of them, one level deep) out. It comes after the lines of the layers `forward` called.
    func traceShapes(_ module: any Module, arguments: Arguments, result: Value) {
        guard isTracingShapes else { return }
        func tensor(_ value: Value) -> Tensor? {
            if case .object(let object) = value, let t = object as? Tensor { return t }
            return nil
        }
        let outputs: [Tensor] = switch result {
        case .tuple(let items): items.compactMap(tensor)
        case .list(let list): list.items.compactMap(tensor)
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module, .object:
            [tensor(result)].compactMap { $0 }
        }
        traceShapes(module, inputs: arguments.positional.compactMap(tensor), outputs: outputs)
    }

    /// Prints the shape line of a layer call when `%shapes` is on.
    func traceShapes(_ module: any Module, inputs: [Tensor], outputs: [Tensor]) {
        guard isTracingShapes else { return }
        let trace = ShapeTrace(module: module.description, typeName: module.typeName,
                               inputs: inputs.map(\.shape), outputs: outputs.map(\.shape))
        host.write(trace.text + "\n", to: .stdout)
    }
}
