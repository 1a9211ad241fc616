import Script
/// `torch.optim.lr_scheduler.ReduceLROnPlateau`: multiplies each group's rate by `factor`
/// once a metric has not improved for more than `patience` steps, as PyTorch does.
package final class PlateauSchedulerObject: DeclaredObject {
    package enum Mode: String {
        case min
        case max
    }

    package enum ThresholdMode: String {
        case rel
        case abs
    }

    package let optimizer: OptimizerObject
    package let mode: Mode
    let thresholdMode: ThresholdMode
    package let factor: Double
    let patience: Int
    let threshold: Double
    let cooldown: Int
    let minLRs: [Value]
    let eps: Double
    private var best: Double
    private var badEpochs = 0
    private var cooldownCounter = 0
    private var lastEpoch = 0
    private var lastLRs: [Value]

    init(optimizer: OptimizerObject, mode: Mode, factor: Double, patience: Int, threshold: Double, thresholdMode: ThresholdMode,
         cooldown: Int, minLRs: [Value], eps: Double) throws(ScriptError) {
        self.optimizer = optimizer
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minLRs = minLRs
        self.eps = eps
        best = mode == .min ? Double.infinity : -Double.infinity
        lastLRs = try optimizer.groupDicts().map { (g) throws(ScriptError) in try g.value("lr") }
    }

    package var typeName: String { "ReduceLROnPlateau" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<torch.optim.lr_scheduler.ReduceLROnPlateau object at \(addressText(of: self))>"
    }

    private func isBetter(_ a: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): a < best * (1.0 - threshold)
        case (.min, .abs): a < best - threshold
        case (.max, .rel): a > best * (threshold + 1.0)
        case (.max, .abs): a > best + threshold
        }
    }

    /// `step(metrics)`.
    package func step(_ metric: Double, interpreter: Interpreter) throws(ScriptError) {
        lastEpoch += 1
        if isBetter(metric) {
            best = metric
            badEpochs = 0
        } else {
            badEpochs += 1
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            badEpochs = 0
        }
        let groups = try optimizer.groupDicts()
        if badEpochs > patience {
            guard groups.count == minLRs.count else {
                throw .runtimeError("The number of param groups in the `optimizer` (\(groups.count)) differs from when `ReduceLROnPlateau` was initialized (\(minLRs.count)), usually due to a new param group being added to the optimizer. Please modify the `min_lrs` field to match the length of the `optimizer` param groups.")
            }
            for (group, minLR) in zip(groups, minLRs) {
                guard let old = try interpreter.doubleArgument(try group.value("lr"), "lr"),
                      let floor = try interpreter.doubleArgument(minLR, "min_lr") else { continue }
                let reduced = old * factor
                // Python's max(): the first argument unless the second is larger.
                let newLR: Value = floor > reduced ? minLR : .float(reduced)
                let newValue = floor > reduced ? floor : reduced
                if old - newValue > eps { try group.set(.str("lr"), newLR) }
            }
            cooldownCounter = cooldown
            badEpochs = 0
        }
        lastLRs = try groups.map { (g) throws(ScriptError) in try g.value("lr") }
    }

    package static let declaration = NativeType<PlateauSchedulerObject>(properties: [
        NativeProperty("best") { s, _ throws(ScriptError) in .float(s.best) },
        NativeProperty("num_bad_epochs") { s, _ throws(ScriptError) in .int(s.badEpochs) },
        NativeProperty("last_epoch") { s, _ throws(ScriptError) in .int(s.lastEpoch) },
        NativeProperty("optimizer") { s, _ throws(ScriptError) in .object(s.optimizer) },
    ], methods: [
        NativeMethod("step", "(self, metrics, epoch=None)", doc: "Perform a step.") { s, a, interpreter throws(ScriptError) in
            if a.optional(1) != nil {
                throw ScriptError(.notImplementedError, "ReduceLROnPlateau.step(metrics, epoch) is deprecated in PyTorch and not supported in Recur; call step(metrics)")
            }
            let metric = a.required(0)
            var value = metric.numericValue
            if value == nil, case .object(let object) = metric { value = try object.floatValue(interpreter: interpreter) }
            guard let value else { throw .typeError("float() argument must be a string or a real number, not '\(metric.typeName)'") }
            try s.step(value, interpreter: interpreter)
            return .none
        },
        NativeMethod(lastRatesSignature.name, lastRatesSignature.parameters, owner: lastRatesSignature.owner, doc: lastRatesSignature.doc) {
            s, _, _ throws(ScriptError) in .list(ListObject(s.lastLRs))
        },
    ])
}
