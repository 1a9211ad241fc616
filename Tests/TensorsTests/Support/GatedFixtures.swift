import FoundationEssentials
import Testing
@testable import Tensors

/// The PyTorch reference data for LSTM, GRU and their cells, written by tools/fixtures/gated.py.
enum GatedFixtures {
    struct Index: Decodable {
        let layers: [String: Fixtures.LayerCase]
        let lesson: [String: CharModelCase]
        let module_reprs: [String: String]
        let errors: [String: Fixtures.ErrorCase]
    }

    /// A character model trained 15 epochs: per-epoch losses and predictions, its repr and
    /// its `state_dict()` keys in order.
    struct CharModelCase: Decodable {
        let losses: [Double]
        let predictions: [String]
        let repr: String
        let keys: [String]
    }

    static func index() throws -> Index {
        let bytes = try Fixtures.readBytes(Fixtures.directory + "/gated.json")
        return try JSONDecoder().decode(Index.self, from: Data(bytes))
    }

    static func tensors() throws -> [String: Tensor] {
        try Fixtures.tensors("gated.safetensors")
    }

    /// The layer a fixture case describes, built with `generator` (its weights are then
    /// replaced by the fixture's).
    static func make(_ spec: Fixtures.LayerCase, _ generator: Generator) throws -> any Module {
        let a = spec.args
        let (input, hidden, bias) = (a.input_size ?? 0, a.hidden_size ?? 0, a.bias ?? true)
        switch spec.type {
        case "LSTM":
            return try LSTM(inputSize: input, hiddenSize: hidden, numLayers: a.num_layers ?? 1, bias: bias, batchFirst: a.batch_first ?? false, generator: generator)
        case "GRU":
            return try GRU(inputSize: input, hiddenSize: hidden, numLayers: a.num_layers ?? 1, bias: bias, batchFirst: a.batch_first ?? false, generator: generator)
        case "LSTMCell":
            return try LSTMCell(inputSize: input, hiddenSize: hidden, bias: bias, generator: generator)
        case "GRUCell":
            return try GRUCell(inputSize: input, hiddenSize: hidden, bias: bias, generator: generator)
        default:
            throw FixtureError.missing("a Swift constructor for layer type \(spec.type)")
        }
    }
}
