/// The memory order PyTorch's TensorIterator gives the result of an element-wise operation:
/// row-major when every operand is contiguous (the lesson's case, checked first and kept
/// free), the operands' strides when they all share one shape and one non-overlapping, dense
/// layout, and otherwise the dimensions ordered by the operands' strides (`reorder_dimensions`:
/// the first operand with a strict opinion on each pair decides; broadcast dimensions have
/// none) and the result laid out densely in that order (`compatible_stride`).
extension Tensor {
    /// This freshly computed result (row-major, not yet seen by anyone) re-laid in the order
    /// TensorIterator would allocate it for its operand; itself when that order is row-major.
    /// The operands are passed one by one so the contiguous case allocates nothing.
    @inline(__always)
    func laidOut(like a: Tensor) -> Tensor {
        a.layout == nil ? self : relaid([a])
    }

    /// `laidOut` for two operands, in the order the operation takes them.
    @inline(__always)
    func laidOut(like a: Tensor, _ b: Tensor) -> Tensor {
        a.layout == nil && b.layout == nil ? self : relaid([a, b])
    }

    /// `laidOut` for three operands (`where`).
    @inline(__always)
    func laidOut(like a: Tensor, _ b: Tensor, _ c: Tensor) -> Tensor {
        a.layout == nil && b.layout == nil && c.layout == nil ? self : relaid([a, b, c])
    }

    private func relaid(_ operands: [Tensor]) -> Tensor {
        // fast_setup_type CONTIGUOUS needs every operand in the result's shape: a broadcast
        // one, or a Python number (a 0-dim operand), sends even contiguous operands with
        // unusual strides on size-1 dimensions through `reorder_dimensions`.
        guard rank > 1, count > 1, alias == nil, !operands.allSatisfy({ $0.isContiguous && $0.shape == shape }),
              let strides = Tensor.iteratorStrides(operands, shape: shape)
        else { return self }
        return relaid(strides: strides)
    }

    /// This fresh row-major result of `empty_like(a)` (and of the copies made as it is:
    /// `clone`, `to`, `zeros_like`, `ones_like`) laid out as PyTorch's `preserve_format` lays
    /// it: `a`'s own strides when `a` is non-overlapping and dense (those of its size-1
    /// dimensions included), otherwise TensorIterator's order.
    @inline(__always)
    func preservingLayout(of a: Tensor) -> Tensor {
        guard let layout = a.layout else { return self }
        guard a.isNonOverlappingAndDense else { return relaid([a]) }
        return alias != nil || layout.strides == shape.strides ? self : relaid(strides: layout.strides)
    }

    /// This fresh row-major tensor (no views, not seen by anyone) with its elements moved to
    /// a dense layout of `strides`.
    func relaid(strides: [Int]) -> Tensor {
        let layout = ViewLayout(strides: strides, offset: 0)
        var memory = storage
        memory.scatter(storage, at: layout.positions(shape.dims))
        // A buffer made already is the one autograd saved (with its version): keep it.
        switch elements {
        case .owned: elements = .shared(TensorBuffer(memory))
        case .shared(let buffer): buffer.elements = memory
        }
        alias = Alias(layout: layout, base: nil)
        return self
    }

    /// The result strides TensorIterator computes for `operands` broadcast to `shape`, or nil
    /// when they are row-major.
    static func iteratorStrides(_ operands: [Tensor], shape: Shape) -> [Int]? {
        let dims = shape.dims
        let n = dims.count
        // fast_setup_type NON_OVERLAPPING_DENSE: one shape and one dense layout for all.
        if let first = operands.first, operands.allSatisfy({ $0.shape == shape }) {
            let strides = first.strides
            if operands.allSatisfy({ $0.strides == strides }), isNonOverlappingAndDense(dims, strides) {
                return ViewLayout.isRowMajor(dims, strides) ? nil : strides
            }
        }
        // Each operand's strides over the broadcast shape: 0 where it is broadcast.
        let broadcast: [[Int]] = operands.map { t in
            let strides = t.strides
            let lead = n - t.rank
            return (0..<n).map { i in
                let j = i - lead
                guard j >= 0, !(t.shape.dims[j] == 1 && dims[i] != 1) else { return 0 }
                return strides[j]
            }
        }
        // perm[0] is the fastest-moving dimension.
        let perm = IterationOrder.sorted(n) { dim0, dim1 in
            for strides in broadcast {
                let (s0, s1) = (strides[dim0], strides[dim1])
                if s0 == 0 || s1 == 0 { continue }
                if s0 < s1 { return -1 }
                if s0 > s1 { return 1 }
                if dims[dim0] > dims[dim1] { return 1 }
            }
            return 0
        }
        if perm == Array((0..<n).reversed()) { return nil }
        var strides = [Int](repeating: 0, count: n)
        var next = 1
        for d in perm {
            strides[d] = next
            next *= dims[d]
        }
        return strides
    }

    /// c10's `is_non_overlapping_and_dense`: the dimensions of size 2 or more, sorted by
    /// stride, step through the elements without gaps or overlap.
    static func isNonOverlappingAndDense(_ dims: [Int], _ strides: [Int]) -> Bool {
        if dims.count == 1 { return dims[0] < 2 || strides[0] == 1 }
        let order = dims.indices.filter { dims[$0] >= 2 }.sorted { strides[$0] < strides[$1] }
        var required = 1
        for d in order {
            guard strides[d] == required else { return false }
            required *= dims[d]
        }
        return true
    }
}
