/// What `LSTM` and `GRU` share: their stacked layers and the attributes and parameter
/// listing PyTorch gives both. The subclasses add their name and their call forms, and
/// conform to `Module` through these members.
public class GatedSequenceLayer {
    let sequence: GatedSequence
    /// Training mode flag.
    public var isTraining = true

    init(
        _ kind: GatedKind, inputSize: Int, hiddenSize: Int, numLayers: Int, bias: Bool, batchFirst: Bool,
        options: RecurrentOptions, projection: Int = 0, generator: Generator
    ) throws(TensorError) {
        sequence = try GatedSequence(
            kind, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, options: options, projection: projection, generator: generator)
    }

    /// A layer over `sequence` (a copy's).
    init(sequence: GatedSequence) {
        self.sequence = sequence
    }

    /// `dropout=` and `bidirectional=`.
    public var options: RecurrentOptions { sequence.options }

    /// Runs a packed sequence (`forward(PackedSequence, hx)`): the output packed as the
    /// input, and the final states of each sequence's last step in the input's batch order.
    public func callAsFunction(packed input: PackedSequence, h0: Tensor?, c0: Tensor?) throws(TensorError) -> PackedResult {
        guard sequence.projection == 0 else {
            throw .other(.notImplementedError, "LSTM with proj_size takes a padded tensor in Recur, not a PackedSequence")
        }
        return try sequence.options.runPacked(
            sequence.stack, input, h0: h0, c0: c0, training: isTraining, inputSize: inputSize,
            generator: sequence.generator)
    }

    /// Input feature count.
    public var inputSize: Int { sequence.inputSize }
    /// Hidden state size (and, for LSTM, the cell state's).
    public var hiddenSize: Int { sequence.hiddenSize }
    /// An LSTM's `proj_size` (0: none).
    public var projectionSize: Int { sequence.projection }
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
