extension Tensor {
    /// Computes gradients of this tensor with respect to every leaf that requires grad and adds
    /// them to the leaves' `grad` (`backward(gradient=None, retain_graph=False)`).
    public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) throws(TensorError) {
        guard requiresGradFlag else { throw .doesNotRequireGrad }
        let seed: Tensor
        if let gradient {
            guard gradient.shape == shape else {
                throw .runtime("Mismatch in shape: grad_output[0] has a shape of \(gradient.shape) and output[0] has a shape of \(shape).")
            }
            seed = Tensor(shape: shape, storage: .float32(gradient.floats))
        } else {
            guard count == 1 else { throw .implicitGradOfNonScalar }
            seed = Tensor(shape: shape, floats: [1])
        }
        guard gradFn != nil else {
            accumulateGrad(seed)
            return
        }
        let order = topologicalOrder()
        for tensor in order where tensor.gradFn?.backward == nil {
            throw .backwardThroughFreedGraph
        }
        // Pending gradients are plain arrays so a second contribution adds in place.
        var pending: [ObjectIdentifier: [Float]] = [ObjectIdentifier(self): seed.floats]
        GradMode.$enabled.withValue(false) {
            for tensor in order.reversed() {
                guard let node = tensor.gradFn, let backward = node.backward,
                    let values = pending.removeValue(forKey: ObjectIdentifier(tensor))
                else { continue }
                let upstream = Tensor(shape: tensor.shape, floats: values)
                if tensor.retainsGrad { tensor.accumulateGrad(upstream) }
                let grads = backward(upstream)
                if !retainGraph && node.savesTensors { node.backward = nil }
                for (input, grad) in zip(node.inputs, grads) {
                    guard let grad, input.requiresGradFlag else { continue }
                    if input.gradFn == nil {
                        input.accumulateGrad(grad)
                    } else {
                        let key = ObjectIdentifier(input)
                        let contribution = grad.floats
                        if pending[key] == nil {
                            pending[key] = contribution
                        } else {
                            pending[key]?.withUnsafeMutableBufferPointer { acc in
                                contribution.withUnsafeBufferPointer { add in
                                    for i in 0..<Swift.min(acc.count, add.count) { acc[i] += add[i] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Non-leaf tensors reachable from `self`, each after all tensors it depends on; a visited
    /// set makes nodes reached along several paths appear exactly once.
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited: Set<ObjectIdentifier> = []
        // Iterative post-order DFS: deep recurrent graphs would overflow a recursive walk.
        var stack: [(Tensor, Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let (tensor, next) = stack.popLast() {
            let inputs = tensor.gradFn?.inputs ?? []
            if next < inputs.count {
                stack.append((tensor, next + 1))
                let child = inputs[next]
                if child.gradFn != nil, visited.insert(ObjectIdentifier(child)).inserted {
                    stack.append((child, 0))
                }
            } else {
                order.append(tensor)
            }
        }
        return order
    }

    /// Adds `delta` into `grad` with a fresh tensor, so no two leaves ever share a gradient object.
    func accumulateGrad(_ delta: Tensor) {
        if let existing = grad, existing.shape == delta.shape {
            grad = Tensor(shape: shape, floats: Kernels.add(existing.floats, delta.floats))
        } else {
            grad = Tensor(shape: shape, storage: .float32(delta.floats))
        }
    }
}
