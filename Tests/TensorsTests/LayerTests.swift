import Testing
@testable import Tensors

@Suite struct LayerTests {
    static func make(_ spec: Fixtures.LayerCase, _ generator: Generator) throws -> any Module {
        let a = spec.args
        let nonlinearity = Nonlinearity(rawValue: a.nonlinearity ?? "tanh") ?? .tanh
        switch spec.type {
        case "Linear":
            return try Linear(inFeatures: a.in_features ?? 0, outFeatures: a.out_features ?? 0, bias: a.bias ?? true, generator: generator)
        case "Embedding":
            return try Embedding(numEmbeddings: a.num_embeddings ?? 0, embeddingDim: a.embedding_dim ?? 0, generator: generator)
        case "RNNCell":
            return try RNNCell(inputSize: a.input_size ?? 0, hiddenSize: a.hidden_size ?? 0, bias: a.bias ?? true, nonlinearity: nonlinearity, generator: generator)
        case "RNN":
            return try RNN(
                inputSize: a.input_size ?? 0, hiddenSize: a.hidden_size ?? 0, numLayers: a.num_layers ?? 1,
                nonlinearity: nonlinearity, bias: a.bias ?? true, batchFirst: a.batch_first ?? false, generator: generator)
        default:
            throw FixtureError.missing("a Swift constructor for layer type \(spec.type)")
        }
    }

    static let cases = [
        "linear", "linear_nobias_3d", "linear_1d", "embedding", "rnncell", "rnncell_relu_nobias", "rnncell_noh",
        "rnncell_unbatched", "rnn", "rnn_noh", "rnn_2layer", "rnn_relu", "rnn_nobias", "rnn_batch_first",
        "rnn_unbatched", "rnn_all", "rnn_wide", "rnn_unbatched_batch_first_noh", "rnncell_unbatched_noh", "rnn_one_step",
    ]

    @Test func everyFixtureLayerIsCovered() throws {
        #expect(Set(try Fixtures.index().layers.keys) == Set(Self.cases))
    }

    @Test(arguments: cases)
    func layerMatchesPyTorch(_ name: String) throws {
        let index = try Fixtures.index()
        let data = try Fixtures.tensors("layers.safetensors")
        let spec = try #require(index.layers[name])
        let layer = try Self.make(spec, Generator(seed: 0))
        #expect(layer.description == spec.repr)
        let prefix = "\(name)/param/"
        let state = data.filter { $0.key.hasPrefix(prefix) }.map { (name: String($0.key.dropFirst(prefix.count)), tensor: $0.value) }
        #expect(Set(state.map(\.name)) == Set(layer.namedParameters().map(\.name)))
        #expect(layer.namedParameters().map(\.name) == spec.parameters.map(\.name), "named_parameters() order")
        #expect(layer.namedParameters().map(\.tensor.shape) == spec.parameters.map { Shape($0.dims) })
        try layer.loadStateDict(state)
        var inputs: [Tensor] = []
        for k in 0..<spec.inputs {
            let t = try data.require("\(name)/in\(k)")
            if t.dtype == .float32 { try t.setRequiresGrad() }
            inputs.append(t)
        }
        let outputs = try layer.forward(inputs)
        #expect(outputs.count == spec.outputs)
        var loss = Tensor(scalar: Float(0))
        for (k, out) in outputs.enumerated() {
            expectClose(out, try data.require("\(name)/out\(k)"), "\(name) out\(k)")
            #expect(out.gradFnName == spec.grad_fns[k], "\(name) grad_fn \(k)")
            loss = try loss + (out * data.require("\(name)/seed\(k)")).sum()
        }
        try loss.backward()
        for (k, input) in inputs.enumerated() where input.dtype == .float32 {
            expectClose(input.grad, try data.require("\(name)/grad_in\(k)"), "\(name) grad_in\(k)")
        }
        for (key, p) in layer.namedParameters() {
            expectClose(p.grad, try data.require("\(name)/grad/\(key)"), "\(name) grad \(key)")
        }
    }

    @Test func directForwardMatchesArrayForward() throws {
        let g = Generator(seed: 3)
        let x = try Tensor.randn([2, 4], generator: g)
        let h = try Tensor.randn([2, 3], generator: g)
        let labels = try Tensor(int64s: [1, 2], shape: Shape([2]))
        let cell = try RNNCell(inputSize: 4, hiddenSize: 3, generator: g)
        let linear = try Linear(inFeatures: 4, outFeatures: 3, generator: g)
        let loss = CrossEntropyLoss()
        let calls: [(any Module, [Tensor])] = [(cell, [x, h]), (cell, [x]), (linear, [x]), (loss, [h, labels]), (Activation(.tanh), [x])]
        for (module, inputs) in calls {
            let direct = try #require(try module.forward(inputs[0], inputs.count > 1 ? inputs[1] : nil))
            let general = try module.forward(inputs)
            #expect(direct.shape == general[0].shape, "\(module.typeName)")
            #expect(direct.floats == general[0].floats, "\(module.typeName)")
        }
        // Forms the direct call does not take go to `forward`, which reports them.
        #expect(try loss.forward(h, nil) == nil)
        #expect(try linear.forward(x, h) == nil)
        let rnn = try RNN(inputSize: 4, hiddenSize: 3, generator: g)
        #expect(try rnn.forward(x, nil) == nil)
    }

    @Test func rowsAreTheSelectionsAlongDimensionZero() throws {
        let g = Generator(seed: 4)
        let t = try Tensor.randn([3, 2, 2], generator: g)
        try t.setRequiresGrad()
        var rows = try TensorRows(t)
        var i = 0
        while let row = rows.next() {
            let selected = try t.select(dim: 0, index: i)
            #expect(row.shape == selected.shape)
            #expect(row.floats == selected.floats)
            #expect(row.gradFnName == "UnbindBackward0")  // as PyTorch names iteration rows
            try (row * Tensor(scalar: Float(i + 1))).sum().backward()
            i += 1
        }
        #expect(i == 3)
        let grad = try #require(t.grad).floats
        let expected: [Float] = (0..<12).map { (k: Int) -> Float in Float(k / 4 + 1) }
        #expect(grad == expected)
        #expect(throws: TensorError.self) { try TensorRows(Tensor(scalar: Float(1))) }
    }

    @Test func defaultInitialisationFollowsPyTorchDistributions() throws {
        let g = Generator(seed: 7)
        let rnn = try RNN(inputSize: 30, hiddenSize: 64, numLayers: 2, generator: g)
        let bound = 1 / Float(64).squareRoot()
        for (name, p) in rnn.namedParameters() {
            let v = p.floats
            #expect(v.allSatisfy { abs($0) <= bound }, "\(name) within U(-1/sqrt(h), 1/sqrt(h))")
        }
        let w = rnn.namedParameters()[1].tensor.floats  // weight_hh_l0, 4096 samples
        let mean = w.reduce(0, +) / Float(w.count)
        let variance = w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(w.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - bound * bound / 3) < 0.1 * bound * bound / 3)
        let linear = try Linear(inFeatures: 100, outFeatures: 50, generator: g)
        #expect(linear.weight.floats.allSatisfy { abs($0) <= 0.1 })
        #expect(linear.bias?.floats.allSatisfy { abs($0) <= 0.1 } == true)
        let emb = try Embedding(numEmbeddings: 100, embeddingDim: 100, generator: g).weight.floats
        let emean = emb.reduce(0, +) / Float(emb.count)
        let evar = emb.map { ($0 - emean) * ($0 - emean) }.reduce(0, +) / Float(emb.count)
        #expect(abs(emean) < 0.05)
        #expect(abs(evar - 1) < 0.05)
    }

    @Test func sameSeedGivesSameWeights() throws {
        let a = try RNN(inputSize: 3, hiddenSize: 4, generator: Generator(seed: 42))
        let b = try RNN(inputSize: 3, hiddenSize: 4, generator: Generator(seed: 42))
        let c = try RNN(inputSize: 3, hiddenSize: 4, generator: Generator(seed: 43))
        #expect(a.parameters().map(\.floats) == b.parameters().map(\.floats))
        #expect(a.parameters().map(\.floats) != c.parameters().map(\.floats))
    }

    @Test func sequentialNamesChildrenAndChainsCalls() throws {
        let g = Generator(seed: 1)
        let net = Sequential([try Linear(inFeatures: 3, outFeatures: 4, generator: g), Activation(.tanh), try Linear(inFeatures: 4, outFeatures: 2, generator: g)])
        #expect(net.namedParameters().map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
        let x = try Tensor.randn([5, 3], generator: g)
        let y = try net.forward([x])
        let first = try #require(net.modules[0] as? Linear)
        let last = try #require(net.modules[2] as? Linear)
        let manual = try last(first(x).tanh())
        #expect(y.count == 1)
        #expect(y[0].floats == manual.floats)
        net.eval()
        #expect(!first.isTraining)
        net.train()
        #expect(first.isTraining)
    }

    @Test func moduleReprsMatchPyTorch() throws {
        let index = try Fixtures.index()
        let g = Generator(seed: 0)
        let built: [String: any Module] = [
            "linear": try Linear(inFeatures: 4, outFeatures: 2, generator: g),
            "linear_nobias": try Linear(inFeatures: 4, outFeatures: 2, bias: false, generator: g),
            "embedding": try Embedding(numEmbeddings: 4, embeddingDim: 10, generator: g),
            "rnncell": try RNNCell(inputSize: 4, hiddenSize: 2, generator: g),
            "rnncell_opts": try RNNCell(inputSize: 4, hiddenSize: 2, bias: false, nonlinearity: .relu, generator: g),
            "rnn": try RNN(inputSize: 4, hiddenSize: 2, generator: g),
            "rnn_layers": try RNN(inputSize: 4, hiddenSize: 2, numLayers: 2, generator: g),
            "rnn_opts": try RNN(inputSize: 4, hiddenSize: 2, numLayers: 2, nonlinearity: .relu, bias: false, batchFirst: true, generator: g),
            "sequential": Sequential([
                try Linear(inFeatures: 2, outFeatures: 3, generator: g), Activation(.tanh),
                Sequential([Activation(.relu), try Embedding(numEmbeddings: 3, embeddingDim: 4, generator: g)]), Activation(.sigmoid),
            ]),
            "cross_entropy": CrossEntropyLoss(),
            "mse": MSELoss(),
        ]
        #expect(Set(built.keys) == Set(index.module_reprs.keys))
        for (name, module) in built {
            #expect(module.description == index.module_reprs[name], "\(name)")
        }
    }

    @Test func stateDictRoundTripsThroughSafetensors() throws {
        let g = Generator(seed: 3)
        let a = try RNN(inputSize: 3, hiddenSize: 4, numLayers: 2, generator: g)
        let b = try RNN(inputSize: 3, hiddenSize: 4, numLayers: 2, generator: g)
        let bytes = try SafeTensors.encode(a.stateDict())
        try b.loadStateDict(SafeTensors.decode(bytes))
        #expect(a.parameters().map(\.floats) == b.parameters().map(\.floats))
        #expect(b.parameters().allSatisfy { $0.requiresGrad && $0.isParameter })
    }

    @Test func nonStrictLoadReportsKeys() throws {
        let g = Generator(seed: 3)
        let linear = try Linear(inFeatures: 2, outFeatures: 2, generator: g)
        let result = try linear.loadStateDict([("weight", Tensor.zeros([2, 2])), ("extra", Tensor.zeros([1]))], strict: false)
        #expect(result.missingKeys == ["bias"])
        #expect(result.unexpectedKeys == ["extra"])
        #expect(linear.weight.floats == [0, 0, 0, 0])
    }
}
