extension Tensor {
    /// Matrix product with `torch.matmul` semantics (dot, mv, mm, batched with broadcasting).
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let ra = rank
        let rb = other.rank
        guard ra > 0, rb > 0 else {
            throw .runtime("both arguments to matmul need to be at least 1D, but they are \(ra)D and \(rb)D")
        }
        guard dtype == other.dtype else {
            throw .runtime("expected m1 and m2 to have the same dtype, but got: \(Tensor.cTypeName(dtype)) != \(Tensor.cTypeName(other.dtype))")
        }
        if dtype == .bool, ra <= 2, rb <= 2, ra + rb > 2 {
            throw .other(.notImplementedError, "\"\(rb == 1 ? "addmv_impl_cpu" : "addmm_impl_cpu_")\" not implemented for 'Bool'")
        }
        let m = ra == 1 ? 1 : shape.dims[ra - 2]
        let k = shape.dims[ra - 1]
        let kb = rb == 1 ? other.shape.dims[0] : other.shape.dims[rb - 2]
        let n = rb == 1 ? 1 : other.shape.dims[rb - 1]
        let batchA = ra > 2 ? Array(shape.dims[..<(ra - 2)]) : []
        let batchB = rb > 2 ? Array(other.shape.dims[..<(rb - 2)]) : []
        guard k == kb else {
            switch (ra, rb) {
            case (1, 1):
                throw .runtime("inconsistent tensor size, expected tensor [\(k)] and src [\(kb)] to have the same number of elements, but got \(k) and \(kb) elements respectively")
            case (2, 1):
                throw .runtime("size mismatch, got input (\(m)), mat (\(m)x\(k)), vec (\(kb))")
            default:
                if rb <= 2 {
                    let rows = batchA.reduce(1, *) * m
                    throw .matmulShapes(operation: "mm", left: Shape([rows, k]), right: rb == 1 ? Shape([kb, 1]) : Shape([kb, n]))
                }
                throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(batchA.reduce(1, *)), \(k)] but got: [\(batchB.reduce(1, *)), \(kb)].")
            }
        }
        let name: String
        switch (ra, rb) {
        case (1, 1): name = "DotBackward0"
        case (2, 1): name = "MvBackward0"
        case (1, 2): name = "SqueezeBackward4"
        case (2, 2): name = "MmBackward0"
        // PyTorch folds a matrix times a batch through transposes and a final contiguous copy.
        case (2, _): name = "CloneBackward0"
        default: name = "UnsafeViewBackward0"
        }
        let dims = MatmulDims(m: m, k: k, n: n, batchA: batchA, batchB: batchB, ra: ra, rb: rb)
        if dtype == .float64 { return try product(other, dims, name: name, Double.self) }
        return try product(other, dims, name: name, Float.self).matchingIntegers(dtype)
    }

    /// The sizes of a product: (m x k) times (k x n), with the operands' batch dimensions.
    struct MatmulDims {
        let m: Int, k: Int, n: Int
        let batchA: [Int], batchB: [Int]
        let ra: Int, rb: Int
    }

    private func product<T: FloatElement>(_ other: Tensor, _ dims: MatmulDims, name: String, _: T.Type) throws(TensorError) -> Tensor {
        let (m, k, n, ra, rb, batchA, batchB) = (dims.m, dims.k, dims.n, dims.ra, dims.rb, dims.batchA, dims.batchB)
        var outDims: [Int]
        let a = T.values(of: self)
        let b = T.values(of: other)
        let sa = shape
        let sb = other.shape
        let result: Tensor
        if rb <= 2 {
            // Fold every batch dimension of the left operand into rows: one GEMM.
            let rows = batchA.reduce(1, *) * m
            outDims = batchA
            if ra > 1 { outDims.append(m) }
            if rb > 1 { outDims.append(n) }
            // PyTorch's allocator error for a product too big for memory, not an abort.
            try MemoryBudget.reserve([rows, n], elementSize: MemoryLayout<T>.stride)
            let c = T.product(a, transposeA: false, b, transposeB: false, m: rows, n: n, k: k)
            try Cancellation.checkpoint()
            result = Tensor(shape: Shape(outDims), values: c)
            if !Tensor.needsGraph(self, other) { return result }
            let needA = requiresGradFlag
            let needB = other.requiresGradFlag
            return result.recording(name, [self, other]) { g in
                let gv = T.values(of: g)
                let ga = needA ? T.product(gv, transposeA: false, b, transposeB: true, m: rows, n: k, k: n) : nil
                let gb = needB ? T.product(a, transposeA: true, gv, transposeB: false, m: k, n: n, k: rows) : nil
                return [ga.map { Tensor(shape: sa, values: $0) }, gb.map { Tensor(shape: sb, values: $0) }]
            }
        }
        let batch = try Shape.broadcast(Shape(batchA), Shape(batchB))
        _ = try Shape.checkedCount(batch.dims + [Swift.max(m, k, n), Swift.max(m, k, n)])
        let count = batch.count
        try MemoryBudget.reserve(batch.dims + [m, k + n], elementSize: MemoryLayout<T>.stride)
        try MemoryBudget.reserve(batch.dims + [m, n], elementSize: MemoryLayout<T>.stride)
        let fullA = Shape(batch.dims + [m, k])
        let fullB = Shape(batch.dims + [k, n])
        let aMat = Shape((ra == 1 ? [] : batchA) + [m, k])
        let bMat = Shape(batchB + [k, n])
        let ea = Kernels.broadcast(a, aMat, [0], .scalar, out: fullA) { x, _ in x }
        let eb = Kernels.broadcast(b, bMat, [0], .scalar, out: fullB) { x, _ in x }
        var c = filledArray(T(0), count: count * m * n)
        Tensor.batchedGemm(ea, false, eb, false, &c, count: count, m: m, n: n, k: k)
        try Cancellation.checkpoint()
        outDims = batch.dims
        if ra > 1 { outDims.append(m) }
        outDims.append(n)
        result = Tensor(shape: Shape(outDims), values: c)
        if !Tensor.needsGraph(self, other) { return result }
        return result.recording(name, [self, other]) { g in
            let gv = T.values(of: g)
            var ga = filledArray(T(0), count: count * m * k)
            var gb = filledArray(T(0), count: count * k * n)
            Tensor.batchedGemm(gv, false, eb, true, &ga, count: count, m: m, n: k, k: n)
            Tensor.batchedGemm(ea, true, gv, false, &gb, count: count, m: k, n: n, k: m)
            return [
                Tensor(shape: sa, values: Kernels.sum(ga, from: fullA, to: aMat)),
                Tensor(shape: sb, values: Kernels.sum(gb, from: fullB, to: bMat)),
            ]
        }
    }

    /// `a @ b`
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor { try a.matmul(b) }

    func matchingIntegers(_ original: DType) -> Tensor {
        original.isFloatingPoint ? self : Tensor(shape: shape, storage: TensorStorage.int64(floats.map { Int64(exactly: $0.rounded()) ?? .min }).converted(to: original))
    }

    /// The C type PyTorch's messages name for a dtype (`float`, `double`, `long int`).
    static func cTypeName(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "float"
        case .float64: "double"
        case .int64: "long int"
        case .int32: "int"
        case .uint8: "unsigned char"
        case .bool: "bool"
        }
    }

    /// One GEMM per batch entry over contiguous (count, rows, cols) buffers.
    static func batchedGemm<T: FloatElement>(
        _ a: [T], _ ta: Bool, _ b: [T], _ tb: Bool, _ c: inout [T], count: Int, m: Int, n: Int, k: Int
    ) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    guard let ba = pa.baseAddress, let bb = pb.baseAddress, let bc = pc.baseAddress else { return }
                    for i in 0..<count where !Cancellation.isRequested {
                        T.gemm(ba + i * m * k, transposeA: ta, bb + i * k * n, transposeB: tb, bc + i * m * n, m: m, n: n, k: k)
                    }
                }
            }
        }
    }
}
