import Tensors
import Script

/// `modules()`, `named_modules()`, `apply(fn)`, `requires_grad_()` and the dtype casts of
/// `nn.Module` (`float()`, `double()`, `type(dst_type)`; `to(...)` is in ModuleMethods); `parameters()` and `named_parameters()` are generators, as in PyTorch.
extension ModuleMethods {
    static let traversalNames = ["apply", "modules", "named_modules", "requires_grad_", "float", "double", "half", "bfloat16", "type"]

    static func traversal(_ name: String, on module: any Module, receiver: Value, _ a: Arguments,
                          interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "modules", "named_modules":
            try a.expect(name, 0...3, keywords: ["memo", "prefix", "remove_duplicate"])
            let prefix = try a.value(1, "prefix").map { (v) throws(ScriptError) in try v.asString("prefix") } ?? ""
            var seen = Set<ObjectIdentifier>()
            var items: [Value] = []
            func visit(_ m: any Module, _ value: Value, _ path: String) {
                guard seen.insert(ObjectIdentifier(m)).inserted else { return }
                items.append(name == "modules" ? value : .tuple([.str(path), value]))
                for (childName, child) in m.children {
                    visit(child, LayerObject.value(for: child, interpreter: interpreter), path.isEmpty ? childName : path + "." + childName)
                }
            }
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            visit(module, receiver, prefix)
            return generator(items)
        case "apply":
            try a.expect("apply", 1...1, keywords: ["fn"])
            guard let function = a.value(0, "fn") else { throw .typeError("apply() missing 1 required positional argument: 'fn'") }
            guard !module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            func visit(_ m: any Module, _ value: Value) throws(ScriptError) {
                for (_, child) in m.children { try visit(child, LayerObject.value(for: child, interpreter: interpreter)) }
                _ = try interpreter.call(function, Arguments([value]))
            }
            try visit(module, receiver)
            return receiver
        case "requires_grad_":
            try a.expect("requires_grad_", 0...1, keywords: ["requires_grad"])
            let flag = try interpreter.boolArgument(a.value(0, "requires_grad"), default: true)
            for p in module.parameters() { try tensorCall { () throws(TensorError) in try p.setRequiresGrad(flag) } }
            return receiver
        case "float", "double":
            try a.expect(name, 0...0)
            module.convertTensors(to: name == "float" ? .float32 : .float64, floatingOnly: true)
            return receiver
        case "half", "bfloat16":
            throw ScriptError(.notImplementedError, "Module.\(name)(): Recur's layers compute in float32 or float64 (float() and double() convert to them)")
        case "type":
            try a.expect("type", 1...1, keywords: ["dst_type"])
            guard let target = a.value(0, "dst_type") else { throw .typeError("Module.type() missing 1 required positional argument: 'dst_type'") }
            module.convertTensors(to: try Tensor.legacyType(target, interpreter: interpreter), floatingOnly: false)
            return receiver
        default:
            return nil
        }
    }

    /// A one-pass generator over `items`, as PyTorch's module iterators are.
    package static func generator(_ items: [Value]) -> Value {
        .object(IteratorObject("generator", ArrayIterator(items)))
    }
}
