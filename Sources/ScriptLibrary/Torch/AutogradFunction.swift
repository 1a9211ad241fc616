import Tensors
import Script

/// `torch.autograd.Function`: a user class with static `forward(ctx, *args)` and
/// `backward(ctx, *grads)`; `MyFn.apply(*args)` runs `forward` without recording and gives the
/// result a node whose gradient is the user's `backward`, named `MyFnBackward` as in PyTorch.
package enum AutogradFunction {
    static func makeType(_ interpreter: Interpreter) -> TypeObject {
        let type = TypeObject(name: "Function", bases: [interpreter.types.object], kind: .user, module: "torch.autograd")
        let apply = BuiltinFunction("apply", signature: "Function.apply(*args)",
                                    doc: "Runs forward(ctx, *args) and records backward(ctx, grad) for autograd.") { interpreter, a throws(ScriptError) in
            try AutogradFunction.apply(a, interpreter)
        }
        type.namespace["apply"] = .object(DescriptorObject(.classMethod, .builtin(apply)))
        type.namespace["__doc__"] = .str("Base class for custom autograd operations: define static forward(ctx, ...) and backward(ctx, grad_output).")
        return type
    }

    /// The class's `forward` or `backward`, called with `ctx` first (a staticmethod, as PyTorch
    /// documents; a plain function takes `ctx` as its first parameter, as `apply` calls it).
    private static func staticMember(_ type: TypeObject, _ name: String) throws(ScriptError) -> Value {
        guard let member = type.lookup(name) else {
            throw ScriptError(.notImplementedError, "You must implement the \(name) function for custom autograd.Function.")
        }
        if case .object(let object) = member, let descriptor = object as? DescriptorObject, descriptor.kind == .staticMethod {
            return descriptor.function
        }
        return member
    }

    package static func apply(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard case .type(let type)? = a.positional.first else { throw .typeError("apply() must be called on a Function subclass") }
        if let keyword = a.keywords.first { throw .typeError("apply() got an unexpected keyword argument '\(keyword.name)'") }
        let arguments = Array(a.positional.dropFirst())
        let forward = try staticMember(type, "forward")
        let inputs: [Tensor?] = arguments.map { if case .object(let object) = $0 { object as? Tensor } else { nil } }
        // PyTorch's ctx is the backward node itself (an `MyFnBackward` object).
        let context = FunctionContext(type.name + "Backward", needsInputGrad: inputs.map { $0?.requiresGrad ?? false })
        let output = try GradMode.with(enabled: false) { () throws(ScriptError) in
            try interpreter.call(forward, Arguments([.object(context)] + arguments))
        }
        let tensors = inputs.compactMap { $0 }
        guard GradMode.isEnabled, tensors.contains(where: \.requiresGrad) else { return output }
        guard case .object(let object) = output, let result = object as? Tensor else {
            throw ScriptError(.notImplementedError, "\(type.name).forward returned \(output.typeName): Recur's autograd.Function records one tensor output")
        }
        if context.nonDifferentiable.contains(where: { $0 === result }) { return output }
        let name = "\(type.name)Backward"
        // The result shares the forward's elements; the node is the user's backward.
        let recorded = result.detach().recordingFunction(name, tensors) { [weak interpreter] (gradient) throws(TensorError) -> [Tensor?] in
            guard let interpreter else { throw .other(.runtimeError, "\(name): the workspace that defined it is gone") }
            do throws(ScriptError) {
                let backward = try staticMember(type, "backward")
                let value = try interpreter.call(backward, Arguments([.object(context), .object(gradient)]))
                return try gradients(value, inputs: inputs, name: name, interpreter)
            } catch {
                throw interpreter.parking(error, in: name)
            }
        }
        return .object(recorded)
    }

    /// The user's backward result as one gradient per tensor input, checked as PyTorch checks it.
    private static func gradients(_ value: Value, inputs: [Tensor?], name: String, _ interpreter: Interpreter) throws(ScriptError) -> [Tensor?] {
        let returned: [Value] = if case .tuple(let items) = value { items } else { [value] }
        guard returned.count == inputs.count else {
            throw .runtimeError("function \(name) returned an incorrect number of gradients (expected \(inputs.count), got \(returned.count))")
        }
        var grads: [Tensor?] = []
        for (input, grad) in zip(inputs, returned) {
            guard let input else { continue }
            if grad.isNone {
                grads.append(nil)
                continue
            }
            guard case .object(let object) = grad, let tensor = object as? Tensor else {
                throw .runtimeError("expected Variable or None (got \(grad.typeName))")
            }
            guard tensor.shape.dims == input.shape.dims else {
                func list(_ dims: [Int]) -> String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }
                throw .runtimeError("Function \(name) returned an invalid gradient at index \(grads.count) - got \(list(tensor.shape.dims)) but expected shape compatible with \(list(input.shape.dims))")
            }
            grads.append(tensor)
        }
        return grads
    }
}

/// The `ctx` of an `autograd.Function`: tensors saved for backward, `needs_input_grad`, and
/// any attribute forward sets for backward to read.
package final class FunctionContext: DeclaredObject {
    let needsInputGrad: [Bool]
    private(set) var saved: [Value] = []
    private(set) var nonDifferentiable: [Tensor] = []
    private var attributes = AttributeTable()

    package let typeName: String

    init(_ typeName: String, needsInputGrad: [Bool]) {
        self.typeName = typeName
        self.needsInputGrad = needsInputGrad
    }

    package var attributeNames: [String] { FunctionContext.declaration.attributeNames + attributes.keys }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let value = try FunctionContext.declaration.attribute(name, of: self, typeName: typeName, interpreter: interpreter) { return value }
        return attributes[name]
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard name != "saved_tensors", name != "needs_input_grad" else {
            throw .attributeError("attribute '\(name)' of '\(typeName)' objects is not writable")
        }
        attributes[name] = value
        return true
    }

    package static let declaration = NativeType<FunctionContext>(properties: [
        NativeProperty("saved_tensors") { ctx, _ throws(ScriptError) in .tuple(ctx.saved) },
        NativeProperty("needs_input_grad") { ctx, _ throws(ScriptError) in .tuple(ctx.needsInputGrad.map { .bool($0) }) },
    ], methods: [
        NativeMethod("mark_dirty", "(self, *args)", owner: "FunctionCtx", doc: "Mark given tensors as modified in an in-place operation.") {
            _, _, _ throws(ScriptError) in
            throw ScriptError(.notImplementedError, "ctx.mark_dirty: autograd.Function that modifies its inputs in place is not supported in Recur")
        },
        NativeMethod("mark_non_differentiable", "(self, *args)", owner: "FunctionCtx", doc: "Mark outputs as non-differentiable.") {
            ctx, a, _ throws(ScriptError) in
            for value in a.rest {
                if case .object(let object) = value, let tensor = object as? Tensor { ctx.nonDifferentiable.append(tensor) }
            }
            return .none
        },
        NativeMethod("save_for_backward", "(self, *tensors)", owner: "FunctionCtx", doc: "Save given tensors for a future call to backward().") {
            ctx, a, _ throws(ScriptError) in
            for (i, value) in a.rest.enumerated() where !value.isNone {
                guard case .object(let object) = value, object is Tensor else {
                    throw .typeError("save_for_backward can only save variables, but argument \(i) is of type \(value.typeName)")
                }
            }
            ctx.saved = a.rest
            return .none
        },
        NativeMethod("set_materialize_grads", "(self, value)", owner: "FunctionCtx", doc: "Set whether to materialize grad tensors.") {
            _, _, _ throws(ScriptError) in
            // Recur always hands backward a gradient tensor for its one output, which is what
            // materialized gradients mean for a single output.
            .none
        },
    ])
}
