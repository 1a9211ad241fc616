/// `nn.LSTMCell(input_size, hidden_size, bias=True)`: one LSTM step returning `(h', c')`,
/// with gates i, f, g, o stacked in `weight_ih` (4*hidden, input) and `weight_hh`.
public final class LSTMCell: GatedCellLayer, Module {
    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, generator: Generator) throws(TensorError) {
        try super.init(.lstm, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    override init(core: GatedCellCore) {
        super.init(core: core)
    }

    /// The same cell over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(LSTMCell(core: try core.copy(copier)))
    }

    /// "LSTMCell"
    public var typeName: String { "LSTMCell" }

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
