extension Tensor {
    /// Where each element is NaN (`isnan`), infinite (`isinf`) or finite (`isfinite`).
    public func classify(_ test: (Float) -> Bool) -> Tensor {
        guard case .float32(let v) = storage else {
            // Integers and booleans are finite numbers.
            let finite = test(0)
            return Tensor(shape: shape, storage: .bool([Bool](repeating: finite, count: count)))
        }
        return Tensor(shape: shape, storage: .bool(v.map(test)))
    }

    /// `logical_and`, `logical_or`, `logical_xor` of the elements' truth, broadcasting.
    public func logical(_ other: Tensor, _ combine: @escaping (Bool, Bool) -> Bool) throws(TensorError) -> Tensor {
        let out = try Shape.broadcast(shape, other.shape)
        return Tensor(shape: out, storage: .bool(Kernels.broadcast(bools, shape, other.bools, other.shape, out: out, combine)))
    }

    /// The elements where `mask` holds, as a vector (`masked_select`); the mask broadcasts.
    public func maskedSelect(_ mask: Tensor) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else {
            throw .runtime("masked_select: expected BoolTensor for mask")
        }
        let out = try Shape.broadcast(shape, mask.shape)
        let source = out == shape ? self : try expand(out.dims)
        let flags = out == mask.shape ? mask.bools : try mask.expand(out.dims).bools
        let positions = flags.indices.filter { flags[$0] }
        return source.contiguous().positionsGathered(positions, shape: Shape([positions.count]), name: "MaskedSelectBackward0")
    }

    /// A vector's elements on a diagonal of a new matrix, or a matrix's diagonal as a vector
    /// (`diag`), `offset` above (positive) or below the main diagonal.
    public func diag(_ offset: Int = 0) throws(TensorError) -> Tensor {
        switch rank {
        case 1:
            // PyTorch's size is count + |offset| in wrapping int64 arithmetic, named when negative.
            let n = count &+ (offset < 0 ? 0 &- offset : offset)
            guard n >= 0 else {
                throw .runtime("IntArrayRef contains an int that cannot be represented as a SymInt: \(n)")
            }
            _ = try Shape.checkedCount([n, n], elementSize: dtype.elementSize)
            var positions: [Int] = []
            var source: [Int] = []
            for i in 0..<count {
                let row = offset >= 0 ? i : i - offset
                let column = offset >= 0 ? i + offset : i
                positions.append(row * n + column)
                source.append(i)
            }
            var storage = TensorStorage.zeros(dtype, count: n * n)
            storage.addScattered(self.storage.gather(source), at: positions)
            let result = Tensor(shape: Shape([n, n]), storage: storage)
            let m = count
            return result.recording("DiagEmbedBackward0", [self], savesTensors: false) { g in
                [Tensor(shape: Shape([m]), floats: positions.map { g.floats[$0] })]
            }
        case 2:
            let rows = shape.dims[0], columns = shape.dims[1]
            var positions: [Int] = []
            var i = offset >= 0 ? 0 : Int(clamping: offset.magnitude)
            var j = offset >= 0 ? offset : 0
            while i < rows && j < columns {
                positions.append(i * columns + j)
                i += 1
                j += 1
            }
            // PyTorch takes the diagonal through a copy, and names the node so.
            return contiguous().positionsGathered(positions, shape: Shape([positions.count]), name: "DiagonalBackward0_copy")
        default:
            throw .runtime("diag(): Supports 1D or 2D tensors. Got \(rank)D")
        }
    }

    /// The sum of a matrix's main diagonal (`trace`).
    public func trace() throws(TensorError) -> Tensor {
        guard rank == 2 else { throw .runtime("trace: expected a matrix, but got tensor with dim \(rank)") }
        let diagonal = try diag(0)
        return diagonal.sum().renamedNode("TraceBackward0")
    }

    /// The distinct elements in ascending order, with where each element went and how often
    /// each value occurs (`unique`).
    public func unique() -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let lines = reshapedFree(Shape([count])).orderedLines(dim: 0, descending: false)
        let order = lines.first ?? []
        let flat = storage
        var firsts: [Int] = []
        var inverse = [Int64](repeating: 0, count: count)
        var counts: [Int64] = []
        for position in order {
            if let last = firsts.last, flat.gather([last]).equalElements(flat.gather([position])) {
                counts[counts.count - 1] += 1
            } else {
                firsts.append(position)
                counts.append(1)
            }
            inverse[position] = Int64(firsts.count - 1)
        }
        return (Tensor(shape: Shape([firsts.count]), storage: flat.gather(firsts)),
                Tensor(shape: shape, storage: .int64(inverse)),
                Tensor(shape: Shape([counts.count]), storage: .int64(counts)))
    }
}

extension TensorStorage {
    /// `count` zeros of `dtype`.
    static func zeros(_ dtype: DType, count: Int) -> TensorStorage {
        .filled(.int(0), count: count, dtype: dtype)
    }

    /// Whether two one-element storages hold the same value (NaN never equals NaN).
    func equalElements(_ other: TensorStorage) -> Bool {
        switch (self, other) {
        case (.float32(let a), .float32(let b)): a == b
        case (.float64(let a), .float64(let b)): a == b
        case (.int64(let a), .int64(let b)): a == b
        case (.int32(let a), .int32(let b)): a == b
        case (.uint8(let a), .uint8(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        default: false
        }
    }
}

extension Tensor {
    /// 1 where an element is nonzero, else 0, as int64 (what `count_nonzero` sums).
    public func nonzeroFlags() -> Tensor { Tensor(shape: shape, storage: .int64(bools.map { $0 ? 1 : 0 })) }

    /// How often each value 0, 1, ... occurs in this vector of non-negative integers, or the
    /// sum of `weights` at each (`bincount`), at least `minimumLength` long.
    public func binCounts(weights: Tensor?, minimumLength: Int) throws(TensorError) -> Tensor {
        guard dtype != .float32 else {
            throw .other(.notImplementedError, "\"bincount_cpu\" not implemented for '\(Tensor.typeWord(dtype))'")
        }
        let values = int64s
        guard rank == 1, values.allSatisfy({ $0 >= 0 }) else {
            throw .runtime("bincount only supports 1-d non-negative integral inputs.")
        }
        guard minimumLength >= 0 else { throw .runtime("minlength should be >= 0") }
        let (past, overflow) = Int(values.max() ?? -1).addingReportingOverflow(1)
        guard !overflow else { throw .runtime("Storage size calculation overflowed with sizes=[\(values.max() ?? 0)]") }
        let length = Swift.max(minimumLength, past)
        _ = try Shape.checkedCount([length], elementSize: 8)
        guard let weights else {
            var counts = [Int64](repeating: 0, count: length)
            for v in values { counts[Int(v)] += 1 }
            return Tensor(shape: Shape([length]), storage: .int64(counts))
        }
        guard weights.rank == 1, weights.count == values.count else {
            throw .runtime("weights should be 1-d and have the same length as input")
        }
        var sums = [Double](repeating: 0, count: length)
        for (v, x) in zip(values, weights.floats) { sums[Int(v)] += Double(x) }
        return Tensor(shape: Shape([length]), floats: sums.map { Float($0) })
    }
}
