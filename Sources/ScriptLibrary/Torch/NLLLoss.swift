import Tensors
import Script

/// `nn.NLLLoss(ignore_index=-100, reduction="mean")`: the negative log likelihood of
/// log-probabilities (N, C) or (C,) at int64 class targets.
package final class NLLLoss: LossModule {
    let ignoreIndex: Int64
    let reduction: Reduction
    package var isTraining = true

    package init(ignoreIndex: Int64, reduction: Reduction) {
        self.ignoreIndex = ignoreIndex
        self.reduction = reduction
    }

    package var typeName: String { "NLLLoss" }

    package func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(NLLLoss(ignoreIndex: ignoreIndex, reduction: reduction))
    }

    package func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try Functional.nllLoss(input, target: target, ignoreIndex: ignoreIndex, reduction: reduction)
    }

    package func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        guard inputs.count == 2 else {
            if inputs.count == 1 { throw .other(.typeError, "NLLLoss.forward() missing 1 required positional argument: 'target'") }
            throw .other(.typeError, "NLLLoss.forward() takes 3 positional arguments but \(inputs.count + 1) were given")
        }
        return [try self(inputs[0], inputs[1])]
    }
}
