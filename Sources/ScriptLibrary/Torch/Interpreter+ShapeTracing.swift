import Tensors
import Rendering
import Script

/// `%shapes`' lines for layer calls (the switch itself is `ShapeTracing`).
extension Interpreter {
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
