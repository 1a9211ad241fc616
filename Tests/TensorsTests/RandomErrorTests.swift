import Testing
@testable import Tensors

/// The samplers' argument errors carry PyTorch's exception class and text.
@Suite struct RandomErrorTests {
    static var g: Generator { Generator(seed: 0) }
    static let cases: [String: @Sendable () throws(TensorError) -> Void] = [
        "uniform_bounds": { () throws(TensorError) in try Tensor.zeros([3]).uniform(from: 1, to: 0, generator: g) },
        "uniform_infinite": { () throws(TensorError) in try Tensor.zeros([3]).uniform(from: -.infinity, to: 0, generator: g) },
        "uniform_span": { () throws(TensorError) in try Tensor.zeros([3]).uniform(from: -3e38, to: 3e38, generator: g) },
        "normal_std": { () throws(TensorError) in try Tensor.zeros([3]).normal(mean: 0, std: -1, generator: g) },
        "bernoulli_p": { () throws(TensorError) in try Tensor.zeros([3]).bernoulli(probability: 1.5, generator: g) },
        "bernoulli_tensor": { () throws(TensorError) in _ = try Tensor(floats: [0.5, 1.5], shape: Shape([2])).bernoulliSample(generator: g) },
        "exponential_lambda": { () throws(TensorError) in try Tensor.zeros([3]).exponential(lambda: 0, generator: g) },
        "randint_range": { () throws(TensorError) in _ = try Tensor.randint(low: 5, high: 2, [3], generator: g) },
        "randperm_negative": { () throws(TensorError) in _ = try Tensor.randperm(-1, generator: g) },
        "multinomial_dims": { () throws(TensorError) in _ = try Tensor.ones([2, 2, 2]).multinomial(1, generator: g) },
        "multinomial_too_many": { () throws(TensorError) in _ = try Tensor.ones([3]).multinomial(4, generator: g) },
        "multinomial_negative": { () throws(TensorError) in _ = try Tensor(floats: [1, -1], shape: Shape([2])).multinomial(1, generator: g) },
        "multinomial_negative_replacement": { () throws(TensorError) in
            _ = try Tensor(floats: [1, -1], shape: Shape([2])).multinomial(2, replacement: true, generator: g)
        },
        "multinomial_zero": { () throws(TensorError) in _ = try Tensor.zeros([3]).multinomial(1, generator: g) },
        "multinomial_no_samples": { () throws(TensorError) in _ = try Tensor.ones([3]).multinomial(0, generator: g) },
        "multinomial_long": { () throws(TensorError) in _ = try Tensor(int64s: [1, 2], shape: Shape([2])).multinomial(1, generator: g) },
        "uniform_long": { () throws(TensorError) in try Tensor.zeros([3], dtype: .int64).uniform(generator: g) },
        "normal_long": { () throws(TensorError) in try Tensor.zeros([3], dtype: .int64).normal(generator: g) },
        "exponential_long": { () throws(TensorError) in try Tensor.zeros([3], dtype: .int64).exponential(generator: g) },
        "set_state_size": { () throws(TensorError) in try Generator().setState([UInt8](repeating: 0, count: 10)) },
        "dropout_p": { () throws(TensorError) in _ = try Functional.dropout(Tensor.ones([3]), p: 1.5, generator: g) },
        "fan_1d": { () throws(TensorError) in try Tensor.zeros([3]).xavierUniform(generator: g) },
        "leaf_in_place": { () throws(TensorError) in
            let t = try Tensor.zeros([3]).parameter()
            try t.uniform(generator: g)
        },
    ]

    @Test func everyFixtureErrorIsCovered() throws {
        #expect(Set(try RandomFixtures.load().errors.keys) == Set(Self.cases.keys))
    }

    @Test(arguments: Array(cases.keys).sorted())
    func matchesPyTorch(_ name: String) throws {
        let expected = try #require(try RandomFixtures.load().errors[name])
        let error = expectTensorError { () throws(TensorError) in try Self.cases[name]?() }
        #expect(error?.kind.pythonName == expected.first)
        #expect(error?.message == expected.last)
    }
}
