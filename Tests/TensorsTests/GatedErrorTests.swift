import Testing
@testable import Tensors

/// The error section of tools/fixtures/gated.py, in Swift: the same calls raise PyTorch's
/// exception class and text.
@Suite struct GatedErrorTests {
    static func g() -> Generator { Generator(seed: 9) }
    static func z(_ dims: Int...) throws(TensorError) -> Tensor { try Tensor.zeros(dims) }
    static func lstm(layers: Int = 1) throws(TensorError) -> LSTM { try LSTM(inputSize: 4, hiddenSize: 3, numLayers: layers, generator: g()) }
    static func gru() throws(TensorError) -> GRU { try GRU(inputSize: 4, hiddenSize: 3, generator: g()) }
    static func lcell() throws(TensorError) -> LSTMCell { try LSTMCell(inputSize: 4, hiddenSize: 3, generator: g()) }
    static func gcell() throws(TensorError) -> GRUCell { try GRUCell(inputSize: 4, hiddenSize: 3, generator: g()) }

    static let cases: [String: @Sendable () throws(TensorError) -> Void] = [
        "lstm_input_size": { () throws(TensorError) in _ = try lstm()(z(5, 2, 3)) },
        "lstm_rank": { () throws(TensorError) in _ = try lstm()(z(5, 2, 1, 4)) },
        "lstm_h0_size": { () throws(TensorError) in _ = try lstm()(z(5, 2, 4), (z(1, 2, 2), z(1, 2, 3))) },
        "lstm_c0_size": { () throws(TensorError) in _ = try lstm()(z(5, 2, 4), (z(1, 2, 3), z(1, 2, 2))) },
        "lstm_h0_batch": { () throws(TensorError) in _ = try lstm()(z(5, 2, 4), (z(1, 3, 3), z(1, 3, 3))) },
        "lstm_layers": { () throws(TensorError) in _ = try lstm(layers: 2)(z(5, 2, 4), (z(1, 2, 3), z(1, 2, 3))) },
        "lstm_state_ranks": { () throws(TensorError) in _ = try lstm()(z(5, 2, 4), (z(2, 3), z(2, 3))) },
        "lstm_unbatched_state_ranks": { () throws(TensorError) in _ = try lstm()(z(5, 4), (z(1, 2, 3), z(1, 2, 3))) },
        "lstm_unbatched_h0_size": { () throws(TensorError) in _ = try lstm()(z(5, 4), (z(1, 2), z(1, 3))) },
        "lstm_dtype": { () throws(TensorError) in _ = try lstm()(Tensor.zeros([5, 2, 4], dtype: .int64)) },
        "lstm_empty": { () throws(TensorError) in _ = try lstm()(z(0, 2, 4)) },
        "gru_input_size": { () throws(TensorError) in _ = try gru()(z(5, 2, 3)) },
        "gru_rank": { () throws(TensorError) in _ = try gru()(z(4)) },
        "gru_h0_size": { () throws(TensorError) in _ = try gru()(z(5, 2, 4), z(1, 2, 2)) },
        "gru_state_rank": { () throws(TensorError) in _ = try gru()(z(5, 2, 4), z(2, 3)) },
        "gru_unbatched_h0_size": { () throws(TensorError) in _ = try gru()(z(5, 4), z(1, 2)) },
        "lstmcell_input_size": { () throws(TensorError) in _ = try lcell()(z(2, 3)) },
        "lstmcell_rank": { () throws(TensorError) in _ = try lcell()(z(2, 1, 4)) },
        "lstmcell_h_size": { () throws(TensorError) in _ = try lcell()(z(2, 4), (z(2, 2), z(2, 3))) },
        "lstmcell_c_size": { () throws(TensorError) in _ = try lcell()(z(2, 4), (z(2, 3), z(2, 2))) },
        "lstmcell_batch": { () throws(TensorError) in _ = try lcell()(z(2, 4), (z(3, 3), z(3, 3))) },
        "lstmcell_c_rank": { () throws(TensorError) in _ = try lcell()(z(2, 4), (z(2, 3), z(3))) },
        "lstmcell_unbatched_h_rank": { () throws(TensorError) in _ = try lcell()(z(4), (z(2, 3), z(3))) },
        "lstmcell_hx_rank": { () throws(TensorError) in _ = try lcell()(z(4), (z(1, 2, 3), z(3))) },
        "lstmcell_dtype": { () throws(TensorError) in _ = try lcell()(Tensor.zeros([2, 4], dtype: .int64)) },
        "grucell_input_size": { () throws(TensorError) in _ = try gcell()(z(2, 3)) },
        "grucell_rank": { () throws(TensorError) in _ = try gcell()(z(2, 1, 4)) },
        "grucell_h_size": { () throws(TensorError) in _ = try gcell()(z(2, 4), z(2, 2)) },
        "grucell_batch": { () throws(TensorError) in _ = try gcell()(z(2, 4), z(3, 3)) },
        "grucell_hidden_rank": { () throws(TensorError) in _ = try gcell()(z(4), z(1, 1, 3)) },
        "grucell_dtype": { () throws(TensorError) in _ = try gcell()(z(2, 4), Tensor.zeros([2, 3], dtype: .int64)) },
        "lstm_hidden_zero": { () throws(TensorError) in _ = try LSTM(inputSize: 4, hiddenSize: 0, generator: g()) },
        "gru_layers_zero": { () throws(TensorError) in _ = try GRU(inputSize: 4, hiddenSize: 3, numLayers: 0, generator: g()) },
    ]

    @Test func everyFixtureErrorIsCovered() throws {
        #expect(Set(try GatedFixtures.index().errors.keys) == Set(Self.cases.keys))
    }

    @Test(arguments: cases.keys.sorted())
    func errorTextAndClassMatchPyTorch(_ name: String) throws {
        let expected = try #require(try GatedFixtures.index().errors[name])
        let body = try #require(Self.cases[name])
        let error = expectTensorError { () throws(TensorError) in try body() }
        #expect(error?.message == expected.message)
        #expect(error?.kind.pythonName == expected.type)
    }

    /// Sizes that cannot be allocated fail with an error, not a crash.
    @Test func hugeLayersFailCleanly() {
        let g = Generator(seed: 1)
        #expect(throws: TensorError.self) { try LSTM(inputSize: 4, hiddenSize: Int.max / 2, generator: g) }
        #expect(throws: TensorError.self) { try GRUCell(inputSize: Int.max, hiddenSize: 4, generator: g) }
        #expect(throws: TensorError.self) { try LSTM(inputSize: 1 << 20, hiddenSize: 1 << 10, numLayers: 4, generator: g) }
        #expect(throws: TensorError.self) { try LSTMCell(inputSize: -1, hiddenSize: 4, generator: g) }
    }
}
