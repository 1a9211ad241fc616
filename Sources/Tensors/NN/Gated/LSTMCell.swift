/// `nn.LSTMCell(input_size, hidden_size, bias=True)`: one LSTM step returning `(h', c')`,
/// with gates i, f, g, o stacked in `weight_ih` (4*hidden, input) and `weight_hh`.
public final class LSTMCell: Module {
    let core: GatedCellCore
    /// Training mode flag.
    public var isTraining = true

    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, generator: Generator) throws(TensorError) {
        core = try GatedCellCore(.lstm, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    /// Input feature count.
    public var inputSize: Int { core.inputSize }
    /// Hidden and cell state size.
    public var hiddenSize: Int { core.hiddenSize }
    /// Whether the cell has `bias_ih` and `bias_hh` (`bias=`).
    public var hasBias: Bool { core.weights.biasIH != nil }

    /// "LSTMCell"
    public var typeName: String { "LSTMCell" }
    /// weight_ih, weight_hh, bias_ih, bias_hh
    public var ownParameters: [(name: String, tensor: Tensor)] { core.weights.named(suffix: "") }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 8` or `4, 8, bias=False`.
    public var extraRepr: String { core.extraRepr }

    /// One step: `input` (batch, input_size) or (input_size); `state` `(h, c)` likewise
    /// shaped, zeros when nil. Returns `(h', c')`.
    public func callAsFunction(_ input: Tensor, _ state: (h: Tensor, c: Tensor)? = nil) throws(TensorError) -> (h: Tensor, c: Tensor) {
        let (h, c) = try core.step(input, states: state.map { [$0.h, $0.c] } ?? [])
        return (h, c ?? h)
    }

    /// `forward(input, (h, c))` with the states flattened: `[input]` or `[input, h, c]`,
    /// returning `[h', c']`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        guard inputs.count == 1 || inputs.count == 3 else {
            throw .runtime("lstm_cell expects two hidden states")
        }
        let (h, c) = try self(inputs[0], inputs.count == 3 ? (inputs[1], inputs[2]) : nil)
        return [h, c]
    }
}
