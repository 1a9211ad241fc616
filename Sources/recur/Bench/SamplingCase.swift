import Tensors

/// Generation speed of the default samplers: `torch.randn(1_000_000)` and
/// `torch.rand(1_000_000)` from one seeded generator, microseconds per call.
struct SamplingCase {
    let name: String
    let draw: () throws(TensorError) -> Tensor

    static func all(_ generator: Generator) -> [SamplingCase] {
        [
            SamplingCase(name: "randn_1m") { () throws(TensorError) in try Tensor.randn([1_000_000], generator: generator) },
            SamplingCase(name: "rand_1m") { () throws(TensorError) in try Tensor.rand([1_000_000], generator: generator) },
        ]
    }

    /// Sorted microseconds per call over `count` calls, after a warm-up.
    func samples(_ count: Int) throws(TensorError) -> [Double] {
        for _ in 0..<3 { _ = try draw() }
        var samples: [Double] = []
        for _ in 0..<count {
            let start = BenchCommand.now()
            _ = try draw()
            samples.append(BenchCommand.now() - start)
        }
        return samples.sorted()
    }
}
