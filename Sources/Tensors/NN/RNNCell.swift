/// `nn.RNNCell(input_size, hidden_size, bias=True, nonlinearity="tanh")`:
/// `h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)`.
public final class RNNCell: Module {
    /// Input feature count.
    public let inputSize: Int
    /// Hidden state size.
    public let hiddenSize: Int
    /// `tanh` or `relu`.
    public let nonlinearity: Nonlinearity
    /// `weight_ih` (hidden, input), `weight_hh` (hidden, hidden), `bias_ih`, `bias_hh` (hidden).
    let weights: RecurrentWeights
    /// Training mode flag.
    public var isTraining = true

    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, nonlinearity: Nonlinearity = .tanh, generator: Generator) throws(TensorError) {
        guard inputSize >= 0, hiddenSize > 0 else {
            throw .value("hidden_size must be greater than zero")
        }
        _ = try Shape.checkedCount([hiddenSize, inputSize + hiddenSize])
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.nonlinearity = nonlinearity
        weights = try RNN.makeWeights(rows: hiddenSize, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    private init(inputSize: Int, hiddenSize: Int, nonlinearity: Nonlinearity, weights: RecurrentWeights) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.nonlinearity = nonlinearity
        self.weights = weights
    }

    /// The same cell over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(RNNCell(inputSize: inputSize, hiddenSize: hiddenSize, nonlinearity: nonlinearity, weights: try copier.weights(weights)))
    }

    /// `weight_ih`
    public var weightIH: Tensor { weights.weightIH }
    /// `weight_hh`
    public var weightHH: Tensor { weights.weightHH }
    /// `bias_ih`
    public var biasIH: Tensor? { weights.biasIH }
    /// `bias_hh`
    public var biasHH: Tensor? { weights.biasHH }

    /// "RNNCell"
    public var typeName: String { "RNNCell" }
    /// weight_ih, weight_hh, bias_ih, bias_hh
    public var ownParameters: [(name: String, tensor: Tensor)] {
        weights.named(suffix: "")
    }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 2, bias=False, nonlinearity=relu` (defaults omitted).
    public var extraRepr: String {
        var s = "\(inputSize), \(hiddenSize)"
        if weights.biasIH == nil { s += ", bias=False" }
        if nonlinearity != .tanh { s += ", nonlinearity=\(nonlinearity.rawValue)" }
        return s
    }

    /// One step: `input` (batch, input_size) or (input_size), `hidden` likewise or nil for zeros.
    public func callAsFunction(_ input: Tensor, _ hidden: Tensor? = nil) throws(TensorError) -> Tensor {
        guard input.rank == 1 || input.rank == 2 else {
            throw .value("RNNCell: Expected input to be 1D or 2D, got \(input.rank)D instead")
        }
        if let hidden, hidden.rank != input.rank {
            throw .value("RNNCell: Expected hidden to be \(input.rank)D, got \(hidden.rank)D instead")
        }
        let batched = input.rank == 2
        let x = batched ? input : try input.unsqueeze(0)
        let batch = x.shape.dims[0]
        let got = x.shape.dims[1]
        guard got == inputSize else {
            throw .runtime("input has inconsistent input_size: got \(got) expected \(inputSize)")
        }
        var h: Tensor?
        if let hidden {
            let hb = batched ? hidden : try hidden.unsqueeze(0)
            guard hb.shape.dims[0] == batch else {
                throw .runtime("Input batch size \(batch) doesn't match hidden0 batch size \(hb.shape.dims[0])")
            }
            guard hb.shape.dims[1] == hiddenSize else {
                throw .runtime("hidden0 has inconsistent hidden_size: got \(hb.shape.dims[1]), expected \(hiddenSize)")
            }
            h = hb
        }
        if weights.weightIH.dtype == .float64 {
            return try ComposedRecurrence.cellStep(.elman(nonlinearity), x: x, states: h.map { [$0] } ?? [], weights: weights, hidden: hiddenSize, batched: batched).h
        }
        guard input.dtype == .float32 else { throw Functional.linearDTypeError(input.dtype, .float32, hasBias: weights.biasIH != nil) }
        let name = nonlinearity == .tanh ? "TanhBackward0" : "ReluBackward0"
        let out = RecurrentKernel.cell(
            x: x, h: h, weights: weights, nonlinearity: nonlinearity, batch: batch, inputSize: inputSize,
            hidden: hiddenSize, resultShape: h?.shape ?? Shape([batch, hiddenSize]), name: name)
        return batched ? out : try out.squeeze(0)
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
