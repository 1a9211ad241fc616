import Script
/// Fills `torch.optim.lr_scheduler`: `StepLR`, `MultiStepLR`, `ExponentialLR`, `LambdaLR`,
/// `CosineAnnealingLR`, `OneCycleLR` and `ReduceLROnPlateau`, with PyTorch's arguments.
package enum TorchLRScheduler {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let base = TypeObject(name: "LRScheduler", bases: [interpreter.types.object], kind: .builtin, module: "torch.optim.lr_scheduler")
        module.namespace["LRScheduler"] = .type(base)
        module.namespace["_LRScheduler"] = .type(base)
        func add(_ name: String, _ names: [String], required: Int, _ doc: String,
                 _ make: @escaping (ArgumentBinder, OptimizerObject, Interpreter) throws(ScriptError) -> any ScriptObject) {
            let constructor = BuiltinFunction(name, signature: "torch.optim.lr_scheduler.\(name)(" + names.joined(separator: ", ") + ")", doc: doc) { interpreter, a throws(ScriptError) in
                let b = try ArgumentBinder(name + ".__init__", a, names: names, required: required)
                guard case .object(let object)? = b["optimizer"], let optimizer = object as? OptimizerObject else {
                    throw .typeError("\(b["optimizer"]?.typeName ?? "NoneType") is not an Optimizer")
                }
                return .object(try make(b, optimizer, interpreter))
            }
            let type = TypeObject(name: name, bases: [base], kind: .builtin, constructor: constructor, module: "torch.optim.lr_scheduler")
            interpreter.types.registerNative(type, forTypeName: name)
            if name == "ReduceLROnPlateau" {
                type.addMethods(of: PlateauSchedulerObject.self)
            } else {
                type.addMethods(of: LRSchedulerObject.self)
            }
            module.namespace[name] = .type(type)
        }
        func scheduler(_ rule: LRSchedulerObject.Rule, _ name: String, _ b: ArgumentBinder, _ o: OptimizerObject,
                       _ i: Interpreter) throws(ScriptError) -> LRSchedulerObject {
            try LRSchedulerObject(rule, name: name, optimizer: o, lastEpoch: try b.int("last_epoch", i, default: -1), interpreter: i)
        }
        add("StepLR", ["optimizer", "step_size", "gamma", "last_epoch"], required: 2,
            "Multiplies the learning rate by gamma every step_size steps.") { b, o, i throws(ScriptError) in
            try scheduler(.step(size: try b.int("step_size", i), gamma: b["gamma"] ?? .float(0.1)), "StepLR", b, o, i)
        }
        add("MultiStepLR", ["optimizer", "milestones", "gamma", "last_epoch"], required: 2,
            "Multiplies the learning rate by gamma at each milestone step.") { b, o, i throws(ScriptError) in
            var milestones: [Int: Int] = [:]
            for v in try i.iterate(b["milestones"] ?? .none) { milestones[try i.indexValue(v), default: 0] += 1 }
            return try scheduler(.multiStep(milestones: milestones, gamma: b["gamma"] ?? .float(0.1)), "MultiStepLR", b, o, i)
        }
        add("ExponentialLR", ["optimizer", "gamma", "last_epoch"], required: 2,
            "Multiplies the learning rate by gamma every step.") { b, o, i throws(ScriptError) in
            try scheduler(.exponential(gamma: b["gamma"] ?? .none), "ExponentialLR", b, o, i)
        }
        add("LambdaLR", ["optimizer", "lr_lambda", "last_epoch"], required: 2,
            "Sets each group's rate to its initial rate times lr_lambda(epoch).") { b, o, i throws(ScriptError) in
            let count = o.groups.items.count
            var functions: [Value]
            switch b["lr_lambda"] ?? .none {
            case .list(let list): functions = list.items
            case .tuple(let items): functions = items
            case let single: functions = Array(repeating: single, count: count)
            }
            guard functions.count == count else { throw .valueError("Expected \(count) lr_lambdas, but got \(functions.count)") }
            return try scheduler(.lambda(functions), "LambdaLR", b, o, i)
        }
        add("CosineAnnealingLR", ["optimizer", "T_max", "eta_min", "last_epoch"], required: 2,
            "Anneals the learning rate along a cosine from its initial value to eta_min over T_max steps.") { b, o, i throws(ScriptError) in
            try scheduler(.cosine(tMax: try b.int("T_max", i), etaMin: b["eta_min"] ?? .float(0)), "CosineAnnealingLR", b, o, i)
        }
        add("OneCycleLR", ["optimizer", "max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy",
                           "cycle_momentum", "base_momentum", "max_momentum", "div_factor", "final_div_factor", "three_phase", "last_epoch"],
            required: 2, "The 1cycle policy: the rate rises to max_lr and anneals far below its start, momentum the other way.") { b, o, i throws(ScriptError) in
            try oneCycle(b, o, i)
        }
        add("ReduceLROnPlateau", ["optimizer", "mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"],
            required: 1, "Reduces the learning rate by factor when a metric has stopped improving for patience steps.") { b, o, i throws(ScriptError) in
            let factor = try b.double("factor", i, default: 0.1)
            guard factor < 1.0 else { throw .valueError("Factor should be < 1.0.") }
            let count = o.groups.items.count
            var minLRs: [Value]
            switch b["min_lr"] ?? .int(0) {
            case .list(let list): minLRs = list.items
            case .tuple(let items): minLRs = items
            case let single: minLRs = Array(repeating: single, count: count)
            }
            guard minLRs.count == count else { throw .valueError("expected \(count) min_lrs, got \(minLRs.count)") }
            let modeText = try b.string("mode", default: "min"), thresholdText = try b.string("threshold_mode", default: "rel")
            guard let mode = PlateauSchedulerObject.Mode(rawValue: modeText) else { throw .valueError("mode \(modeText) is unknown!") }
            guard let thresholdMode = PlateauSchedulerObject.ThresholdMode(rawValue: thresholdText) else {
                throw .valueError("threshold mode \(thresholdText) is unknown!")
            }
            return try PlateauSchedulerObject(
                optimizer: o, mode: mode, factor: factor, patience: try b.int("patience", i, default: 10),
                threshold: try b.double("threshold", i, default: 1e-4), thresholdMode: thresholdMode,
                cooldown: try b.int("cooldown", i, default: 0), minLRs: minLRs, eps: try b.double("eps", i, default: 1e-8))
        }
    }

    /// `OneCycleLR.__init__`: PyTorch's checks, then `initial_lr`, `max_lr`, `min_lr` and the
    /// momentum bounds written into every group.
    private static func oneCycle(_ b: ArgumentBinder, _ o: OptimizerObject, _ i: Interpreter) throws(ScriptError) -> any ScriptObject {
        let total: Int
        if let value = b["total_steps"] {
            guard case .int(let n) = value, n > 0 else { throw .valueError("Expected positive integer total_steps, but got \(try i.repr(value))") }
            total = n
        } else if let epochs = b["epochs"], let perEpoch = b["steps_per_epoch"] {
            guard case .int(let e) = epochs, e > 0 else { throw .valueError("Expected positive integer epochs, but got \(try i.repr(epochs))") }
            guard case .int(let s) = perEpoch, s > 0 else {
                throw .valueError("Expected positive integer steps_per_epoch, but got \(try i.repr(perEpoch))")
            }
            let (product, overflow) = e.multipliedReportingOverflow(by: s)
            guard !overflow else { throw ScriptError(.overflowError, "epochs * steps_per_epoch is too large") }
            total = product
        } else {
            throw .valueError("You must define either total_steps OR (epochs AND steps_per_epoch)")
        }
        let pctValue = b["pct_start"] ?? .float(0.3)
        guard case .float(let pct) = pctValue, pct >= 0, pct <= 1 else {
            throw .valueError("Expected float between 0 and 1 pct_start, but got \(try i.repr(pctValue))")
        }
        let strategy = try b.string("anneal_strategy", default: "cos")
        guard strategy == "cos" || strategy == "linear" else {
            throw .valueError("anneal_strategy must be one of 'cos' or 'linear', instead got \(strategy)")
        }
        let groups = try o.groupDicts()
        func perGroup(_ name: String, _ fallback: Value) throws(ScriptError) -> [Value] {
            let value = b[name] ?? fallback
            switch value {
            case .list, .tuple:
                let items = try i.iterate(value)
                guard items.count == groups.count else {
                    throw .valueError("\(name) must have the same length as optimizer.param_groups. \(name) has \(items.count) values, param_groups has \(groups.count).")
                }
                return items
            case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
                return Array(repeating: value, count: groups.count)
            }
        }
        let maxLRs = try perGroup("max_lr", .none)
        let divFactor = b["div_factor"] ?? .float(25.0), finalDivFactor = b["final_div_factor"] ?? .float(1e4)
        let lastEpoch = try b.int("last_epoch", i, default: -1)
        if lastEpoch == -1 {
            for (group, maxLR) in zip(groups, maxLRs) {
                let initial = try i.binary(.divide, maxLR, divFactor)
                try group.set(.str("initial_lr"), initial)
                try group.set(.str("max_lr"), maxLR)
                try group.set(.str("min_lr"), try i.binary(.divide, initial, finalDivFactor))
            }
        }
        let cycleMomentum = try b.bool("cycle_momentum", i, default: true)
        var useBeta1 = false
        if cycleMomentum {
            let hasMomentum = try o.defaults.get(.str("momentum")) != nil
            useBeta1 = try o.defaults.get(.str("betas")) != nil
            guard hasMomentum || useBeta1 else {
                throw .valueError("optimizer must support momentum or beta1 with `cycle_momentum` option enabled")
            }
            let maxMomentums = try perGroup("max_momentum", .float(0.95)), baseMomentums = try perGroup("base_momentum", .float(0.85))
            if lastEpoch == -1 {
                for (k, group) in groups.enumerated() {
                    if useBeta1 {
                        let betas = try i.iterate(try group.value("betas"))
                        try group.set(.str("betas"), .tuple([maxMomentums[k]] + betas.dropFirst()))
                    } else {
                        try group.set(.str("momentum"), maxMomentums[k])
                    }
                    try group.set(.str("max_momentum"), maxMomentums[k])
                    try group.set(.str("base_momentum"), baseMomentums[k])
                }
            }
        }
        let schedule = OneCycleSchedule(
            totalSteps: total, pctStart: pct, threePhase: try b.bool("three_phase", i, default: false), cosine: strategy == "cos",
            cycleMomentum: cycleMomentum, useBeta1: useBeta1)
        return try LRSchedulerObject(.oneCycle(schedule), name: "OneCycleLR", optimizer: o, lastEpoch: lastEpoch, interpreter: i)
    }
}
