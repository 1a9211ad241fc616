/// Random tensors as PyTorch's CPU kernels make them: the same generator state gives the
/// same values, drawn in the same order.
extension Tensor {
    /// Standard normal samples (`torch.randn`).
    public static func randn(_ dims: [Int], generator: Generator) throws(TensorError) -> Tensor {
        try normal(mean: 0, std: 1, dims, generator: generator)
    }

    /// Uniform samples in [0, 1) (`torch.rand`).
    public static func rand(_ dims: [Int], generator: Generator) throws(TensorError) -> Tensor {
        let shape = try checked(dims)
        return Tensor(shape: shape, floats: generator.uniformFloats(shape.count, from: 0, to: 1))
    }

    /// Normal samples of the given shape (`torch.normal(mean, std, size)`).
    public static func normal(mean: Double, std: Double, _ dims: [Int], generator: Generator) throws(TensorError) -> Tensor {
        let shape = try checked(dims)
        try checkStd(std)
        return Tensor(shape: shape, floats: generator.normalFloats(shape.count, mean: mean, std: std))
    }

    /// Uniform integers in `low..<high` (`torch.randint`), int64 unless `dtype` says otherwise.
    public static func randint(low: Int64, high: Int64, _ dims: [Int], dtype: DType = .int64, generator: Generator) throws(TensorError) -> Tensor {
        let result = try zeros(dims, dtype: dtype)
        try result.random(from: low, to: high, generator: generator)
        return result
    }

    /// A random permutation of `0..<n` (`torch.randperm`): PyTorch's forward Fisher-Yates,
    /// one 32-bit draw per position.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: Generator) throws(TensorError) -> Tensor {
        guard n >= 0 else { throw .runtime("Trying to create tensor with negative dimension \(n): [\(n)]") }
        _ = try Shape.checkedCount([n])
        var values = (0..<Int64(n)).map { $0 }
        if n > 1 {
            for i in 0..<(n - 1) {
                let z = Int(UInt64(generator.random()) % UInt64(n - i))
                values.swapAt(i, i + z)
            }
        }
        return Tensor(shape: Shape([n]), storage: .int64(values)).to(dtype)
    }

    static func checkStd(_ std: Double) throws(TensorError) {
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(formatScalar(std))") }
    }

    /// A Python-style short number for error texts (`1`, `1.5`, `-0.1`).
    static func formatScalar(_ value: Double) -> String {
        value.rounded() == value && value.magnitude < 1e15 ? String(Int64(value)) : String(value)
    }
}
