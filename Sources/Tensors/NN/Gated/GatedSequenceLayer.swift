/// What `LSTM` and `GRU` share: their stacked layers and the attributes and parameter
/// listing PyTorch gives both. The subclasses add their name and their call forms, and
/// conform to `Module` through these members.
public class GatedSequenceLayer {
    let sequence: GatedSequence
    /// Training mode flag.
    public var isTraining = true

    init(
        _ kind: GatedKind, inputSize: Int, hiddenSize: Int, numLayers: Int, bias: Bool, batchFirst: Bool,
        generator: Generator
    ) throws(TensorError) {
        sequence = try GatedSequence(
            kind, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, generator: generator)
    }

    /// Input feature count.
    public var inputSize: Int { sequence.inputSize }
    /// Hidden state size (and, for LSTM, the cell state's).
    public var hiddenSize: Int { sequence.hiddenSize }
    /// Stacked layer count.
    public var numLayers: Int { sequence.numLayers }
    /// Whether inputs and outputs are (batch, seq, feature).
    public var batchFirst: Bool { sequence.batchFirst }
    /// Whether the layers have `bias_ih` and `bias_hh` (`bias=`).
    public var hasBias: Bool { sequence.layers.first?.biasIH != nil }

    /// weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l1, ...
    public var ownParameters: [(name: String, tensor: Tensor)] { sequence.parameters }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 8, num_layers=2, batch_first=True` (defaults omitted, as PyTorch prints).
    public var extraRepr: String { sequence.extraRepr }
}
