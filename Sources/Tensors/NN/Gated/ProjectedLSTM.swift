/// `nn.LSTM(proj_size=P)`: each step's hidden state is projected, `h' = (o * tanh(c')) W_hr^T`,
/// so h is (batch, P) while c stays (batch, hidden), and the next layer reads P (or 2P) features.
/// PyTorch runs this configuration through its default implementation rather than oneDNN;
/// Recur computes it the same way from autograd operations (linear, chunk, sigmoid, tanh,
/// stack, cat), so its gradients are autograd's. It is not a fused kernel: a projected LSTM
/// is slower per step than the others.
struct ProjectedLSTM {
    let hidden: Int
    let projection: Int
    let directions: Int
    /// Layer-major, then direction, each with `weightHR`.
    let layers: [RecurrentWeights]

    /// One layer's parameters in PyTorch's registration order, each from
    /// U(-1/sqrt(hidden), 1/sqrt(hidden)): `weight_ih` (4H, in), `weight_hh` (4H, P),
    /// `bias_ih`, `bias_hh` (4H), `weight_hr` (P, H).
    static func makeWeights(inputSize: Int, hiddenSize: Int, projection: Int, bias: Bool, generator: Generator) throws(TensorError) -> RecurrentWeights {
        let bound = Tensor.inverseSquareRoot(hiddenSize)
        func p(_ dims: [Int]) throws(TensorError) -> Tensor {
            try .uniformParameter(dims, bound: bound, generator: generator)
        }
        let rows = 4 * hiddenSize
        var weights = RecurrentWeights(
            weightIH: try p([rows, inputSize]), weightHH: try p([rows, projection]),
            biasIH: bias ? try p([rows]) : nil, biasHH: bias ? try p([rows]) : nil)
        weights.weightHR = try p([projection, hiddenSize])
        return weights
    }

    /// Runs time-major `x` (steps, batch, features); `h0` (layers * directions, batch, P) and
    /// `c0` (layers * directions, batch, hidden) or zeros. Dropout applies to every layer's
    /// output but the last, in training, as PyTorch's.
    func run(_ x: Tensor, h0: Tensor?, c0: Tensor?, dropout: Double, training: Bool, generator: Generator) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor) {
        let steps = x.shape.dims[0], batch = x.shape.dims[1]
        let numLayers = layers.count / directions
        var input = x
        var finalH: [Tensor] = [], finalC: [Tensor] = []
        for layer in 0..<numLayers {
            let rows = try input.unbind(dim: 0)
            var outputs: [Tensor] = []
            for direction in 0..<directions {
                let index = layer * directions + direction
                let w = layers[index]
                guard let weightHR = w.weightHR else { throw .runtime("LSTM: the projection weights of layer \(layer) are missing") }
                var h = try initial(h0, index, [batch, projection])
                var c = try initial(c0, index, [batch, hidden])
                var stepOutputs = [Tensor?](repeating: nil, count: steps)
                for t in direction == 0 ? Array(0..<steps) : Array((0..<steps).reversed()) {
                    let gates = try Functional.linear(h, weight: w.weightHH, bias: w.biasHH)
                        .add(try Functional.linear(rows[t], weight: w.weightIH, bias: w.biasIH))
                    let chunks = try gates.chunk(4, dim: 1)
                    let (i, f, g, o) = (chunks[0].sigmoid(), chunks[1].sigmoid(), chunks[2].tanh(), chunks[3].sigmoid())
                    c = try f.mul(c).add(try i.mul(g))
                    h = try Functional.linear(try o.mul(c.tanh()), weight: weightHR, bias: nil)
                    stepOutputs[t] = h
                }
                outputs.append(try Tensor.stack(stepOutputs.compactMap { $0 }, dim: 0))
                finalH.append(h)
                finalC.append(c)
            }
            input = directions == 1 ? outputs[0] : try Tensor.cat(outputs, dim: 2)
            if layer < numLayers - 1, dropout > 0, training {
                input = try Functional.dropout(input, p: dropout, training: true, generator: generator)
            }
        }
        return (input, try Tensor.stack(finalH, dim: 0), try Tensor.stack(finalC, dim: 0))
    }

    /// Layer and direction `index`'s initial state, zeros when none is given.
    private func initial(_ states: Tensor?, _ index: Int, _ dims: [Int]) throws(TensorError) -> Tensor {
        guard let states else { return try Tensor.zeros(dims, dtype: .float32) }
        return try states.select(dim: 0, index: index)
    }
}
