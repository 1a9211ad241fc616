/// `nn.GRUCell(input_size, hidden_size, bias=True)`: one GRU step returning h', with gates
/// r, z, n stacked in `weight_ih` (3*hidden, input) and `weight_hh`.
public final class GRUCell: Module {
    let core: GatedCellCore
    /// Training mode flag.
    public var isTraining = true

    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, generator: Generator) throws(TensorError) {
        core = try GatedCellCore(.gru, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    /// Input feature count.
    public var inputSize: Int { core.inputSize }
    /// Hidden state size.
    public var hiddenSize: Int { core.hiddenSize }
    /// Whether the cell has `bias_ih` and `bias_hh` (`bias=`).
    public var hasBias: Bool { core.weights.biasIH != nil }

    /// "GRUCell"
    public var typeName: String { "GRUCell" }
    /// weight_ih, weight_hh, bias_ih, bias_hh
    public var ownParameters: [(name: String, tensor: Tensor)] { core.weights.named(suffix: "") }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 8` or `4, 8, bias=False`.
    public var extraRepr: String { core.extraRepr }

    /// One step: `input` (batch, input_size) or (input_size), `hidden` likewise or nil for zeros.
    public func callAsFunction(_ input: Tensor, _ hidden: Tensor? = nil) throws(TensorError) -> Tensor {
        try core.step(input, states: hidden.map { [$0] } ?? []).h
    }

    /// `forward(input, hx=None)` without arrays.
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        try self(first, second)
    }

    /// `forward(input, hx=None)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...2, typeName)
        return [try self(inputs[0], inputs.count > 1 ? inputs[1] : nil)]
    }
}
