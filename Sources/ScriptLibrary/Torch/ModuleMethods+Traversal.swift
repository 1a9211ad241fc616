import Tensors
import Script

/// `apply(fn)`, `requires_grad_()` and the dtype casts of `nn.Module` (`float()`, `double()`,
/// `type(dst_type)`; `to(...)` is in ModuleMethods).
extension ModuleMethods {
    static let traversalMethods: [NativeMethod<ModuleReceiver>] = [
        NativeMethod("apply", "(self, fn)", doc: "Apply fn recursively to every submodule (as returned by .children()) as well as self.") {
            m, a, interpreter throws(ScriptError) in
            guard !m.module.containsCycle else { throw ScriptError(.recursionError, "maximum recursion depth exceeded") }
            let function = a.required(0)
            func visit(_ module: any Module, _ value: Value) throws(ScriptError) {
                for (_, child) in module.children { try visit(child, LayerObject.value(for: child, interpreter: interpreter)) }
                _ = try interpreter.call(function, Arguments([value]))
            }
            try visit(m.module, m.value)
            return m.value
        },
        NativeMethod("requires_grad_", "(self, requires_grad=True)",
                     doc: "Change if autograd should record operations on parameters in this module.") { m, a, interpreter throws(ScriptError) in
            let flag = try interpreter.boolArgument(a[0], default: true)
            for p in m.module.parameters() { try tensorCall { () throws(TensorError) in try p.setRequiresGrad(flag) } }
            return m.value
        },
        NativeMethod("float", "(self)", doc: "Casts all floating point parameters and buffers to float datatype.") { m, _, _ throws(ScriptError) in
            m.module.convertTensors(to: .float32, floatingOnly: true)
            return m.value
        },
        NativeMethod("double", "(self)", doc: "Casts all floating point parameters and buffers to double datatype.") { m, _, _ throws(ScriptError) in
            m.module.convertTensors(to: .float64, floatingOnly: true)
            return m.value
        },
        NativeMethod("half", "(self)", doc: "Casts all floating point parameters and buffers to half datatype.") { _, _, _ throws(ScriptError) in
            throw unsupportedPrecision("half")
        },
        NativeMethod("bfloat16", "(self)", doc: "Casts all floating point parameters and buffers to bfloat16 datatype.") { _, _, _ throws(ScriptError) in
            throw unsupportedPrecision("bfloat16")
        },
        NativeMethod("type", "(self, dst_type)", doc: "Casts all parameters and buffers to dst_type.") { m, a, interpreter throws(ScriptError) in
            m.module.convertTensors(to: try Tensor.legacyType(a.required(0), interpreter: interpreter), floatingOnly: false)
            return m.value
        },
    ]

    private static func unsupportedPrecision(_ name: String) -> ScriptError {
        ScriptError(.notImplementedError, "Module.\(name)(): Recur's layers compute in float32 or float64 (float() and double() convert to them)")
    }

    /// A one-pass generator over `items`, as PyTorch's module iterators are.
    package static func generator(_ items: [Value]) -> Value {
        .object(IteratorObject("generator", ArrayIterator(items)))
    }
}
