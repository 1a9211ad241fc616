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
        guard let root = gradFn else {
            accumulateGrad(seed)
            return
        }
        let order = topologicalOrder()
        for tensor in order where tensor.gradFn?.backward == nil {
            throw .backwardThroughFreedGraph
        }
        root.pending = seed
        root.ownsPending = true
        GradMode.$enabled.withValue(false) {
            for tensor in order.reversed() {
                guard let node = tensor.gradFn else { continue }
                let received = node.pending
                node.pending = nil
                guard let backward = node.backward, let received else { continue }
                let upstream = received.shape == tensor.shape ? received : Tensor(shape: tensor.shape, storage: .float32(received.floats))
                if tensor.retainsGrad { tensor.accumulateGrad(upstream) }
                let grads = backward(upstream)
                if !retainGraph && node.savesTensors { node.backward = nil }
                for (input, grad) in zip(node.inputs, grads) {
                    guard let grad, input.requiresGradFlag else { continue }
                    if let child = input.gradFn {
                        child.gather(grad)
                    } else {
                        input.accumulateGrad(grad)
                    }
                }
            }
        }
    }

    /// Non-leaf tensors reachable from `self`, each after all tensors it depends on. Nodes
    /// reached along several paths appear once: the walk marks each node it enters and clears
    /// the marks before returning.
    func topologicalOrder() -> [Tensor] {
        guard let root = gradFn else { return [] }
        var order: [Tensor] = []
        order.reserveCapacity(64)
        // Iterative post-order DFS: deep recurrent graphs would overflow a recursive walk.
        var stack: [(tensor: Tensor, node: GradNode, next: Int)] = []
        stack.reserveCapacity(64)
        stack.append((self, root, 0))
        root.isVisited = true
        while let top = stack.last {
            let inputs = top.node.inputs
            if top.next < inputs.count {
                stack[stack.count - 1].next += 1
                let child = inputs[top.next]
                if let node = child.gradFn, !node.isVisited {
                    node.isVisited = true
                    stack.append((child, node, 0))
                }
            } else {
                order.append(top.tensor)
                stack.removeLast()
            }
        }
        for tensor in order { tensor.gradFn?.isVisited = false }
        return order
    }

    /// Adds `delta` into `grad` in place (as PyTorch's AccumulateGrad does); the first
    /// contribution becomes a fresh tensor sharing `delta`'s elements copy-on-write, so no two
    /// leaves ever share a gradient object.
    func accumulateGrad(_ delta: Tensor) {
        if let existing = grad, existing.shape == delta.shape, existing.dtype == .float32 {
            existing.addInPlace(delta)
        } else {
            grad = Tensor(shape: shape, storage: .float32(delta.floats))
        }
    }

    /// `self += other` elementwise over equal counts, without recording.
    func addInPlace(_ other: Tensor) {
        guard case .float32(let add) = other.storage else {
            let converted = other.floats
            mutateFloats { values in
                for i in 0..<Swift.min(values.count, converted.count) { values[i] += converted[i] }
            }
            return
        }
        mutateFloats { values in
            values.withUnsafeMutableBufferPointer { acc in
                add.withUnsafeBufferPointer { pa in
                    for i in 0..<Swift.min(acc.count, pa.count) { acc[i] += pa[i] }
                }
            }
        }
    }
}

extension GradNode {
    /// Adds one consumer's gradient to the result's pending gradient: the first is kept as
    /// given, the second goes into a new buffer, later ones add into that buffer.
    func gather(_ grad: Tensor) {
        guard let current = pending else {
            pending = grad
            ownsPending = false
            return
        }
        if ownsPending {
            current.addInPlace(grad)
        } else {
            pending = Tensor(shape: current.shape, floats: Kernels.add(current.floats, grad.floats))
            ownsPending = true
        }
    }
}
