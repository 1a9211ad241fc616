/// `tanh` or `relu`, the recurrent nonlinearity (`nonlinearity=`).
public enum Nonlinearity: String, Sendable {
    /// The default.
    case tanh
    /// Rectified linear.
    case relu
}

/// One recurrent layer's parameters.
struct RecurrentWeights {
    let weightIH: Tensor
    let weightHH: Tensor
    let biasIH: Tensor?
    let biasHH: Tensor?

    var tensors: [Tensor] { [weightIH, weightHH] + (biasIH.map { [$0] } ?? []) + (biasHH.map { [$0] } ?? []) }
}

/// The fused Elman recurrence over all time steps and layers: one GEMM for every step's input
/// projection, one GEMM per step for the recurrence, weight gradients as GEMMs over all steps,
/// and no allocation inside the time loop.
enum RecurrentKernel {
    /// Runs the layers over time-major `x` (T, B, I) from `h0` (L, B, H) or zeros. The result
    /// holds the top layer's outputs (T*B*H values) followed, when `appendFinal`, by each
    /// layer's last state (L*B*H values); it is recorded as one node named `name`.
    static func run(
        x: Tensor, h0: Tensor?, layers: [RecurrentWeights], nonlinearity: Nonlinearity,
        steps: Int, batch: Int, hidden: Int, appendFinal: Bool, resultShape: Shape, name: String
    ) -> Tensor {
        let bh = batch * hidden
        let slab = (steps + 1) * bh
        let h0Values = h0?.floats
        var states = [Float](repeating: 0, count: layers.count * slab)
        let xValues = x.floats
        let weights = layers.map { ($0.weightIH.floats, $0.weightHH.floats, combinedBias($0)) }
        states.withUnsafeMutableBufferPointer { ps in
            guard let s = ps.baseAddress else { return }
            for (l, (wih, whh, bias)) in weights.enumerated() {
                let layerStates = s + l * slab
                if let h0Values {
                    for i in 0..<bh { layerStates[i] = h0Values[l * bh + i] }
                }
                let inputSize = l == 0 ? x.shape.dims[2] : hidden
                if l == 0 {
                    xValues.withUnsafeBufferPointer { px in
                        guard let xp = px.baseAddress else { return }
                        forwardLayer(xp, inputSize, wih, whh, bias, layerStates, steps, batch, hidden, nonlinearity)
                    }
                } else {
                    forwardLayer(UnsafePointer(s + (l - 1) * slab + bh), inputSize, wih, whh, bias, layerStates, steps, batch, hidden, nonlinearity)
                }
            }
        }
        let top = (layers.count - 1) * slab + bh
        var result = Array(states[top..<(top + steps * bh)])
        if appendFinal {
            for l in 0..<layers.count {
                let last = l * slab + steps * bh
                result.append(contentsOf: states[last..<(last + bh)])
            }
        }
        let inputs = [x] + (h0.map { [$0] } ?? []) + layers.flatMap(\.tensors)
        let xShape = x.shape
        let frozenStates = states
        return Tensor(shape: resultShape, floats: result).recording(name, inputs) { g in
            backward(
                g.floats, states: frozenStates, x: xValues, xShape: xShape, weights: weights, layers: layers,
                hasH0: h0 != nil, nonlinearity: nonlinearity, steps: steps, batch: batch, hidden: hidden,
                appendFinal: appendFinal)
        }
    }

    static func combinedBias(_ layer: RecurrentWeights) -> [Float]? {
        guard let bih = layer.biasIH?.floats else { return layer.biasHH?.floats }
        guard let bhh = layer.biasHH?.floats else { return bih }
        return Kernels.add(bih, bhh)
    }

    /// Fills `states[1...T]` from `states[0]` (= h0).
    static func forwardLayer(
        _ x: UnsafePointer<Float>, _ inputSize: Int, _ wih: [Float], _ whh: [Float], _ bias: [Float]?,
        _ states: UnsafeMutablePointer<Float>, _ steps: Int, _ batch: Int, _ hidden: Int, _ act: Nonlinearity
    ) {
        let bh = batch * hidden
        let out = states + bh
        if let bias {
            for r in 0..<(steps * batch) {
                for j in 0..<hidden { out[r * hidden + j] = bias[j] }
            }
        }
        wih.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            BLAS.gemm(x, transposeA: false, w, transposeB: true, out, m: steps * batch, n: hidden, k: inputSize, beta: bias == nil ? 0 : 1)
        }
        whh.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            for t in 0..<steps {
                let current = states + (t + 1) * bh
                BLAS.gemm(states + t * bh, transposeA: false, w, transposeB: true, current, m: batch, n: hidden, k: hidden, beta: 1)
                switch act {
                case .tanh: VectorMath.tanh(current, count: bh)
                case .relu: for i in 0..<bh where current[i] < 0 { current[i] = 0 }
                }
            }
        }
    }

    static func backward(
        _ g: [Float], states: [Float], x: [Float], xShape: Shape, weights: [([Float], [Float], [Float]?)],
        layers: [RecurrentWeights], hasH0: Bool, nonlinearity: Nonlinearity,
        steps: Int, batch: Int, hidden: Int, appendFinal: Bool
    ) -> [Tensor?] {
        let bh = batch * hidden
        let slab = (steps + 1) * bh
        let count = layers.count
        // dOut starts as the top layer's output gradient and becomes each lower layer's.
        var dOut = Array(g[0..<(steps * bh)])
        var dh0 = [Float](repeating: 0, count: count * bh)
        var dh = [Float](repeating: 0, count: bh)
        var paramGrads = [[Tensor?]](repeating: [], count: count)
        var dx: [Float] = []
        states.withUnsafeBufferPointer { ps in
            guard let s = ps.baseAddress else { return }
            for l in stride(from: count - 1, through: 0, by: -1) {
                let (wih, whh, _) = weights[l]
                let inputSize = l == 0 ? xShape.dims[2] : hidden
                let layerStates = s + l * slab
                for i in 0..<bh { dh[i] = appendFinal ? g[steps * bh + l * bh + i] : 0 }
                dOut.withUnsafeMutableBufferPointer { pd in
                    dh.withUnsafeMutableBufferPointer { pdh in
                        whh.withUnsafeBufferPointer { pw in
                            guard let da = pd.baseAddress, let dhp = pdh.baseAddress, let w = pw.baseAddress else { return }
                            for t in stride(from: steps - 1, through: 0, by: -1) {
                                let slot = da + t * bh
                                let h = layerStates + (t + 1) * bh
                                switch nonlinearity {
                                case .tanh: for i in 0..<bh { slot[i] = (slot[i] + dhp[i]) * (1 - h[i] * h[i]) }
                                case .relu: for i in 0..<bh { slot[i] = h[i] > 0 ? slot[i] + dhp[i] : 0 }
                                }
                                BLAS.gemm(slot, transposeA: false, w, transposeB: false, dhp, m: batch, n: hidden, k: hidden)
                            }
                        }
                    }
                }
                for i in 0..<bh { dh0[l * bh + i] = dh[i] }
                let rows = steps * batch
                let layerInput: [Float] = l == 0 ? x : Array(states[((l - 1) * slab + bh)..<((l - 1) * slab + bh + rows * hidden)])
                let gWih = BLAS.product(dOut, transposeA: true, layerInput, transposeB: false, m: hidden, n: inputSize, k: rows)
                let hPrev = Array(states[(l * slab)..<(l * slab + rows * hidden)])
                let gWhh = BLAS.product(dOut, transposeA: true, hPrev, transposeB: false, m: hidden, n: hidden, k: rows)
                var gb = [Float](repeating: 0, count: hidden)
                for r in 0..<rows { for j in 0..<hidden { gb[j] += dOut[r * hidden + j] } }
                let layer = layers[l]
                var grads: [Tensor?] = [
                    Tensor(shape: layer.weightIH.shape, floats: gWih), Tensor(shape: layer.weightHH.shape, floats: gWhh),
                ]
                if layer.biasIH != nil { grads.append(Tensor(shape: Shape([hidden]), floats: gb)) }
                if layer.biasHH != nil { grads.append(Tensor(shape: Shape([hidden]), floats: gb)) }
                paramGrads[l] = grads
                let below = BLAS.product(dOut, transposeA: false, wih, transposeB: false, m: rows, n: inputSize, k: hidden)
                if l == 0 { dx = below } else { dOut = below }
            }
        }
        var result: [Tensor?] = [Tensor(shape: xShape, floats: dx)]
        if hasH0 { result.append(Tensor(shape: Shape([count, batch, hidden]), floats: dh0)) }
        for grads in paramGrads { result += grads }
        return result
    }
}

extension Tensor {
    /// A region of a packed recurrent result viewed as `dims`, optionally with its first two
    /// dimensions swapped (batch_first), recorded as `name`.
    func packedPart(offset: Int, dims: [Int], swapFirstTwo: Bool, name: String) -> Tensor {
        let n = dims.reduce(1, *)
        let total = count
        let packed = shape
        let values = Array(floats[offset..<(offset + n)])
        let inner = Shape(dims)
        var outShape = inner
        var storage = TensorStorage.float32(values)
        if swapFirstTwo {
            var order = Array(0..<dims.count)
            order.swapAt(0, 1)
            storage = Kernels.permute(storage, inner, order)
            outShape = Shape(order.map { dims[$0] })
        }
        let finalShape = outShape
        return Tensor(shape: outShape, storage: storage).recording(name, [self]) { g in
            var gv = g.floats
            if swapFirstTwo {
                var order = Array(0..<dims.count)
                order.swapAt(0, 1)
                gv = Kernels.permute(.float32(gv), finalShape, order).floats
            }
            var full = [Float](repeating: 0, count: total)
            for i in 0..<n { full[offset + i] = gv[i] }
            return [Tensor(shape: packed, floats: full)]
        }
    }
}
