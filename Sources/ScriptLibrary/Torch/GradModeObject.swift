import Tensors
import Script

/// `torch.no_grad()`, `enable_grad()`, `inference_mode()` and `set_grad_enabled(mode)`:
/// context managers that switch gradient recording and restore it on exit, and decorators
/// that run a function under that mode.
package final class GradModeObject: ScriptObject {
    package enum Kind {
        case noGrad, enableGrad, inferenceMode(Bool)
        /// Switched when made (PyTorch's `set_grad_enabled(False)` works as a plain call);
        /// leaving a `with` block over it restores the mode from before it was made.
        case setGradEnabled(Bool, previous: Bool)
    }

    package let kind: Kind
    /// The modes to restore, one per `with` block currently inside this object.
    private var saved: [Bool] = []

    init(_ kind: Kind) {
        self.kind = kind
        if case .setGradEnabled(let mode, _) = kind { GradMode.isEnabled = mode }
    }

    /// The recording mode inside the block.
    var enteredMode: Bool {
        switch kind {
        case .noGrad: false
        case .enableGrad: true
        case .inferenceMode(let on): !on
        case .setGradEnabled(let mode, _): mode
        }
    }

    package var typeName: String {
        switch kind {
        case .noGrad: "no_grad"
        case .enableGrad: "enable_grad"
        case .inferenceMode: "inference_mode"
        case .setGradEnabled: "set_grad_enabled"
        }
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        if case .setGradEnabled(let mode, _) = kind {
            return "torch.autograd.grad_mode.set_grad_enabled(mode=\(mode ? "True" : "False"))"
        }
        return "<torch.autograd.grad_mode.\(typeName) object at \(addressText(of: self))>"
    }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .setGradEnabled(_, let previous) = kind {
            saved.append(previous)
        } else {
            saved.append(GradMode.isEnabled)
            GradMode.isEnabled = enteredMode
        }
        if case .inferenceMode(true) = kind { interpreter.torch.inferenceDepth += 1 }
        return Value.none
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) {
        if let previous = saved.popLast() {
            GradMode.isEnabled = previous
            if case .inferenceMode(true) = kind { interpreter.torch.inferenceDepth -= 1 }
        }
    }

    /// `@torch.no_grad()` over a function: the function, run under this mode.
    package func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try arguments.expect(typeName, 1...1)
        return GradModeObject.decorate(arguments.positional[0], kind: kind, interpreter: interpreter)
    }

    /// A function that runs `function` inside a fresh manager of `kind`.
    static func decorate(_ function: Value, kind: Kind, interpreter: Interpreter) -> Value {
        var name = "function"
        if case .str(let text)? = (try? interpreter.attributeIfPresent(function, "__name__")) ?? nil { name = text }
        return .builtin(BuiltinFunction(name) { (interpreter, arguments) throws(ScriptError) -> Value in
            let manager = GradModeObject(kind)
            _ = try manager.enter(interpreter: interpreter)
            defer { try? manager.exit(interpreter: interpreter) }
            return try interpreter.call(function, arguments)
        })
    }
}
