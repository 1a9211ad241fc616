extension Tensor {
    /// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph)`: the gradients of
    /// the outputs with respect to `inputs`, returned instead of added to any `grad`. Every
    /// leaf's `grad` is left as it was; nil marks an input the outputs do not depend on.
    public static func gradients(of outputs: [Tensor], seeds: [Tensor?], with inputs: [Tensor],
                                 retainGraph: Bool) throws(TensorError) -> [Tensor?] {
        for output in outputs where !output.requiresGradFlag { throw .doesNotRequireGrad }
        for input in inputs where !input.requiresGradFlag {
            throw .runtime("One of the differentiated Tensors does not require grad")
        }
        // The backward pass adds into leaves' `grad` (in place when one exists): park every
        // leaf's gradient it can reach, let the pass make fresh ones, read the inputs', restore.
        var leaves: [Tensor] = []
        var seen = Set<ObjectIdentifier>()
        func note(_ tensor: Tensor) {
            if seen.insert(ObjectIdentifier(tensor)).inserted { leaves.append(tensor) }
        }
        for output in outputs {
            if output.gradFn == nil { note(output) }
            for node in output.topologicalOrder() {
                for input in node.inputs where input.gradFn == nil && input.requiresGradFlag { note(input) }
            }
        }
        let inner = inputs.filter { $0.gradFn != nil }
        for tensor in inputs { note(tensor) }
        let parked = leaves.map { ($0, $0.grad) }
        let retainers = inner.map { ($0, $0.gradFn?.retainer) }
        for tensor in leaves { tensor.grad = nil }
        for tensor in inner { tensor.gradFn?.retainer = tensor }
        defer {
            for (tensor, grad) in parked { tensor.grad = grad }
            for (tensor, retainer) in retainers { tensor.gradFn?.retainer = retainer }
        }
        for (position, output) in outputs.enumerated() {
            let seed = position < seeds.count ? seeds[position] : nil
            try output.backward(gradient: seed, retainGraph: retainGraph || position < outputs.count - 1)
        }
        return inputs.map(\.grad)
    }
}
