import Glibc
import Script

/// `OneCycleLR`'s phases: from `initial_lr` up to `max_lr` and down to `min_lr` (three
/// phases when `three_phase`), with momentum (or Adam's beta1) cycling the other way.
package struct OneCycleSchedule {
    package struct Phase {
        let endStep: Double
        let startLR: String
        let endLR: String
        let startMomentum: String
        let endMomentum: String
    }

    let phases: [Phase]
    let totalSteps: Int
    let cosine: Bool
    let cycleMomentum: Bool
    let useBeta1: Bool

    init(totalSteps: Int, pctStart: Double, threePhase: Bool, cosine: Bool, cycleMomentum: Bool, useBeta1: Bool) {
        let n = Double(totalSteps)
        phases = threePhase
            ? [Phase(endStep: pctStart * n - 1, startLR: "initial_lr", endLR: "max_lr", startMomentum: "max_momentum", endMomentum: "base_momentum"),
               Phase(endStep: 2 * pctStart * n - 2, startLR: "max_lr", endLR: "initial_lr", startMomentum: "base_momentum", endMomentum: "max_momentum"),
               Phase(endStep: n - 1, startLR: "initial_lr", endLR: "min_lr", startMomentum: "max_momentum", endMomentum: "max_momentum")]
            : [Phase(endStep: pctStart * n - 1, startLR: "initial_lr", endLR: "max_lr", startMomentum: "max_momentum", endMomentum: "base_momentum"),
               Phase(endStep: n - 1, startLR: "max_lr", endLR: "min_lr", startMomentum: "base_momentum", endMomentum: "max_momentum")]
        self.totalSteps = totalSteps
        self.cosine = cosine
        self.cycleMomentum = cycleMomentum
        self.useBeta1 = useBeta1
    }

    func anneal(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        cosine ? end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1) : (end - start) * pct + start
    }

    /// `get_lr()`: each group's rate at `step`, setting its momentum or beta1 on the way.
    func rates(step: Int, groups: [DictObject], interpreter: Interpreter) throws(ScriptError) -> [Value] {
        guard step <= totalSteps else {
            throw .valueError("Tried to step \(step) times. The specified number of total steps is \(totalSteps)")
        }
        func number(_ group: DictObject, _ key: String) throws(ScriptError) -> Double {
            let v = try group.value(key)
            guard let d = try interpreter.doubleArgument(v, key) else { throw .typeError("\(key) must be a number") }
            return d
        }
        var result: [Value] = []
        for group in groups {
            var start = 0.0
            var lr = 0.0
            var momentum = 0.0
            for (i, phase) in phases.enumerated() {
                if Double(step) <= phase.endStep || i == phases.count - 1 {
                    let pct = (Double(step) - start) / (phase.endStep - start)
                    lr = anneal(try number(group, phase.startLR), try number(group, phase.endLR), pct)
                    if cycleMomentum { momentum = anneal(try number(group, phase.startMomentum), try number(group, phase.endMomentum), pct) }
                    break
                }
                start = phase.endStep
            }
            result.append(.float(lr))
            if cycleMomentum {
                if useBeta1 {
                    let betas = try interpreter.iterate(try group.value("betas"))
                    try group.set(.str("betas"), .tuple([.float(momentum)] + betas.dropFirst()))
                } else {
                    try group.set(.str("momentum"), .float(momentum))
                }
            }
        }
        return result
    }
}
