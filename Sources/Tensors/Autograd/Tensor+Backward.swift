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
            seed = Tensor(shape: shape, storage: gradient.storage.converted(to: dtype))
        } else {
            guard count == 1 else { throw .implicitGradOfNonScalar }
            seed = Tensor(shape: shape, storage: TensorStorage.float32([1]).converted(to: dtype))
        }
        guard let root = gradFn else {
            accumulateGrad(seed)
            return
        }
        let order = topologicalOrder(from: root)
        for node in order {
            if node.backward == nil { throw .backwardThroughFreedGraph }
            if let operation = node.missingDerivative { throw .runtime("derivative for aten::\(operation) is not implemented") }
            if !node.saved.isEmpty { try node.checkSavedVersions() }
        }
        root.pending = seed
        root.ownsPending = true
        try GradMode.withoutGrad { () throws(TensorError) in
            for node in order.reversed() {
                let received = node.pending
                node.pending = nil
                guard let backward = node.backward, let received else { continue }
                let shape = node.outputShape
                let upstream = received.shape == shape ? received : Tensor(shape: shape, storage: received.storage)
                if let retainer = node.retainer { retainer.accumulateGrad(upstream) }
                let grads = try backward(upstream)
                if !retainGraph && node.savesTensors { node.backward = nil }
                for (i, computed) in grads.enumerated() where i < node.inputs.count {
                    guard let computed else { continue }
                    // As PyTorch's engine does, a gradient takes its input's dtype (a float32
                    // operand of a float64 product gets a float32 gradient).
                    let inputType = node.inputs[i].dtype
                    let grad = computed.dtype == inputType || !inputType.isFloatingPoint
                        ? computed : Tensor(shape: computed.shape, storage: computed.storage.converted(to: inputType))
                    if let child = node.edge(i) {
                        child.gather(grad)
                    } else if node.inputs[i].requiresGradFlag {
                        node.inputs[i].accumulateGrad(grad)
                    }
                }
            }
        }
    }

    /// The nodes reachable from this tensor's node (none for a leaf), dependencies first.
    func topologicalOrder() -> [GradNode] {
        gradFn.map { topologicalOrder(from: $0) } ?? []
    }

    /// The nodes reachable from `root`, each after all nodes it depends on. Nodes reached
    /// along several paths appear once: the walk marks each node it enters and clears the
    /// marks before returning.
    func topologicalOrder(from root: GradNode) -> [GradNode] {
        var order: [GradNode] = []
        order.reserveCapacity(64)
        // Iterative post-order DFS: deep recurrent graphs would overflow a recursive walk.
        // The graph below the root keeps every node alive while the walk runs, so the stack
        // holds unretained references (no reference counting per step).
        var stack: [(node: Unmanaged<GradNode>, next: Int)] = []
        stack.reserveCapacity(64)
        stack.append((.passUnretained(root), 0))
        root.isVisited = true
        while let top = stack.last {
            let step: (done: Bool, child: Unmanaged<GradNode>?) = top.node._withUnsafeGuaranteedRef { node in
                guard top.next < node.inputs.count else { return (true, nil) }
                return (false, node.edge(top.next).map { .passUnretained($0) })
            }
            if step.done {
                order.append(top.node.takeUnretainedValue())
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            guard let child = step.child else { continue }
            child._withUnsafeGuaranteedRef { node in
                if !node.isVisited {
                    node.isVisited = true
                    stack.append((child, 0))
                }
            }
        }
        for node in order { node.isVisited = false }
        return order
    }

    /// Adds `delta` into `grad` in place (as PyTorch's AccumulateGrad does); the first
    /// contribution becomes a fresh tensor sharing `delta`'s elements copy-on-write, so no two
    /// leaves ever share a gradient object.
    func accumulateGrad(_ delta: Tensor) {
        if let existing = grad, existing.shape == delta.shape, existing.dtype == delta.dtype {
            existing.addInPlace(delta)
        } else {
            grad = laidOutAsGradient(Tensor(shape: shape, storage: delta.storage.converted(to: dtype.isFloatingPoint ? dtype : .float32)))
        }
    }

    /// A first gradient (fresh, row-major) laid out by PyTorch's gradient layout contract
    /// (AccumulateGrad's `clone_obey_contract`): in this leaf's own strides when the leaf is
    /// non-overlapping and dense and they differ from row-major outside its size-1
    /// dimensions, row-major otherwise. Later contributions are added in place, keeping it.
    func laidOutAsGradient(_ fresh: Tensor) -> Tensor {
        guard let layout, rank > 1 else { return fresh }
        let rowMajor = shape.strides
        let dims = shape.dims
        guard dims.indices.contains(where: { dims[$0] != 1 && layout.strides[$0] != rowMajor[$0] }),
              isNonOverlappingAndDense else { return fresh }
        return fresh.relaid(strides: layout.strides)
    }

    /// Whether a backward closure may add this operand's gradient straight into `grad` (a
    /// leaf that requires grad) instead of returning it for the engine to add: the same sum,
    /// without a gradient tensor for each contribution.
    var takesGradientDirectly: Bool { requiresGradFlag && gradFn == nil }

    /// Adds a contribution straight into this leaf's `grad`: `add` receives the gradient's
    /// elements and whether they are fresh zeros (no gradient yet), and adds into them.
    func accumulateGrad(_ add: (UnsafeMutablePointer<Float>, _ fresh: Bool) -> Void) {
        if let existing = grad, existing.shape == shape, existing.dtype == .float32 {
            existing.mutateFloats { values in
                values.withUnsafeMutableBufferPointer { p in
                    if let base = p.baseAddress { add(base, false) }
                }
            }
        } else {
            var values = filledArray(Float(0), count: count)
            values.withUnsafeMutableBufferPointer { p in
                if let base = p.baseAddress { add(base, true) }
            }
            grad = laidOutAsGradient(Tensor(shape: shape, floats: values))
        }
    }

    /// A computed gradient of this operand (its elements in this operand's shape): added
    /// straight into a leaf's `grad` (nil returned), or returned as a tensor.
    func gradient(_ values: [Float]) -> Tensor? {
        guard requiresGradFlag else { return nil }
        guard takesGradientDirectly else { return Tensor(shape: shape, floats: values) }
        accumulateGrad { out, fresh in
            values.withUnsafeBufferPointer { pv in
                for i in 0..<Swift.min(count, pv.count) { out[i] = fresh ? pv[i] : out[i] + pv[i] }
            }
        }
        return nil
    }

    /// The gradient of a weight-like operand `op(A) * op(B)` (m x n): added straight into a
    /// leaf's `grad` (nil returned), or returned as a tensor of this operand's shape.
    func productGradient(
        _ a: [Float], transposeA: Bool, _ b: [Float], transposeB: Bool, m: Int, n: Int, k: Int
    ) -> Tensor? {
        guard requiresGradFlag else { return nil }
        guard takesGradientDirectly else {
            return Tensor(shape: shape, floats: BLAS.product(a, transposeA: transposeA, b, transposeB: transposeB, m: m, n: n, k: k))
        }
        accumulateGrad { c, fresh in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    guard let x = pa.baseAddress, let y = pb.baseAddress, k > 0 else { return }
                    BLAS.gemm(x, transposeA: transposeA, y, transposeB: transposeB, c, m: m, n: n, k: k, beta: fresh ? 0 : 1)
                }
            }
        }
        return nil
    }

    /// The gradient of a bias added to every row of an (rows x columns) result: the column
    /// sums of `g`, added straight into a leaf's `grad` or returned as a tensor.
    func biasGradient(_ g: [Float], rows: Int, columns: Int) -> Tensor? {
        guard requiresGradFlag else { return nil }
        func sums(_ out: UnsafeMutablePointer<Float>, _ fresh: Bool) {
            g.withUnsafeBufferPointer { pg in
                guard let base = pg.baseAddress else { return }
                if fresh {
                    ColumnSums.sum(base, rows: rows, columns: columns, into: out)
                    return
                }
                withUnsafeTemporaryAllocation(of: Float.self, capacity: columns) { scratch in
                    guard let totals = scratch.baseAddress else { return }
                    ColumnSums.sum(base, rows: rows, columns: columns, into: totals)
                    for j in 0..<columns { out[j] += totals[j] }
                }
            }
        }
        guard takesGradientDirectly else {
            return Tensor(shape: shape, floats: makeFloats(columns) { p in
                if let base = p.baseAddress { sums(base, true) }
            })
        }
        accumulateGrad(sums)
        return nil
    }

    /// `self.grad = gradient`, refused as in PyTorch when its size or dtype differs from
    /// this tensor's (optimizers read the two element by element).
    public func setGrad(_ gradient: Tensor?) throws(TensorError) {
        if let gradient {
            guard gradient.shape == shape else {
                throw .runtime("attempting to assign a gradient of size '\(gradient.shape.listDescription)' to a tensor of size '\(shape.listDescription)'. Please ensure that the gradient and the tensor are the same size")
            }
            guard gradient.dtype == dtype else {
                    throw .runtime("attempting to assign a gradient with dtype '\(Tensor.cTypeName(gradient.dtype))' to a tensor with grad_dtype '\(dtype.scalarTypeName)'. The gradient must match the tensor's grad_dtype (defaults to the tensor's dtype). You can set the tensor's grad_dtype attribute with a specific dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and its gradient may break downstream systems that assume they match.")
            }
        }
        grad = gradient
    }

    /// Drops `grad`, or zeroes it in place (every holder of the gradient sees the zeros, as
    /// PyTorch's `zero_grad(set_to_none=False)` does).
    func clearGrad(setToNone: Bool) {
        guard !setToNone, let existing = grad else {
            grad = nil
            return
        }
        existing.overwrite(with: TensorStorage.float32(filledArray(Float(0), count: existing.count)).converted(to: existing.dtype))
    }

    /// `self += other` elementwise over equal counts, without recording.
    func addInPlace(_ other: Tensor) {
        if dtype == .float64 {
            let add = other.doubles
            guard layout == nil else {
                overwrite(with: .float64(zip(doubles, add).map { $0 + $1 }))
                return
            }
            mutateBuffer { elements in
                guard case .float64(var values) = elements else { return }
                elements = .bool([])
                for i in 0..<Swift.min(values.count, add.count) { values[i] += add[i] }
                elements = .float64(values)
            }
            return
        }
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
            pending = current.dtype == .float64
                ? Tensor(shape: current.shape, values: Kernels.add(current.doubles, grad.doubles))
                : Tensor(shape: current.shape, floats: Kernels.add(current.floats, grad.floats))
            ownsPending = true
        }
    }
}
