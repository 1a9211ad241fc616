/// `torch.nn.functional`: stateless forms of the layers and losses.
public enum Functional {
    /// `F.linear(input, weight, bias)`: one GEMM over all leading dimensions, bias fused.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor?) throws(TensorError) -> Tensor {
        guard input.rank > 0, weight.rank > 0 else {
            throw .runtime("both arguments to linear need to be at least 1D, but they are \(input.rank)D and \(weight.rank)D")
        }
        guard weight.rank <= 2 else {
            throw .runtime("t() expects a tensor with <= 2 dimensions, but self is \(weight.rank)D")
        }
        // A vector of weights and a bias other than one per output: PyTorch's matmul and
        // broadcast add (the bias expanded to the output's shape, or its expand error).
        if weight.rank == 1 || (bias.map { !($0.rank == 1 && $0.count == weight.shape.dims[0]) } ?? false) {
            let product = weight.rank == 1 ? try input.matmul(weight) : try linear(input, weight: weight, bias: nil)
            guard let bias else { return product }
            _ = try bias.expand(product.shape.dims)
            return try product.add(bias)
        }
        guard input.dtype == weight.dtype else { throw linearDTypeError(input.dtype, weight.dtype, hasBias: bias != nil) }
        let k = input.shape.dims[input.rank - 1]
        let out = weight.shape.dims[0]
        let inW = weight.shape.dims[1]
        // The leading dimensions' product, not count / k: zero features still leave rows.
        let rows = input.shape.dims.dropLast().reduce(1, *)
        guard k == inW else {
            if input.rank == 1 {
                throw .runtime("size mismatch, got input (\(out)), mat (\(out)x\(inW)), vec (\(k))")
            }
            throw .matmulShapes(operation: bias == nil ? "mm" : "addmm", left: Shape([rows, k]), right: Shape([inW, out]))
        }
        let name = switch (input.rank, bias != nil) {
        case (2, true): "AddmmBackward0"
        case (2, false): "MmBackward0"
        case (1, false): "SqueezeBackward4"
        default: "UnsafeViewBackward0"
        }
        if input.dtype == .float64 {
            return try linearFloat64(input, weight: weight, bias: bias, rows: rows, k: k, out: out, name: name)
        }
        let x = input.floats
        let w = weight.floats
        let b = bias?.floats
        var y = filledArray(Float(0), count: rows * out)
        y.withUnsafeMutableBufferPointer { py in
            guard let c = py.baseAddress else { return }
            if let b {
                for r in 0..<rows { for j in 0..<out { c[r * out + j] = b[j] } }
            }
            x.withUnsafeBufferPointer { px in
                w.withUnsafeBufferPointer { pw in
                    guard let a = px.baseAddress, let bb = pw.baseAddress else { return }
                    BLAS.gemm(a, transposeA: false, bb, transposeB: true, c, m: rows, n: out, k: k, beta: b == nil ? 0 : 1)
                }
            }
        }
        var dims = input.shape.dims
        dims[dims.count - 1] = out
        let inputs = [input, weight] + (bias.map { [$0] } ?? [])
        let inShape = input.shape
        let needInput = input.requiresGradFlag
        return Tensor(shape: Shape(dims), floats: y).recording(name, inputs) { g in
            let gv = g.floats
            let gx = needInput ? BLAS.product(gv, transposeA: false, w, transposeB: false, m: rows, n: k, k: out) : nil
            var result: [Tensor?] = []
            result.reserveCapacity(3)
            result.append(gx.map { Tensor(shape: inShape, floats: $0) })
            // Parameter gradients go straight into the leaves' .grad when they are leaves.
            result.append(weight.productGradient(gv, transposeA: true, x, transposeB: false, m: out, n: k, k: rows))
            if let bias { result.append(bias.biasGradient(gv, rows: rows, columns: out)) }
            return result
        }
    }

    /// PyTorch's error for a linear layer whose input and weight dtypes differ: with a bias
    /// ATen's linear is addmm; without one, matmul, whose message differs.
    static func linearDTypeError(_ input: DType, _ weight: DType, hasBias: Bool) -> TensorError {
        guard hasBias else {
            return .runtime("expected m1 and m2 to have the same dtype, but got: \(Tensor.cTypeName(input)) != \(Tensor.cTypeName(weight))")
        }
        return .runtime("mat1 and mat2 must have the same dtype, but got \(Tensor.typeWord(input)) and \(Tensor.typeWord(weight))")
    }

    /// `F.embedding(input, weight)`: rows of `weight` at int64 indices.
    public static func embedding(_ indices: Tensor, weight: Tensor, paddingIdx: Int? = nil) throws(TensorError) -> Tensor {
        // int32 indices are read as int64 (the result and gradient are the same).
        let input = indices.dtype == .int32 ? indices.to(.int64) : indices
        guard input.dtype == .int64 else {
            throw .runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.\(Tensor.typeWord(input.dtype))Tensor instead (while checking arguments for embedding)")
        }
        guard weight.rank == 2 else { throw .runtime("'weight' must be 2-D") }
        let rows = weight.shape.dims[0]
        for v in input.int64s where v < 0 || v >= rows {
            throw .index("index out of range in self")
        }
        return try weight.indexed(dim: 0, by: input, name: "EmbeddingBackward0", skippingGradientOf: paddingIdx)
    }

    /// `F.softmax(input, dim)`
    public static func softmax(_ input: Tensor, dim: Int) throws(TensorError) -> Tensor { try input.softmax(dim: dim) }
    /// `F.log_softmax(input, dim)`
    public static func logSoftmax(_ input: Tensor, dim: Int) throws(TensorError) -> Tensor { try input.logSoftmax(dim: dim) }
    /// `F.one_hot(tensor, num_classes=-1)`
    public static func oneHot(_ input: Tensor, numClasses: Int = -1) throws(TensorError) -> Tensor {
        try Tensor.oneHot(input, numClasses: numClasses)
    }
}

extension Tensor {
    /// The tensor-type word PyTorch uses in messages (`Float`, `Long`, `Bool`).
    static func typeWord(_ dtype: DType) -> String { dtype.scalarTypeName }
}
