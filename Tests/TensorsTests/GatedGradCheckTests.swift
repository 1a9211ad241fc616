import Testing
@testable import Tensors

/// Finite differences against the fused LSTM and GRU kernels' backward passes, over every
/// operand (input, states, weights, biases), with stacked layers and computed weights.
@Suite struct GatedGradCheckTests {
    static func weights(_ x: [Tensor], from first: Int, bias: Bool) -> RecurrentWeights {
        RecurrentWeights(weightIH: x[first], weightHH: x[first + 1], biasIH: bias ? x[first + 2] : nil, biasHH: bias ? x[first + 3] : nil)
    }

    @Test(arguments: [GatedKind.lstm, .gru])
    func sequenceOfTwoLayers(_ kind: GatedKind) throws {
        let (steps, batch, input, hidden) = (3, 2, 3, 2)
        let gh = kind.gates * hidden
        let states = kind.hasCellState ? 2 : 1
        var shapes = [[steps, batch, input]] + Array(repeating: [2, batch, hidden], count: states)
        shapes += [[gh, input], [gh, hidden], [gh], [gh], [gh, hidden], [gh, hidden], [gh], [gh]]
        try GradCheckTests.check(shapes, seed: kind == .lstm ? 21 : 22) { x throws(TensorError) in
            let w = states + 1
            return GatedKernel.run(
                kind, x: x[0], h0: x[1], c0: kind.hasCellState ? x[2] : nil,
                layers: [Self.weights(x, from: w, bias: true), Self.weights(x, from: w + 4, bias: true)],
                steps: steps, batch: batch, inputSize: input, hidden: hidden, includeOutput: true,
                resultShape: Shape([(steps + 2 * states) * batch * hidden]), name: "GatedBackward"
            ).tanh()
        }
    }

    @Test(arguments: [GatedKind.lstm, .gru])
    func cellWithoutBiasesOrStates(_ kind: GatedKind) throws {
        let gh = kind.gates * 3
        try GradCheckTests.check([[2, 4], [gh, 4], [gh, 3]], seed: 23) { x throws(TensorError) in
            GatedKernel.run(
                kind, x: x[0], h0: nil, c0: nil, layers: [Self.weights(x, from: 1, bias: false)], steps: 1, batch: 2,
                inputSize: 4, hidden: 3, includeOutput: false, resultShape: Shape([(kind.hasCellState ? 2 : 1) * 6]), name: "GatedBackward"
            ).exp()
        }
    }

    /// Computed (non-leaf) weights get their gradients returned, not added into `.grad`.
    @Test(arguments: [GatedKind.lstm, .gru])
    func computedWeights(_ kind: GatedKind) throws {
        let gh = kind.gates * 2
        try GradCheckTests.check([[2, 1, 3], [gh, 3], [gh, 2], [gh]], seed: 24) { x throws(TensorError) in
            let layer = RecurrentWeights(weightIH: x[1].tanh(), weightHH: try x[2] * x[2], biasIH: x[3].sigmoid(), biasHH: x[3])
            return GatedKernel.run(
                kind, x: x[0], h0: nil, c0: nil, layers: [layer], steps: 2, batch: 1, inputSize: 3, hidden: 2,
                includeOutput: true, resultShape: Shape([(2 + (kind.hasCellState ? 2 : 1)) * 2]), name: "GatedBackward")
        }
    }

    /// A graph that feeds one layer's outputs back in reuses the same parameters twice.
    @Test func reusedLayer() throws {
        try GradCheckTests.check([[3, 2, 2], [8, 2], [8, 2], [8], [8]], seed: 25) { x throws(TensorError) in
            let layer = Self.weights(x, from: 1, bias: true)
            let first = GatedKernel.run(
                .lstm, x: x[0], h0: nil, c0: nil, layers: [layer], steps: 3, batch: 2, inputSize: 2, hidden: 2,
                includeOutput: true, resultShape: Shape([20]), name: "GatedBackward")
            let outputs = try first.slice(dim: 0, start: 0, end: 12).view([3, 2, 2])
            return GatedKernel.run(
                .lstm, x: outputs, h0: nil, c0: nil, layers: [layer], steps: 3, batch: 2, inputSize: 2, hidden: 2,
                includeOutput: true, resultShape: Shape([20]), name: "GatedBackward")
        }
    }
}
