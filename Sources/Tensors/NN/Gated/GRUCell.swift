/// `nn.GRUCell(input_size, hidden_size, bias=True)`: one GRU step returning h', with gates
/// r, z, n stacked in `weight_ih` (3*hidden, input) and `weight_hh`.
public final class GRUCell: GatedCellLayer, Module {
    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, generator: Generator) throws(TensorError) {
        try super.init(.gru, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    override init(core: GatedCellCore) {
        super.init(core: core)
    }

    /// The same cell over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(GRUCell(core: try core.copy(copier)))
    }

    /// "GRUCell"
    public var typeName: String { "GRUCell" }

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
