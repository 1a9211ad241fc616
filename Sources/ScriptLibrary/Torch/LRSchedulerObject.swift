import Glibc
import Rendering
import Script

/// A `torch.optim.lr_scheduler` scheduler over an optimizer's param groups, computing each
/// learning rate with the expressions PyTorch's `get_lr()` evaluates (the chainable forms,
/// in Python arithmetic), so the printed rates are PyTorch's to the last digit.
package final class LRSchedulerObject: DeclaredObject {
    package enum Rule {
        case step(size: Int, gamma: Value)
        case multiStep(milestones: [Int: Int], gamma: Value)
        case exponential(gamma: Value)
        case lambda([Value])
        case cosine(tMax: Int, etaMin: Value)
        case oneCycle(OneCycleSchedule)
    }

    let rule: Rule
    package let name: String
    package let optimizer: OptimizerObject
    private(set) var lastEpoch: Int
    private var stepCount = 0
    private var isInitial = false
    private(set) var baseLRs: [Value] = []
    private(set) var lastLRs: [Value] = []

    /// `LRScheduler.__init__`: records `initial_lr` in each group (or requires it when
    /// resuming from `last_epoch`), then takes the initial step.
    init(_ rule: Rule, name: String, optimizer: OptimizerObject, lastEpoch: Int, interpreter: Interpreter) throws(ScriptError) {
        self.rule = rule
        self.name = name
        self.optimizer = optimizer
        self.lastEpoch = lastEpoch
        for (i, group) in try optimizer.groupDicts().enumerated() {
            if lastEpoch == -1 {
                if try group.get(.str("initial_lr")) == nil { try group.set(.str("initial_lr"), try group.value("lr")) }
            } else if try group.get(.str("initial_lr")) == nil {
                let message = "param 'initial_lr' is not specified in param_groups[\(i)] when resuming scheduler with last_epoch >= 0.\n"
                    + "This typically happens when:\n1. You're trying to resume training from a checkpoint but haven't properly loaded the optimizer state\n"
                    + "2. You're using last_epoch >= 0 for a fresh training run (not recommended)"
                throw .keyError(.str(message), repr: PythonString.repr(message))
            }
        }
        baseLRs = try optimizer.groupDicts().map { (g) throws(ScriptError) in try g.value("initial_lr") }
        isInitial = true
        try step(interpreter: interpreter)
        isInitial = false
    }

    package var typeName: String { name }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<torch.optim.lr_scheduler.\(name) object at \(addressText(of: self))>"
    }

    /// `step()`: advances `last_epoch` and writes the new rates into the groups.
    package func step(interpreter: Interpreter) throws(ScriptError) {
        if stepCount == 1 && !optimizer.hasStepped {
            try interpreter.warn("Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate", category: .userWarning)
        }
        stepCount += 1
        lastEpoch += 1
        let groups = try optimizer.groupDicts()
        let values = try rates(groups, interpreter)
        for (group, lr) in zip(groups, values) { try group.set(.str("lr"), lr) }
        lastLRs = try groups.map { (g) throws(ScriptError) in try g.value("lr") }
    }

    /// `get_lr()` of each rule, as PyTorch writes it.
    private func rates(_ groups: [DictObject], _ interpreter: Interpreter) throws(ScriptError) -> [Value] {
        let current = try groups.map { (g) throws(ScriptError) in try g.value("lr") }
        func op(_ o: BinaryOp, _ a: Value, _ b: Value) throws(ScriptError) -> Value { try interpreter.binary(o, a, b) }
        switch rule {
        case .step(let size, let gamma):
            guard size != 0 else { throw ScriptError(.zeroDivisionError, "integer modulo by zero") }
            if lastEpoch == 0 || pythonModulo(lastEpoch, size) != 0 { return current }
            return try current.map { (lr) throws(ScriptError) in try op(.multiply, lr, gamma) }
        case .multiStep(let milestones, let gamma):
            guard let count = milestones[lastEpoch] else { return current }
            let factor = try op(.power, gamma, .int(count))
            return try current.map { (lr) throws(ScriptError) in try op(.multiply, lr, factor) }
        case .exponential(let gamma):
            if isInitial { return current }
            return try current.map { (lr) throws(ScriptError) in try op(.multiply, lr, gamma) }
        case .lambda(let functions):
            var result: [Value] = []
            for (base, function) in zip(baseLRs, functions) {
                result.append(try op(.multiply, base, try interpreter.call(function, Arguments([.int(lastEpoch)]))))
            }
            return result
        case .cosine(let tMax, let etaMin):
            if isInitial { return current }
            let t = Double(tMax)
            guard tMax != 0 else { throw ScriptError(.zeroDivisionError, "float division by zero") }
            if stepCount == 1 && lastEpoch > 0 {
                let c = Value.float(1 + cos(Double(lastEpoch) * Double.pi / t))
                return try baseLRs.map { (base) throws(ScriptError) in
                    try op(.add, etaMin, try op(.divide, try op(.multiply, try op(.subtract, base, etaMin), c), .int(2)))
                }
            }
            if pythonModulo(lastEpoch - 1 - tMax, 2 * tMax) == 0 {
                let c = Value.float(1 - cos(Double.pi / t))
                return try zip(baseLRs, current).map { (pair) throws(ScriptError) in
                    try op(.add, pair.1, try op(.divide, try op(.multiply, try op(.subtract, pair.0, etaMin), c), .int(2)))
                }
            }
            let ratio = Value.float((1 + cos(Double.pi * Double(lastEpoch) / t)) / (1 + cos(Double.pi * Double(lastEpoch - 1) / t)))
            return try current.map { (lr) throws(ScriptError) in
                try op(.add, try op(.multiply, ratio, try op(.subtract, lr, etaMin)), etaMin)
            }
        case .oneCycle(let schedule):
            return try schedule.rates(step: lastEpoch, groups: groups, interpreter: interpreter)
        }
    }

    package static let declaration = NativeType<LRSchedulerObject>(properties: [
        NativeProperty("base_lrs") { s, _ throws(ScriptError) in .list(ListObject(s.baseLRs)) },
        NativeProperty("last_epoch") { s, _ throws(ScriptError) in .int(s.lastEpoch) },
        NativeProperty("optimizer") { s, _ throws(ScriptError) in .object(s.optimizer) },
    ], methods: [
        NativeMethod("step", "(self, epoch=None)", owner: "LRScheduler", doc: "Perform a step.") { s, a, interpreter throws(ScriptError) in
            if a.optional(0) != nil {
                throw ScriptError(.notImplementedError, "\(s.name).step(epoch) is deprecated in PyTorch and not supported in Recur; call step() once per epoch")
            }
            try s.step(interpreter: interpreter)
            return .none
        },
        NativeMethod(lastRatesSignature.name, lastRatesSignature.parameters, owner: lastRatesSignature.owner, doc: lastRatesSignature.doc) {
            s, _, _ throws(ScriptError) in .list(ListObject(s.lastLRs))
        },
    ])
}

/// `get_last_lr()`'s declaration, shared by both kinds of scheduler.
let lastRatesSignature = (name: "get_last_lr", parameters: "(self)", owner: "LRScheduler",
                          doc: "Return last computed learning rate by current scheduler.")

/// Python's `a % b` for ints (the sign of `b`).
func pythonModulo(_ a: Int, _ b: Int) -> Int {
    guard b != 0 else { return 0 }
    let r = a % b
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
}

extension OptimizerObject {
    /// The param groups as dicts.
    func groupDicts() throws(ScriptError) -> [DictObject] {
        try groups.items.map { (value) throws(ScriptError) in
            guard case .dict(let d) = value else { throw .typeError("param_groups must hold dicts") }
            return d
        }
    }
}

extension DictObject {
    /// `d[key]` for a string key, with Python's KeyError.
    package func value(_ key: String) throws(ScriptError) -> Value {
        guard let v = try get(.str(key)) else { throw .keyError(.str(key), repr: PythonString.repr(key)) }
        return v
    }
}
