import Tensors
import Rendering
import Script

/// The `torch.optim` classes Recur provides: their arguments and defaults in PyTorch's
/// order, and how a param group's settings drive the Tensors update rule.
package enum OptimizerKind: CaseIterable {
    case sgd
    case adam
    case adamW
    case rmsprop
    case adagrad

    package var name: String {
        switch self {
        case .sgd: "SGD"
        case .adam: "Adam"
        case .adamW: "AdamW"
        case .rmsprop: "RMSprop"
        case .adagrad: "Adagrad"
        }
    }

    package var doc: String {
        switch self {
        case .sgd: "Stochastic gradient descent, optionally with (Nesterov) momentum, dampening and weight decay."
        case .adam: "Adam: adaptive moment estimation."
        case .adamW: "AdamW: Adam with decoupled weight decay."
        case .rmsprop: "RMSprop: gradients divided by a running root mean square."
        case .adagrad: "Adagrad: per-element steps shrinking with the accumulated squared gradients."
        }
    }

    private static var betas: Value { .tuple([.float(0.9), .float(0.999)]) }

    /// The constructor's arguments after `params`, in order, with their defaults; these
    /// (and the flags no constructor argument sets) become `optimizer.defaults` in the order
    /// PyTorch lists them (`defaultsOrder`).
    package var arguments: [(String, Value)] {
        switch self {
        case .sgd:
            [("lr", .float(0.001)), ("momentum", .int(0)), ("dampening", .int(0)), ("weight_decay", .int(0)), ("nesterov", .bool(false)),
             ("maximize", .bool(false)), ("foreach", .none), ("differentiable", .bool(false)), ("fused", .none)]
        case .adam, .adamW:
            [("lr", .float(0.001)), ("betas", Self.betas), ("eps", .float(1e-8)), ("weight_decay", self == .adam ? .int(0) : .float(0.01)),
             ("amsgrad", .bool(false)), ("foreach", .none), ("maximize", .bool(false)), ("capturable", .bool(false)),
             ("differentiable", .bool(false)), ("fused", .none)]
                + (self == .adam ? [("decoupled_weight_decay", .bool(false))] : [])
        case .rmsprop:
            [("lr", .float(0.01)), ("alpha", .float(0.99)), ("eps", .float(1e-8)), ("weight_decay", .int(0)), ("momentum", .int(0)),
             ("centered", .bool(false)), ("capturable", .bool(false)), ("foreach", .none), ("maximize", .bool(false)),
             ("differentiable", .bool(false))]
        case .adagrad:
            [("lr", .float(0.01)), ("lr_decay", .int(0)), ("weight_decay", .int(0)), ("initial_accumulator_value", .int(0)),
             ("eps", .float(1e-10)), ("foreach", .none), ("maximize", .bool(false)), ("differentiable", .bool(false)), ("fused", .none)]
        }
    }

    /// The keys of `optimizer.defaults` in PyTorch's order.
    var defaultsOrder: [String] {
        switch self {
        case .sgd: ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "foreach", "differentiable", "fused"]
        case .adam, .adamW:
            ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "foreach", "capturable", "differentiable", "fused",
             "decoupled_weight_decay"]
        case .rmsprop: ["lr", "momentum", "alpha", "eps", "centered", "weight_decay", "capturable", "foreach", "maximize", "differentiable"]
        case .adagrad: ["lr", "lr_decay", "eps", "weight_decay", "initial_accumulator_value", "foreach", "maximize", "differentiable", "fused"]
        }
    }

    package var signature: String {
        "torch.optim.\(name)(params, " + arguments.map { "\($0.0)=\(Self.defaultText($0.1))" }.joined(separator: ", ") + ")"
    }

    private static func defaultText(_ value: Value) -> String {
        switch value {
        case .float(let d): PythonFloat.repr(d)
        case .int(let i): String(i)
        case .bool(let b): b ? "True" : "False"
        case .tuple: "(0.9, 0.999)"
        case .none, .str, .list, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object: "None"
        }
    }

    /// Options PyTorch has that change the result and that Recur does not implement: any
    /// true value is refused.
    static let unsupportedFlags = ["amsgrad", "maximize", "capturable", "differentiable", "fused"]

    /// The update rule for one group's parameters, set from the group's settings.
    func makeEngine(_ parameters: [Tensor], group: DictObject, interpreter: Interpreter) throws(ScriptError) -> any Optimizer {
        let s = GroupSettings(group: group, interpreter: interpreter, optimizer: name)
        try s.checkFlags()
        // Made with neutral settings; `configure` then checks and sets the group's with
        // PyTorch's messages (which print the values as Python does).
        let initial = self == .adagrad ? try s.number("initial_accumulator_value") : 0
        guard initial >= 0 else { throw .valueError("Invalid initial_accumulator_value value: \(try s.text("initial_accumulator_value"))") }
        let engine: any Optimizer = try tensorCall { () throws(TensorError) -> any Optimizer in
            switch self {
            case .sgd:
                return try SGD(parameters, lr: 0)
            case .adam, .adamW:
                return try Adam(parameters, lr: 0)
            case .rmsprop:
                return try RMSprop(parameters, lr: 0)
            case .adagrad:
                return try Adagrad(parameters, lr: 0, initialAccumulatorValue: initial)
            }
        }
        try configure(engine, from: group, interpreter: interpreter)
        return engine
    }

    /// Copies a group's settings into its update rule, with PyTorch's checks.
    func configure(_ engine: any Optimizer, from group: DictObject, interpreter: Interpreter) throws(ScriptError) {
        let s = GroupSettings(group: group, interpreter: interpreter, optimizer: name)
        try s.checkFlags()
        let lr = try s.number("lr")
        guard lr >= 0 else { throw .valueError("Invalid learning rate: \(try s.text("lr"))") }
        engine.learningRate = lr
        switch self {
        case .sgd:
            guard let sgd = engine as? SGD else { return }
            let (momentum, dampening, decay) = (try s.number("momentum"), try s.number("dampening"), try s.number("weight_decay"))
            let nesterov = try s.flag("nesterov")
            guard momentum >= 0 else { throw .valueError("Invalid momentum value: \(try s.text("momentum"))") }
            guard decay >= 0 else { throw .valueError("Invalid weight_decay value: \(try s.text("weight_decay"))") }
            if nesterov && (momentum <= 0 || dampening != 0) { throw .valueError("Nesterov momentum requires a momentum and zero dampening") }
            (sgd.momentum, sgd.dampening, sgd.weightDecay, sgd.nesterov) = (momentum, dampening, decay, nesterov)
        case .adam, .adamW:
            guard let adam = engine as? Adam else { return }
            let (eps, decay) = (try s.number("eps"), try s.number("weight_decay"))
            let betas = try s.pair("betas")
            guard eps >= 0 else { throw .valueError("Invalid epsilon value: \(try s.text("eps"))") }
            guard betas.0 >= 0, betas.0 < 1 else { throw .valueError("Invalid beta parameter at index 0: \(PythonFloat.repr(betas.0))") }
            guard betas.1 >= 0, betas.1 < 1 else { throw .valueError("Invalid beta parameter at index 1: \(PythonFloat.repr(betas.1))") }
            guard decay >= 0 else { throw .valueError("Invalid weight_decay value: \(try s.text("weight_decay"))") }
            (adam.betas, adam.eps, adam.weightDecay) = (betas, eps, decay)
            adam.decoupledWeightDecay = try s.flag("decoupled_weight_decay")
        case .rmsprop:
            guard let rms = engine as? RMSprop else { return }
            let (alpha, eps, decay, momentum) = (try s.number("alpha"), try s.number("eps"), try s.number("weight_decay"), try s.number("momentum"))
            guard eps >= 0 else { throw .valueError("Invalid epsilon value: \(try s.text("eps"))") }
            guard momentum >= 0 else { throw .valueError("Invalid momentum value: \(try s.text("momentum"))") }
            guard decay >= 0 else { throw .valueError("Invalid weight_decay value: \(try s.text("weight_decay"))") }
            guard alpha >= 0 else { throw .valueError("Invalid alpha value: \(try s.text("alpha"))") }
            (rms.alpha, rms.eps, rms.weightDecay, rms.momentum) = (alpha, eps, decay, momentum)
            rms.centered = try s.flag("centered")
        case .adagrad:
            guard let adagrad = engine as? Adagrad else { return }
            let (decay, lrDecay, eps) = (try s.number("weight_decay"), try s.number("lr_decay"), try s.number("eps"))
            guard lrDecay >= 0 else { throw .valueError("Invalid lr_decay value: \(try s.text("lr_decay"))") }
            guard decay >= 0 else { throw .valueError("Invalid weight_decay value: \(try s.text("weight_decay"))") }
            guard eps >= 0 else { throw .valueError("Invalid epsilon value: \(try s.text("eps"))") }
            (adagrad.weightDecay, adagrad.learningRateDecay, adagrad.eps) = (decay, lrDecay, eps)
        }
    }
}

/// Reads one param group's settings with Python's conversions.
package struct GroupSettings {
    let group: DictObject
    package let interpreter: Interpreter
    package let optimizer: String

    package func value(_ key: String) throws(ScriptError) -> Value {
        guard let value = try group.get(.str(key)) else { throw .keyError(.str(key), repr: PythonString.repr(key)) }
        return value
    }

    package func number(_ key: String) throws(ScriptError) -> Double {
        let v = try value(key)
        if case .object(let object) = v, let t = object as? Tensor, t.count == 1 { return try tensorCall { () throws(TensorError) in try t.item() } }
        guard let d = try interpreter.doubleArgument(v, key) else { throw .typeError("\(optimizer): \(key) must be a number, not None") }
        return d
    }

    package func flag(_ key: String) throws(ScriptError) -> Bool { try interpreter.truth(try value(key)) }

    package func text(_ key: String) throws(ScriptError) -> String { try interpreter.str(try value(key)) }

    func pair(_ key: String) throws(ScriptError) -> (Double, Double) {
        let items = try interpreter.iterate(try value(key))
        guard items.count == 2, let a = items[0].numericValue, let b = items[1].numericValue else {
            throw .valueError("\(key) must be a pair of floats")
        }
        return (a, b)
    }

    /// Refuses the options Recur does not implement when they are set.
    func checkFlags() throws(ScriptError) {
        for key in OptimizerKind.unsupportedFlags {
            guard let v = try group.get(.str(key)), !v.isNone, try interpreter.truth(v) else { continue }
            throw ScriptError(.notImplementedError, "\(optimizer): \(key)=True is not supported in Recur")
        }
    }
}
