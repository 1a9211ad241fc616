/// `nn.LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False)`: a
/// multi-layer long short-term memory returning `(output, (h_n, c_n))`. Gates i, f, g, o
/// are stacked in that order in `weight_ih_l{k}` (4*hidden, input) and `weight_hh_l{k}`.
public final class LSTM: GatedSequenceLayer, Module {
    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(
        inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
        options: RecurrentOptions = RecurrentOptions(), projSize: Int = 0, generator: Generator
    ) throws(TensorError) {
        try super.init(
            .lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, options: options, projection: projSize, generator: generator)
    }

    override init(sequence: GatedSequence) {
        super.init(sequence: sequence)
    }

    /// The same layer over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(LSTM(sequence: try sequence.copy(copier)))
    }

    /// "LSTM"
    public var typeName: String { "LSTM" }

    /// Runs the sequence. `input` is (seq, batch, input_size), (batch, seq, input_size) when
    /// batch_first, or unbatched (seq, input_size); `state` is `(h_0, c_0)`, each
    /// (num_layers, batch, hidden) or (num_layers, hidden), zeros when nil.
    public func callAsFunction(
        _ input: Tensor, _ state: (h0: Tensor, c0: Tensor)? = nil
    ) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor) {
        let (output, hN, cN) = try sequence.run(input, h0: state?.h0, c0: state?.c0, training: isTraining)
        return (output, hN, cN ?? hN)
    }

    /// `forward(input, (h_0, c_0))` with the states flattened: `[input]` or `[input, h_0,
    /// c_0]`, returning `[output, h_n, c_n]`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        guard inputs.count == 1 || inputs.count == 3 else {
            throw .type("LSTM.forward() takes an input and optionally a tuple (h_0, c_0), but \(inputs.count) tensors were given")
        }
        let (output, hN, cN) = try self(inputs[0], inputs.count == 3 ? (inputs[1], inputs[2]) : nil)
        return [output, hN, cN]
    }
}
