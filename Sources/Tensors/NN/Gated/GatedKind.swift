/// Which gated recurrence a layer runs: LSTM (gates i, f, g, o and a cell state) or GRU
/// (gates r, z, n), in PyTorch's row order within `weight_ih` and `weight_hh`.
enum GatedKind: Sendable {
    case lstm
    case gru

    /// Rows of `weight_ih` per hidden unit.
    var gates: Int {
        switch self {
        case .lstm: 4
        case .gru: 3
        }
    }

    /// Whether the layer carries a cell state besides its hidden state.
    var hasCellState: Bool {
        switch self {
        case .lstm: true
        case .gru: false
        }
    }

    /// The PyTorch class name of the sequence layer.
    var layerName: String {
        switch self {
        case .lstm: "LSTM"
        case .gru: "GRU"
        }
    }

    /// One layer's parameters drawn as PyTorch's `reset_parameters` draws them: every
    /// tensor from U(-1/sqrt(hidden), 1/sqrt(hidden)) in registration order (`weight_ih`,
    /// `weight_hh`, `bias_ih`, `bias_hh`).
    func makeWeights(inputSize: Int, hiddenSize: Int, bias: Bool, generator: Generator) throws(TensorError) -> RecurrentWeights {
        try RNN.makeWeights(rows: gates * hiddenSize, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }
}
