import Testing
import Tensors
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ShapeTraceTests {
    @Test func rnnLineNamesPyTorchsArguments() throws {
        let rnn = try RNN(inputSize: 4, hiddenSize: 2, generator: Generator(seed: 0))
        let trace = ShapeTrace(module: rnn.description, typeName: rnn.typeName,
                               inputs: [Shape([5, 1, 4]), Shape([1, 1, 2])], outputs: [Shape([5, 1, 2]), Shape([1, 1, 2])])
        #expect(trace.text == "RNN(4, 2): input (5, 1, 4), h_0 (1, 1, 2) -> output (5, 1, 2), h_n (1, 1, 2)")
    }

    @Test func cellAndOtherModules() throws {
        let cell = ShapeTrace(module: "RNNCell(4, 2)", typeName: "RNNCell", inputs: [Shape([1, 4]), Shape([1, 2])], outputs: [Shape([1, 2])])
        #expect(cell.text == "RNNCell(4, 2): input (1, 4), hidden (1, 2) -> h' (1, 2)")
        let model = ShapeTrace(module: "Model(\n  (emb): Embedding(4, 10)\n)", typeName: "Model",
                               inputs: [Shape([1, 5]), Shape([2])], outputs: [Shape([5, 4])])
        #expect(model.text == "Model: input (1, 5), input1 (2,) -> output (5, 4)")
    }
}
