/// `nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False)`: a
/// multi-layer gated recurrent unit returning `(output, h_n)`. Gates r, z, n are stacked in
/// that order in `weight_ih_l{k}` (3*hidden, input) and `weight_hh_l{k}`, and
/// `n = tanh(W_in x + b_in + r * (W_hn h + b_hn))`, as PyTorch computes it.
public final class GRU: GatedSequenceLayer, Module {
    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(
        inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
        options: RecurrentOptions = RecurrentOptions(), generator: Generator
    ) throws(TensorError) {
        try super.init(
            .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, options: options, generator: generator)
    }

    override init(sequence: GatedSequence) {
        super.init(sequence: sequence)
    }

    /// The same layer over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(GRU(sequence: try sequence.copy(copier)))
    }

    /// "GRU"
    public var typeName: String { "GRU" }

    /// Runs the sequence. `input` is (seq, batch, input_size), (batch, seq, input_size) when
    /// batch_first, or unbatched (seq, input_size); `h0` is (num_layers, batch, hidden) or
    /// (num_layers, hidden), zeros when nil. Returns `(output, h_n)`.
    public func callAsFunction(_ input: Tensor, _ h0: Tensor? = nil) throws(TensorError) -> (output: Tensor, hN: Tensor) {
        let (output, hN, _) = try sequence.run(input, h0: h0, c0: nil, training: isTraining)
        return (output, hN)
    }

    /// `forward(input, h_0=None)` returning `[output, h_n]`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...2, typeName)
        let (output, hN) = try self(inputs[0], inputs.count > 1 ? inputs[1] : nil)
        return [output, hN]
    }
}
