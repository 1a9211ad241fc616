import Testing
@testable import Tensors

/// Central finite differences against autograd. Everything runs in float32, so the step and
/// tolerances are chosen for float32 (step 1e-2 on smooth functions, 2% or 2e-3 agreement).
@Suite struct GradCheckTests {
    static func check(
        _ shapes: [[Int]], seed: UInt64, positive: Bool = false, sourceLocation: SourceLocation = #_sourceLocation,
        _ f: ([Tensor]) throws(TensorError) -> Tensor
    ) throws {
        let g = Generator(seed: seed)
        let inputs = try shapes.map { dims in
            let t = try Tensor.randn(dims, generator: g)
            let values = positive ? t.floats.map { abs($0) + 0.5 } : t.floats
            let leaf = try Tensor(floats: values, shape: Shape(dims))
            try leaf.setRequiresGrad()
            return leaf
        }
        try f(inputs).sum().backward()
        let h: Float = 1e-2
        for (k, input) in inputs.enumerated() {
            let analytic = try #require(input.grad, sourceLocation: sourceLocation).floats
            for i in 0..<input.count {
                func value(_ delta: Float) throws -> Double {
                    var shifted = inputs.map { $0.detach() }
                    var v = shifted[k].floats
                    v[i] += delta
                    shifted[k] = try Tensor(floats: v, shape: input.shape)
                    return try GradMode.withoutGrad { try f(shifted).sum().item() }
                }
                let numeric = (try value(h) - value(-h)) / Double(2 * h)
                let a = Double(analytic[i])
                #expect(abs(numeric - a) <= 2e-3 + 0.02 * abs(numeric), "input \(k)[\(i)]: numeric \(numeric) analytic \(a)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func elementwiseAndReductions() throws {
        try Self.check([[2, 3], [3]], seed: 1) { x throws(TensorError) in try (x[0] * x[1] - x[1]).tanh().sigmoid() }
        try Self.check([[2, 3], [2, 3]], seed: 2, positive: true) { x throws(TensorError) in try (x[0] / x[1]).log().mean(dim: 1) }
        try Self.check([[3, 4]], seed: 3) { x throws(TensorError) in try x[0].exp().sum(dim: 0).pow(.float(0.5)) }
    }

    @Test func graphsReusingANode() throws {
        try Self.check([[4]], seed: 4) { x throws(TensorError) in
            let b = x[0].tanh()
            return try (b * b + b) * b - b.sum()
        }
        try Self.check([[3, 3]], seed: 5) { x throws(TensorError) in
            let m = try x[0].matmul(x[0])
            return try m.matmul(x[0]).add(m).softmax(dim: 1)
        }
    }

    @Test func lossesAndLayers() throws {
        let labels = try Tensor(int64s: [2, 0, 1], shape: Shape([3]))
        try Self.check([[3, 4]], seed: 6) { x throws(TensorError) in try Functional.crossEntropy(x[0], target: labels) }
        try Self.check([[3, 4], [3, 4]], seed: 7) { x throws(TensorError) in try Functional.mseLoss(x[0].logSoftmax(dim: 1), target: x[1]) }
        try Self.check([[5, 2, 3], [1, 2, 4], [4, 3], [4, 4], [4], [4]], seed: 8) { x throws(TensorError) in
            let weights = RecurrentWeights(weightIH: x[2], weightHH: x[3], biasIH: x[4], biasHH: x[5])
            return RecurrentKernel.run(
                x: x[0], h0: x[1], layers: [weights], nonlinearity: .tanh, steps: 5, batch: 2, inputSize: 3, hidden: 4,
                appendFinal: true, resultShape: Shape([(5 + 1) * 8]), name: "RNNBackward"
            ).tanh()
        }
        for nonlinearity in [Nonlinearity.tanh, .relu] {
            try Self.check([[2, 3], [2, 4], [4, 3], [4, 4], [4], [4]], seed: 10) { x throws(TensorError) in
                let weights = RecurrentWeights(weightIH: x[2], weightHH: x[3], biasIH: x[4], biasHH: x[5])
                return RecurrentKernel.cell(
                    x: x[0], h: x[1], weights: weights, nonlinearity: nonlinearity, batch: 2, inputSize: 3, hidden: 4,
                    resultShape: Shape([2, 4]), name: "TanhBackward0"
                ).tanh()
            }
        }
        // Computed (non-leaf) weights get their gradients returned, not added into .grad.
        try Self.check([[2, 3], [2, 4], [4, 3], [4, 4], [4]], seed: 12) { x throws(TensorError) in
            let weights = RecurrentWeights(weightIH: x[2].tanh(), weightHH: try x[3] * x[3], biasIH: x[4].sigmoid(), biasHH: x[4])
            return RecurrentKernel.cell(
                x: x[0], h: x[1], weights: weights, nonlinearity: .tanh, batch: 2, inputSize: 3, hidden: 4,
                resultShape: Shape([2, 4]), name: "TanhBackward0")
        }
        try Self.check([[3, 4], [2, 4], [2]], seed: 13) { x throws(TensorError) in
            try Functional.linear(x[0], weight: x[1].tanh(), bias: x[2].exp()).sigmoid()
        }
        try Self.check([[3, 2], [4, 2], [4, 4]], seed: 11) { x throws(TensorError) in
            let weights = RecurrentWeights(weightIH: x[1], weightHH: x[2], biasIH: nil, biasHH: nil)
            return RecurrentKernel.cell(
                x: x[0], h: nil, weights: weights, nonlinearity: .tanh, batch: 3, inputSize: 2, hidden: 4,
                resultShape: Shape([3, 4]), name: "TanhBackward0"
            ).exp()
        }
        try Self.check([[2, 3, 3], [3, 3], [3]], seed: 9) { x throws(TensorError) in
            try Functional.linear(x[0], weight: x[1], bias: x[2]).relu().transpose(0, 1)
        }
    }
}
