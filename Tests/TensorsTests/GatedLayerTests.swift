import Testing
@testable import Tensors

/// LSTM, GRU, LSTMCell and GRUCell against PyTorch: outputs, final states, `grad_fn` names,
/// reprs, parameter names and order, and the gradients of inputs, states and parameters.
@Suite struct GatedLayerTests {
    static let cases = [
        "lstm", "lstm_noh", "lstm_2layer", "lstm_batch_first", "lstm_nobias", "lstm_unbatched",
        "lstm_unbatched_batch_first_noh", "lstm_all", "lstm_one_step", "lstm_wide",
        "gru", "gru_noh", "gru_2layer", "gru_batch_first", "gru_nobias", "gru_unbatched",
        "gru_unbatched_batch_first_noh", "gru_all", "gru_one_step", "gru_wide",
        "lstmcell", "lstmcell_noh", "lstmcell_nobias", "lstmcell_unbatched", "lstmcell_unbatched_noh",
        "grucell", "grucell_noh", "grucell_nobias", "grucell_unbatched", "grucell_unbatched_noh",
    ]

    @Test func everyFixtureLayerIsCovered() throws {
        #expect(Set(try GatedFixtures.index().layers.keys) == Set(Self.cases))
    }

    @Test(arguments: cases)
    func layerMatchesPyTorch(_ name: String) throws {
        let index = try GatedFixtures.index()
        let data = try GatedFixtures.tensors()
        let spec = try #require(index.layers[name])
        let layer = try GatedFixtures.make(spec, Generator(seed: 0))
        #expect(layer.description == spec.repr)
        #expect(layer.namedParameters().map(\.name) == spec.parameters.map(\.name), "named_parameters() order")
        #expect(layer.namedParameters().map(\.tensor.shape) == spec.parameters.map { Shape($0.dims) })
        let prefix = "\(name)/param/"
        let state = data.filter { $0.key.hasPrefix(prefix) }.map { (name: String($0.key.dropFirst(prefix.count)), tensor: $0.value) }
        try layer.loadStateDict(state)
        var inputs: [Tensor] = []
        for k in 0..<spec.inputs {
            let t = try data.require("\(name)/in\(k)")
            try t.setRequiresGrad()
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
        for (k, input) in inputs.enumerated() {
            expectClose(input.grad, try data.require("\(name)/grad_in\(k)"), "\(name) grad_in\(k)")
        }
        for (key, p) in layer.namedParameters() {
            expectClose(p.grad, try data.require("\(name)/grad/\(key)"), "\(name) grad \(key)")
        }
    }

    @Test func moduleReprsMatchPyTorch() throws {
        let index = try GatedFixtures.index()
        let g = Generator(seed: 0)
        let built: [String: any Module] = [
            "lstm": try LSTM(inputSize: 4, hiddenSize: 8, generator: g),
            "lstm_opts": try LSTM(inputSize: 4, hiddenSize: 8, numLayers: 2, batchFirst: true, generator: g),
            "lstm_all": try LSTM(inputSize: 4, hiddenSize: 8, numLayers: 3, bias: false, batchFirst: true, generator: g),
            "gru": try GRU(inputSize: 4, hiddenSize: 8, generator: g),
            "gru_opts": try GRU(inputSize: 4, hiddenSize: 8, numLayers: 2, bias: false, generator: g),
            "lstmcell": try LSTMCell(inputSize: 4, hiddenSize: 8, generator: g),
            "lstmcell_nobias": try LSTMCell(inputSize: 4, hiddenSize: 8, bias: false, generator: g),
            "grucell": try GRUCell(inputSize: 4, hiddenSize: 8, generator: g),
            "grucell_nobias": try GRUCell(inputSize: 4, hiddenSize: 8, bias: false, generator: g),
        ]
        #expect(Set(built.keys) == Set(index.module_reprs.keys))
        for (name, module) in built {
            #expect(module.description == index.module_reprs[name], "\(name)")
        }
    }

    @Test func initialisationFollowsPyTorch() throws {
        let g = Generator(seed: 7)
        let lstm = try LSTM(inputSize: 30, hiddenSize: 32, numLayers: 2, generator: g)
        let bound = 1 / Float(32).squareRoot()
        for (name, p) in lstm.namedParameters() {
            #expect(p.floats.allSatisfy { abs($0) <= bound }, "\(name) within U(-1/sqrt(h), 1/sqrt(h))")
            #expect(p.requiresGrad && p.isParameter)
        }
        let w = lstm.namedParameters()[1].tensor.floats  // weight_hh_l0, 4096 samples
        let mean = w.reduce(0, +) / Float(w.count)
        let variance = w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(w.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - bound * bound / 3) < 0.1 * bound * bound / 3)
        // The same seed draws the same tensors in the same order, whichever gated layer.
        let a = try GRU(inputSize: 3, hiddenSize: 4, generator: Generator(seed: 42))
        let b = try GRUCell(inputSize: 3, hiddenSize: 4, generator: Generator(seed: 42))
        #expect(a.parameters().map(\.floats) == b.parameters().map(\.floats))
        let c = try GRU(inputSize: 3, hiddenSize: 4, generator: Generator(seed: 43))
        #expect(a.parameters().map(\.floats) != c.parameters().map(\.floats))
    }

    /// Stepping a cell through a sequence gives what the one-layer sequence layer gives with
    /// the same weights, forward and backward.
    @Test(arguments: [true, false])
    func cellStepsMatchTheSequenceLayer(_ lstm: Bool) throws {
        let g = Generator(seed: 5)
        let x = try Tensor.randn([4, 2, 3], generator: g)
        try x.setRequiresGrad()
        let cellModule: any Module = lstm
            ? try LSTMCell(inputSize: 3, hiddenSize: 5, generator: g) : try GRUCell(inputSize: 3, hiddenSize: 5, generator: g)
        let layer: any Module = lstm
            ? try LSTM(inputSize: 3, hiddenSize: 5, generator: g) : try GRU(inputSize: 3, hiddenSize: 5, generator: g)
        try layer.loadStateDict(cellModule.stateDict().map { ($0.name + "_l0", $0.tensor) })
        let sequence = try layer.forward([x])
        var states: [Tensor] = []
        var steps: [Tensor] = []
        for t in 0..<4 {
            states = try cellModule.forward([try x.select(dim: 0, index: t)] + states)
            steps.append(states[0])
        }
        let stacked = try Tensor.stack(steps)
        expectClose(stacked, sequence[0], "outputs")
        try stacked.sum().backward()
        let cellGrads = cellModule.parameters().map { $0.grad?.floats ?? [] }
        let cellInputGrad = try #require(x.grad)
        x.grad = nil
        try sequence[0].sum().backward()
        expectClose(x.grad, cellInputGrad, "input gradient")
        for (p, expected) in zip(layer.parameters(), cellGrads) {
            expectClose(p.grad, try Tensor(floats: expected, shape: p.shape), "parameter gradient")
        }
    }

    @Test func noGradModeRecordsNothing() throws {
        let g = Generator(seed: 6)
        let lstm = try LSTM(inputSize: 3, hiddenSize: 4, generator: g)
        let x = try Tensor.randn([2, 1, 3], generator: g)
        let (output, hN, cN) = try GradMode.withoutGrad { () throws(TensorError) in try lstm(x) }
        #expect(output.gradFnName == nil && hN.gradFnName == nil && cN.gradFnName == nil)
        #expect(!output.requiresGrad)
        let (o2, _, _) = try lstm(x)
        #expect(o2.floats == output.floats)
    }

    /// With no input features and no biases every pre-activation is zero: the LSTM's state
    /// stays zero and the GRU's h is (1 - z) * tanh(0) + z * 0 = 0.
    @Test func noInputFeaturesAndNoBiasesGiveZeroStates() throws {
        let g = Generator(seed: 9)
        let x = try Tensor.zeros([3, 2, 0])
        let (lstmOut, _, cN) = try LSTM(inputSize: 0, hiddenSize: 2, bias: false, generator: g)(x)
        let (gruOut, _) = try GRU(inputSize: 0, hiddenSize: 2, bias: false, generator: g)(x)
        #expect(lstmOut.floats == Array(repeating: 0, count: 12) && cN.floats == Array(repeating: 0, count: 4))
        #expect(gruOut.floats == Array(repeating: 0, count: 12))
    }

    @Test func flatForwardTakesOneOrThreeTensorsForLSTM() throws {
        let g = Generator(seed: 8)
        let lstm = try LSTM(inputSize: 3, hiddenSize: 4, generator: g)
        let x = try Tensor.randn([2, 1, 3], generator: g)
        let error = expectTensorError { () throws(TensorError) in _ = try lstm.forward([x, Tensor.zeros([1, 1, 4])]) }
        #expect(error?.kind == .typeError)
        let cell = try LSTMCell(inputSize: 3, hiddenSize: 4, generator: g)
        let cellError = expectTensorError { () throws(TensorError) in _ = try cell.forward([x, Tensor.zeros([1, 4])]) }
        #expect(cellError?.message == "lstm_cell expects two hidden states")
    }
}

/// Stacked gated layers run as a wavefront on two threads and overlap the weight gradients
/// with the walk of the layer below; both give the bits of one layer after another.
@Suite struct GatedWavefrontTests {
    /// 24 steps of batch 32: the second layer's projection is three row blocks (GRU: 341 rows,
    /// across chunk boundaries; LSTM: 256, on them).
    @Test(arguments: [GatedKind.lstm, .gru])
    func wavefrontGivesTheLayerByLayerBits(_ kind: GatedKind) throws {
        let g = Generator(seed: 11)
        let size = GatedSize(steps: 24, batch: 32, inputSize: 16, hidden: 256)
        let layers = try (0..<2).map { l throws(TensorError) in
            try kind.makeWeights(inputSize: l == 0 ? 16 : 256, hiddenSize: 256, bias: true, generator: g)
        }
        let weights = layers.map { GatedValues(kind, $0, hidden: 256) }
        let input = FloatBuffer(g.normalFloats(24 * 32 * 16))
        func run(_ wavefront: Bool) -> [[Float]] {
            let tape = (0..<2).map { _ in GatedKernel.makeTape(kind, h0: nil, c0: nil, size: size) }
            GatedKernel.forward(kind, input: input, weights: weights, tape: tape, size: size, wavefront: wavefront)
            return tape.flatMap { layer in [layer.states, layer.gates].map { $0.array(count: $0.count) } }
        }
        // Compared as one Bool: a failure would otherwise print every element.
        let same = run(true) == run(false)
        #expect(same, "\(kind) wavefront and layer-by-layer results differ")
    }
}
