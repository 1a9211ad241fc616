import Testing
@testable import Tensors

@Suite struct ErrorTests {
    static func g() -> Generator { Generator(seed: 9) }

    /// The operations of the generator's error section, in Swift.
    static let cases: [String: @Sendable () throws(TensorError) -> Void] = [
        "rnn_input_size": { () throws(TensorError) in _ = try RNN(inputSize: 4, hiddenSize: 2, generator: g())(Tensor.zeros([5, 1, 3])) },
        "rnn_hidden_size": { () throws(TensorError) in _ = try RNN(inputSize: 4, hiddenSize: 2, generator: g())(Tensor.zeros([5, 1, 4]), Tensor.zeros([1, 2, 2])) },
        "rnn_hidden_size_unbatched": { () throws(TensorError) in _ = try RNN(inputSize: 4, hiddenSize: 3, generator: g())(Tensor.zeros([5, 4]), Tensor.zeros([1, 2])) },
        "rnn_empty_sequence": { () throws(TensorError) in _ = try RNN(inputSize: 4, hiddenSize: 2, generator: g())(Tensor.zeros([0, 1, 4])) },
        "rnn_rank": { () throws(TensorError) in _ = try RNN(inputSize: 4, hiddenSize: 2, generator: g())(Tensor.zeros([5, 1, 1, 4])) },
        "rnncell_input_size": { () throws(TensorError) in _ = try RNNCell(inputSize: 4, hiddenSize: 2, generator: g())(Tensor.zeros([5, 3])) },
        "rnncell_rank": { () throws(TensorError) in _ = try RNNCell(inputSize: 4, hiddenSize: 2, generator: g())(Tensor.zeros([5, 1, 4])) },
        "mm_shapes": { () throws(TensorError) in _ = try Tensor.zeros([5, 3]).matmul(Tensor.zeros([4, 2])) },
        "linear_shapes": { () throws(TensorError) in _ = try Linear(inFeatures: 4, outFeatures: 2, generator: g())(Tensor.zeros([5, 3])) },
        "broadcast": { () throws(TensorError) in _ = try Tensor.zeros([2, 3]) + Tensor.zeros([4]) },
        "view": { () throws(TensorError) in _ = try Tensor.zeros([2, 3]).view([4, -1]) },
        "dim_range": { () throws(TensorError) in _ = try Tensor.zeros([2, 3]).sum(dim: 5) },
        "index_range": { () throws(TensorError) in _ = try Tensor.zeros([3]).subscript([.index(5)]) },
        "backward_twice": { () throws(TensorError) in
            let a = try Tensor.ones([3])
            try a.setRequiresGrad()
            let y = try (a * a).sum()
            try y.backward()
            try y.backward()
        },
        "backward_no_grad": { () throws(TensorError) in try Tensor.zeros([3]).sum().backward() },
        "backward_nonscalar": { () throws(TensorError) in
            let a = try Tensor.ones([3])
            try a.setRequiresGrad()
            try a.arithmetic(.mul, scalar: .int(2)).backward()
        },
        "missing_key": { () throws(TensorError) in
            try Linear(inFeatures: 4, outFeatures: 2, generator: g()).loadStateDict([("weight", Tensor.zeros([2, 4]))])
        },
        "unexpected_key": { () throws(TensorError) in
            let source = try Linear(inFeatures: 4, outFeatures: 2, generator: g()).stateDict() + [("extra", try Tensor.zeros([1]))]
            try Linear(inFeatures: 4, outFeatures: 2, generator: g()).loadStateDict(source)
        },
        "size_mismatch": { () throws(TensorError) in
            try Linear(inFeatures: 4, outFeatures: 2, generator: g()).loadStateDict(Linear(inFeatures: 3, outFeatures: 2, generator: g()).stateDict())
        },
        "rnn_state_dict": { () throws(TensorError) in
            var sd = try RNN(inputSize: 4, hiddenSize: 2, generator: g()).stateDict().filter { $0.name != "bias_hh_l0" }
            let narrow = try Tensor.zeros([2, 3])
            sd = sd.map { $0.name == "weight_ih_l0" ? ($0.name, narrow) : $0 }
            sd.append(("foo", try Tensor.zeros([1])))
            try RNN(inputSize: 4, hiddenSize: 2, generator: g()).loadStateDict(sd)
        },
        "cross_entropy_target": { () throws(TensorError) in
            _ = try Functional.crossEntropy(Tensor.zeros([2, 3]), target: Tensor(int64s: [0, 5], shape: Shape([2])))
        },
        "cross_entropy_target_size": { () throws(TensorError) in
            _ = try Functional.crossEntropy(Tensor.zeros([2, 3, 4]), target: Tensor(int64s: Array(repeating: 0, count: 10), shape: Shape([2, 5])))
        },
        "cross_entropy_batch": { () throws(TensorError) in
            _ = try Functional.crossEntropy(Tensor.zeros([2, 3]), target: Tensor(int64s: [0, 1, 2], shape: Shape([3])))
        },
        "cat_sizes": { () throws(TensorError) in _ = try Tensor.cat([Tensor.zeros([2, 3]), Tensor.zeros([2, 2])]) },
        "alloc_too_large": { () throws(TensorError) in _ = try Tensor.zeros([1 << 60]) },
        "alloc_broadcast": { () throws(TensorError) in _ = try Tensor.zeros([1 << 20, 1]) + Tensor.zeros([1, 1 << 20]) },
        "storage_overflow": { () throws(TensorError) in _ = try Tensor.zeros([1 << 61]) },
        "storage_overflow_2d": { () throws(TensorError) in _ = try Tensor.zeros([1 << 40, 1 << 40]) },
        "stack_sizes": { () throws(TensorError) in _ = try Tensor.stack([Tensor.zeros([2, 3]), Tensor.zeros([3])]) },
        "embedding_range": { () throws(TensorError) in
            _ = try Embedding(numEmbeddings: 4, embeddingDim: 2, generator: g())(Tensor(int64s: [4], shape: Shape([1])))
        },
        "item": { () throws(TensorError) in _ = try Tensor.zeros([3]).item() },
        "mean_long": { () throws(TensorError) in _ = try Tensor.zeros([2], dtype: .int64).mean() },
        "backward_gradient_shape": { () throws(TensorError) in
            let a = try Tensor.ones([2])
            try a.setRequiresGrad()
            try a.arithmetic(.mul, scalar: .int(3)).backward(gradient: Tensor.ones([3]))
        },
        "one_hot_negative": { () throws(TensorError) in _ = try Functional.oneHot(Tensor(int64s: [0, -1], shape: Shape([2])), numClasses: 3) },
        "one_hot_too_big": { () throws(TensorError) in _ = try Functional.oneHot(Tensor(int64s: [0, 3], shape: Shape([2])), numClasses: 3) },
        "one_hot_empty": { () throws(TensorError) in _ = try Functional.oneHot(Tensor.zeros([0], dtype: .int64)) },
        "sgd_nesterov": { () throws(TensorError) in
            let p = try Tensor.zeros([1])
            try p.setRequiresGrad()
            _ = try SGD([p], lr: 0.1, nesterov: true)
        },
    ]

    @Test func everyFixtureErrorIsCovered() throws {
        #expect(Set(try Fixtures.index().errors.keys) == Set(Self.cases.keys))
    }

    @Test(arguments: cases.keys.sorted())
    func errorTextAndClassMatchPyTorch(_ name: String) throws {
        let expected = try #require(try Fixtures.index().errors[name])
        let body = try #require(Self.cases[name])
        let error = expectTensorError { () throws(TensorError) in try body() }
        #expect(error?.message == expected.message)
        #expect(error?.kind.pythonName == expected.type)
    }
}
