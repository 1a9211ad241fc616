/// What `LSTMCell` and `GRUCell` share: their weights and the attributes and parameter
/// listing PyTorch gives both. The subclasses add their name and their call forms, and
/// conform to `Module` through these members.
public class GatedCellLayer {
    let core: GatedCellCore
    /// Training mode flag.
    public var isTraining = true

    init(_ kind: GatedKind, inputSize: Int, hiddenSize: Int, bias: Bool, generator: Generator) throws(TensorError) {
        core = try GatedCellCore(kind, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    /// A cell over `core` (a copy's).
    init(core: GatedCellCore) {
        self.core = core
    }

    /// Input feature count.
    public var inputSize: Int { core.inputSize }
    /// Hidden state size (and, for LSTMCell, the cell state's).
    public var hiddenSize: Int { core.hiddenSize }
    /// Whether the cell has `bias_ih` and `bias_hh` (`bias=`).
    public var hasBias: Bool { core.weights.biasIH != nil }

    /// weight_ih, weight_hh, bias_ih, bias_hh
    public var ownParameters: [(name: String, tensor: Tensor)] { core.weights.named(suffix: "") }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 8` or `4, 8, bias=False`.
    public var extraRepr: String { core.extraRepr }
}
