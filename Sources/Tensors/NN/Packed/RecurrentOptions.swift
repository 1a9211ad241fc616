/// `dropout=` and `bidirectional=` of `RNN`, `LSTM` and `GRU`: the parameter layout and
/// names they imply, their repr, and the runs that go through `RecurrentStack`.
public struct RecurrentOptions: Sendable {
    /// The probability of zeroing each output of every layer but the last, in training.
    public let dropout: Double
    /// Whether every layer also runs backwards in time (outputs concatenated).
    public let bidirectional: Bool

    /// Checks `dropout` as PyTorch's `RNNBase` does.
    public init(dropout: Double = 0, bidirectional: Bool = false) throws(TensorError) {
        guard dropout >= 0, dropout <= 1 else {
            throw .value("dropout should be a number in range [0, 1] representing the probability of an element being zeroed")
        }
        self.dropout = dropout
        self.bidirectional = bidirectional
    }

    /// The defaults: no dropout, one direction.
    public init() {
        dropout = 0
        bidirectional = false
    }

    /// 2 when bidirectional, else 1.
    public var directions: Int { bidirectional ? 2 : 1 }

    /// Every layer's weights in PyTorch's registration order (each layer's forward direction
    /// then its reverse); `make` draws one direction's weights for an input width.
    func makeLayers(
        _ numLayers: Int, inputSize: Int, hiddenSize: Int, _ make: (Int) throws(TensorError) -> RecurrentWeights
    ) throws(TensorError) -> [RecurrentWeights] {
        var layers: [RecurrentWeights] = []
        for l in 0..<numLayers {
            for _ in 0..<directions {
                layers.append(try make(l == 0 ? inputSize : hiddenSize * directions))
            }
        }
        return layers
    }

    /// `weight_ih_l0`, ..., `bias_hh_l0`, `weight_ih_l0_reverse`, ..., `weight_ih_l1`, ...
    func named(_ layers: [RecurrentWeights]) -> [(name: String, tensor: Tensor)] {
        layers.enumerated().flatMap { i, w in
            w.named(suffix: "_l\(i / directions)" + (i % directions == 1 ? "_reverse" : ""))
        }
    }

    /// PyTorch's `RNNBase.extra_repr`: the sizes, then each option that is not its default.
    func extraRepr(inputSize: Int, hiddenSize: Int, numLayers: Int, bias: Bool, batchFirst: Bool, projection: Int = 0) -> String {
        var s = "\(inputSize), \(hiddenSize)"
        if projection != 0 { s += ", proj_size=\(projection)" }
        if numLayers != 1 { s += ", num_layers=\(numLayers)" }
        if !bias { s += ", bias=False" }
        if batchFirst { s += ", batch_first=True" }
        if dropout != 0 { s += ", dropout=\(dropout)" }
        if bidirectional { s += ", bidirectional=True" }
        return s
    }

    /// Whether a tensor input needs the layer-by-layer run (the fused kernel runs one
    /// direction without dropout).
    func needsStack(training: Bool) -> Bool {
        bidirectional || (dropout > 0 && training)
    }

    /// Runs time-major `x` (T, batch, features) through `stack` and returns the output as
    /// the layer returns it: (T, batch, D*hidden), batch first when asked, or without the
    /// batch dimension for unbatched input, recorded under `outputName`.
    func runStacked(
        _ stack: RecurrentStack, _ x: Tensor, h0: Tensor?, c0: Tensor?, training: Bool, batched: Bool, batchFirst: Bool,
        outputName: String, generator: Generator
    ) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor?) {
        let (steps, batch, features) = (x.shape.dims[0], x.shape.dims[1], x.shape.dims[2])
        let input = PackedSequence(
            data: try x.reshape([steps * batch, features]), batchSizes: Array(repeating: batch, count: steps), sortedIndices: nil)
        let result = try stack.run(input, h0: h0, c0: c0, dropout: dropout, training: training, generator: generator)
        let width = stack.hidden * directions
        guard batched else {
            let squeeze = "SqueezeBackward1"
            let states = [result.hN.shape.dims[0], stack.hidden]
            return (result.data.packedPart(offset: 0, dims: [steps, width], swapFirstTwo: false, name: squeeze),
                    result.hN.packedPart(offset: 0, dims: states, swapFirstTwo: false, name: squeeze),
                    result.cN?.packedPart(offset: 0, dims: states, swapFirstTwo: false, name: squeeze))
        }
        let output = result.data.packedPart(offset: 0, dims: [steps, batch, width], swapFirstTwo: batchFirst, name: outputName)
        return (output, result.hN, result.cN)
    }

    /// Runs a packed sequence through `stack` as `RNNBase.forward` does: the initial states
    /// (in the caller's batch order) are checked and sorted like the sequences, and the final
    /// states put back in the caller's order.
    func runPacked(
        _ stack: RecurrentStack, _ input: PackedSequence, h0: Tensor?, c0: Tensor?, training: Bool, inputSize: Int,
        generator: Generator
    ) throws(TensorError) -> PackedResult {
        let data = input.data
        guard data.rank == 2 else {
            throw .runtime("input must have 2 dimensions, got \(data.rank)")
        }
        let dtype = stack.weights.first?.weightIH.dtype ?? .float32
        guard data.dtype == dtype else { throw RNN.inputDTypeError(data.dtype, weight: dtype) }
        guard data.shape.dims[1] == inputSize else { throw .rnnInputSize(expected: inputSize, got: data.shape.dims[1]) }
        let sorted = try input.sortedIndices.map { (order) throws(TensorError) in
            try Tensor(int64s: order.map(Int64.init), shape: Shape([order.count]))
        }
        let expected = Shape([stack.weights.count, input.batch, stack.hidden])
        let labels = stack.kind.hasCellState ? ["hidden[0]", "hidden[1]"] : ["hidden"]
        var states: [Tensor?] = []
        for (state, label) in zip([h0, c0], labels) {
            guard let state else {
                states.append(nil)
                continue
            }
            guard state.shape == expected else {
                throw .runtime("Expected \(label) size \(expected.tupleDescription), got \(state.shape.listDescription)")
            }
            states.append(try sorted.map { (index) throws(TensorError) in try state.indexSelect(dim: 1, index: index) } ?? state)
        }
        let result = try stack.run(
            input, h0: states.first ?? nil, c0: states.count > 1 ? states[1] : nil, dropout: dropout, training: training, generator: generator)
        let unsorted = try input.unsortedIndices.map { (order) throws(TensorError) in
            try Tensor(int64s: order.map(Int64.init), shape: Shape([order.count]))
        }
        func restore(_ t: Tensor?) throws(TensorError) -> Tensor? {
            guard let t else { return nil }
            return try unsorted.map { (index) throws(TensorError) in try t.indexSelect(dim: 1, index: index) } ?? t
        }
        return PackedResult(output: input.replacingData(result.data), hN: try restore(result.hN) ?? result.hN, cN: try restore(result.cN))
    }
}

/// What a recurrent layer returns for a packed input: the packed output and the final
/// states, (layers*directions, batch, hidden) in the input's original batch order.
public struct PackedResult {
    /// The top layer's outputs, packed as the input was.
    public let output: PackedSequence
    /// Each layer's and direction's hidden state after each sequence's last step.
    public let hN: Tensor
    /// The LSTM's cell states likewise; nil for RNN and GRU.
    public let cN: Tensor?
}
