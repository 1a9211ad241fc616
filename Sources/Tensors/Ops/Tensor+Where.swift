extension Tensor {
    /// `x` where `condition` holds, else `y`, all three broadcast together (`torch.where`).
    public static func `where`(_ condition: Tensor, _ x: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try Tensor.whereRowMajor(condition, x, y).laidOut(like: condition, x, y)
    }

    private static func whereRowMajor(_ condition: Tensor, _ x: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        guard condition.dtype == .bool else {
            throw .runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(condition.dtype == .int64 ? "Long" : "Float")")
        }
        let out = try Shape.broadcast(Shape.broadcast(condition.shape, x.shape), y.shape)
        let dtype = DType.promoted(x.dtype, y.dtype)
        let flags = try condition.expand(out.dims).bools
        let chosen = try x.to(dtype).expand(out.dims).storage.selecting(flags, otherwise: y.to(dtype).expand(out.dims).storage)
        let result = Tensor(shape: out, storage: chosen)
        guard Tensor.needsGraph(x, y) else { return result }
        let (xShape, yShape) = (x.shape, y.shape)
        return result.recording("WhereBackward0", [x, y], savesTensors: false) { g in
            func grads<T: FloatElement>(_ gv: [T]) -> [Tensor?] {
                let gx = zip(gv, flags).map { $1 ? $0 : 0 }
                let gy = zip(gv, flags).map { $1 ? 0 : $0 }
                return [Tensor(shape: xShape, values: Kernels.sum(gx, from: out, to: xShape)),
                        Tensor(shape: yShape, values: Kernels.sum(gy, from: out, to: yShape))]
            }
            return g.dtype == .float64 ? grads(g.doubles) : grads(g.floats)
        }
    }

    /// A copy with `value` (a 0-d tensor) where `mask` (broadcast to this shape) holds
    /// (`masked_fill`).
    public func maskedFill(_ mask: Tensor, value: Tensor) throws(TensorError) -> Tensor {
        try maskedFillRowMajor(mask, value: value).laidOut(like: self, mask)
    }

    private func maskedFillRowMajor(_ mask: Tensor, value: Tensor) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else {
            throw .runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype == .int64 ? "long int" : "float")")
        }
        guard value.rank == 0 else {
            throw .runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.rank) dimension(s).")
        }
        let out = try Shape.broadcast(mask.shape, shape)
        guard out == shape else { throw .runtime("output with shape \(shape.listDescription) doesn't match the broadcast shape \(out.listDescription)") }
        let flags = try mask.expand(shape.dims).bools
        let filled = try value.to(dtype).expand(shape.dims).storage
        let result = Tensor(shape: shape, storage: filled.selecting(flags, otherwise: storage))
        guard Tensor.needsGraph(self) else { return result }
        return result.recording("MaskedFillBackward0", [self], savesTensors: false) { g in
            [g.zeroed(where: flags)]
        }
    }

    /// The coordinates of the nonzero elements, one row each (`nonzero()`).
    public func nonzero() -> Tensor {
        let columns = nonzeroColumns()
        let n = columns.first?.count ?? bools.filter { $0 }.count
        var values: [Int64] = []
        values.reserveCapacity(n * rank)
        for row in 0..<n {
            for column in columns { values.append(column[row]) }
        }
        return Tensor(shape: Shape([n, rank]), storage: .int64(values))
    }

    /// The coordinates of the nonzero elements, one tensor per dimension
    /// (`nonzero(as_tuple=True)`, `torch.where(condition)`).
    public func nonzeroTuple() -> [Tensor] {
        nonzeroColumns().map { Tensor(shape: Shape([$0.count]), storage: .int64($0)) }
    }

    func nonzeroColumns() -> [[Int64]] {
        let rowMajor = shape.strides
        var columns = [[Int64]](repeating: [], count: rank)
        for (k, flag) in bools.enumerated() where flag {
            var rest = k
            for i in 0..<rank {
                columns[i].append(Int64(rest / rowMajor[i]))
                rest %= rowMajor[i]
            }
        }
        return columns
    }
}

extension TensorStorage {
    /// This storage's element where `flags` holds, `other`'s elsewhere (same dtype and count).
    func selecting(_ flags: [Bool], otherwise other: TensorStorage) -> TensorStorage {
        func pick<T>(_ a: [T], _ b: [T]) -> [T] { zip(flags, zip(a, b)).map { $0 ? $1.0 : $1.1 } }
        switch (self, other) {
        case (.float32(let a), .float32(let b)): return .float32(pick(a, b))
        case (.float64(let a), .float64(let b)): return .float64(pick(a, b))
        case (.int64(let a), .int64(let b)): return .int64(pick(a, b))
        case (.int32(let a), .int32(let b)): return .int32(pick(a, b))
        case (.uint8(let a), .uint8(let b)): return .uint8(pick(a, b))
        case (.bool(let a), .bool(let b)): return .bool(pick(a, b))
        case (.float32, _), (.float64, _), (.int64, _), (.int32, _), (.uint8, _), (.bool, _): return other
        }
    }
}
