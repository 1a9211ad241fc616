/// The in-place samplers (`uniform_`, `normal_`, `random_`, `bernoulli_`, `exponential_`)
/// with PyTorch's kernels and argument checks.
extension Tensor {
    /// `uniform_(from, to)`.
    public func uniform(from: Double = 0, to: Double = 1, generator: Generator) throws(TensorError) {
        try checkFloating("check_uniform_bounds")
        try checkWritable()
        let limit = Double(Float.greatestFiniteMagnitude)
        for (name, bound) in [("from", from), ("to", to)] where !(bound >= -limit && bound <= limit) {
            throw .runtime("\(name) is out of bounds for float")
        }
        guard from <= to else {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(Tensor.formatScalar(from)) > to=\(Tensor.formatScalar(to))")
        }
        guard to - from <= limit else {
            throw .runtime("uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=\(Tensor.formatScalar(to)) and from=\(Tensor.formatScalar(from)) which result in to-from to exceed the limit")
        }
        if dtype == .float64 {
            overwrite(with: .float64(generator.uniformDoubles(count, from: from, to: to)))
        } else {
            overwrite(with: .float32(generator.uniformFloats(count, from: from, to: to)))
        }
    }

    /// `normal_(mean, std)`.
    public func normal(mean: Double = 0, std: Double = 1, generator: Generator) throws(TensorError) {
        try checkFloating("normal_kernel_cpu")
        try checkWritable()
        try Tensor.checkStd(std)
        if dtype == .float64 {
            overwrite(with: .float64(generator.normalDoubles(count, mean: mean, std: std)))
        } else {
            overwrite(with: .float32(generator.normalFloats(count, mean: mean, std: std)))
        }
    }

    /// `exponential_(lambd)`: double-precision inverse-CDF samples rounded to float.
    public func exponential(lambda: Double = 1, generator: Generator) throws(TensorError) {
        guard dtype.isFloatingPoint else {
            throw .runtime("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(Tensor.typeName(dtype))")
        }
        try checkWritable()
        guard lambda > 0 else { throw .runtime("exponential_ expects lambda > 0.0, but found lambda=\(Tensor.formatScalar(lambda))") }
        let samples = (0..<count).map { _ in generator.exponentialDouble(lambda: lambda) }
        overwrite(with: TensorStorage.float64(samples).converted(to: dtype))
    }

    /// `random_()`, `random_(to)`, `random_(from, to)`: integers drawn as PyTorch draws them for
    /// this dtype (`from` nil: 0 with the dtype's full range).
    public func random(from: Int64? = nil, to: Int64? = nil, generator: Generator) throws(TensorError) {
        try checkWritable()
        let n = count
        guard let to else {
            guard from == nil else { throw .runtime("random_ from without to is not supported") }
            // Full range: int64 takes 63 bits of a 64-bit draw, float 2^24 + 1 values, bool one bit.
            // int32 and uint8 take a 32-bit draw modulo their maximum + 1; float64 2^53 + 1
            // values of a 64-bit draw.
            switch dtype {
            case .int64:
                overwrite(with: .int64((0..<n).map { _ in Int64(generator.random64() % (UInt64(Int64.max) + 1)) }))
            case .int32:
                overwrite(with: .int32((0..<n).map { _ in Int32(UInt64(generator.random()) % (UInt64(Int32.max) + 1)) }))
            case .uint8:
                overwrite(with: .uint8((0..<n).map { _ in UInt8(generator.random() % 256) }))
            case .float64:
                overwrite(with: .float64((0..<n).map { _ in Double(generator.random64() % (1 << 53 + 1)) }))
            case .float32:
                overwrite(with: .float32(makeFloats(n) { out in
                    for i in out.indices { out[i] = Float(generator.random() % (1 << 24 + 1)) }
                }))
            case .bool:
                overwrite(with: .bool((0..<n).map { _ in generator.random() & 1 == 1 }))
            }
            return
        }
        let low = from ?? 0
        guard low < to else {
            throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(to)")
        }
        let range = UInt64(bitPattern: to &- low)
        if dtype.isFloatingPoint && range >= 1 << 32 {
            // PyTorch first moves such bounds to representable floats; Recur does not follow that.
            throw .runtime("random_ on a float tensor supports ranges below 2^32 in Recur, got from=\(low) to=\(to)")
        }
        switch dtype {
        case .int64, .int32, .uint8, .float64:
            let draws = (0..<n).map { _ in generator.integer(range: range, base: low, wide: true) }
            overwrite(with: TensorStorage.int64(draws).converted(to: dtype))
        case .float32:
            overwrite(with: .float32(makeFloats(n) { out in
                for i in out.indices { out[i] = Float(generator.integer(range: range, base: low, wide: true)) }
            }))
        case .bool:
            overwrite(with: .bool((0..<n).map { _ in generator.integer(range: range, base: low, wide: false) != 0 }))
        }
    }

    /// `bernoulli_(p)` with a scalar probability: double uniforms compared with `p` (PyTorch's
    /// portable kernel; its Intel MKL build draws a different stream).
    public func bernoulli(probability p: Double, generator: Generator) throws(TensorError) {
        try checkWritable()
        guard p >= 0, p <= 1 else { throw .runtime("bernoulli_ expects p to be in [0, 1], but got p=\(Tensor.formatScalar(p))") }
        let draws = (0..<count).map { _ in generator.uniformDouble() < p }
        overwrite(with: TensorStorage.bool(draws).converted(to: dtype))
    }

    /// `bernoulli_(p)` with a probability tensor broadcast to this shape: float uniforms
    /// compared with each probability.
    public func bernoulli(probabilities: Tensor, generator: Generator) throws(TensorError) {
        try checkWritable()
        let p = try probabilities.to(.float32).expand(shape.dims).floats
        var draws = [Bool]()
        draws.reserveCapacity(count)
        for value in p {
            guard value >= 0, value <= 1 else {
                throw .runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
            }
            draws.append(generator.uniformFloat() < value)
        }
        overwrite(with: TensorStorage.bool(draws).converted(to: dtype))
    }

    /// `torch.bernoulli(input)`: 0/1 samples with the probabilities in `self`, same dtype.
    public func bernoulliSample(generator: Generator) throws(TensorError) -> Tensor {
        let result = Tensor(shape: shape, storage: storage)
        try result.bernoulli(probabilities: self, generator: generator)
        return result
    }

    private func checkFloating(_ kernel: String) throws(TensorError) {
        guard dtype.isFloatingPoint else { throw .other(.notImplementedError, "\"\(kernel)\" not implemented for '\(Tensor.typeName(dtype))'") }
    }

    /// In-place fills are refused on leaves that require grad, as PyTorch refuses them, and
    /// on graph results, which Recur does not re-record.
    private func checkWritable() throws(TensorError) {
        guard requiresGrad && GradMode.isEnabled else { return }
        if isLeaf { throw .runtime("a leaf Variable that requires grad is being used in an in-place operation.") }
        throw .runtime("in-place random fills of tensors that are part of an autograd graph are not supported in Recur; use torch.no_grad()")
    }

    /// PyTorch's scalar type name (`Float`, `Long`, `Bool`).
    static func typeName(_ dtype: DType) -> String { dtype.scalarTypeName }
}
