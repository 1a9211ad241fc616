/// `nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False)`: a
/// multi-layer gated recurrent unit returning `(output, h_n)`. Gates r, z, n are stacked in
/// that order in `weight_ih_l{k}` (3*hidden, input) and `weight_hh_l{k}`, and
/// `n = tanh(W_in x + b_in + r * (W_hn h + b_hn))`, as PyTorch computes it.
public final class GRU: Module {
    let sequence: GatedSequence
    /// Training mode flag.
    public var isTraining = true

    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(
        inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
        generator: Generator
    ) throws(TensorError) {
        sequence = try GatedSequence(
            .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, generator: generator)
    }

    /// Input feature count.
    public var inputSize: Int { sequence.inputSize }
    /// Hidden state size.
    public var hiddenSize: Int { sequence.hiddenSize }
    /// Stacked layer count.
    public var numLayers: Int { sequence.numLayers }
    /// Whether inputs and outputs are (batch, seq, feature).
    public var batchFirst: Bool { sequence.batchFirst }
    /// Whether the layers have `bias_ih` and `bias_hh` (`bias=`).
    public var hasBias: Bool { sequence.layers.first?.biasIH != nil }

    /// "GRU"
    public var typeName: String { "GRU" }
    /// weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l1, ...
    public var ownParameters: [(name: String, tensor: Tensor)] { sequence.parameters }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 8, num_layers=2, batch_first=True` (defaults omitted, as PyTorch prints).
    public var extraRepr: String { sequence.extraRepr }

    /// Runs the sequence. `input` is (seq, batch, input_size), (batch, seq, input_size) when
    /// batch_first, or unbatched (seq, input_size); `h0` is (num_layers, batch, hidden) or
    /// (num_layers, hidden), zeros when nil. Returns `(output, h_n)`.
    public func callAsFunction(_ input: Tensor, _ h0: Tensor? = nil) throws(TensorError) -> (output: Tensor, hN: Tensor) {
        let (output, hN, _) = try sequence.run(input, h0: h0, c0: nil)
        return (output, hN)
    }

    /// `forward(input, h_0=None)` returning `[output, h_n]`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...2, typeName)
        let (output, hN) = try self(inputs[0], inputs.count > 1 ? inputs[1] : nil)
        return [output, hN]
    }
}
