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
    /// Runs the layers over time-major `x` (T*B*I values in (T, B, I) order, any shape) from
    /// `h0` (L*B*H values, any shape) or zeros; gradients come back in the operands' shapes. The result
    /// holds the top layer's outputs (T*B*H values) followed, when `appendFinal`, by each
    /// layer's last state (L*B*H values); it is recorded as one node named `name`.
    static func run(
        x: Tensor, h0: Tensor?, layers: [RecurrentWeights], nonlinearity: Nonlinearity,
        steps: Int, batch: Int, inputSize: Int, hidden: Int, appendFinal: Bool, resultShape: Shape, name: String
    ) -> Tensor {
        let bh = batch * hidden
        let slab = (steps + 1) * bh
        let h0Values = h0?.floats
        // Every slot but the initial states is overwritten before it is read.
        var states = makeFloats(layers.count * slab) { _ in }
        let xValues = x.floats
        let weights = layers.map { ($0.weightIH.floats, $0.weightHH.floats, combinedBias($0)) }
        states.withUnsafeMutableBufferPointer { ps in
            guard let s = ps.baseAddress else { return }
            for (l, (wih, whh, bias)) in weights.enumerated() {
                let layerStates = s + l * slab
                if let h0Values {
                    for i in 0..<bh { layerStates[i] = h0Values[l * bh + i] }
                } else {
                    layerStates.update(repeating: 0, count: bh)
                }
                let layerInputSize = l == 0 ? inputSize : hidden
                if l == 0 {
                    xValues.withUnsafeBufferPointer { px in
                        guard let xp = px.baseAddress else { return }
                        forwardLayer(xp, layerInputSize, wih, whh, bias, layerStates, steps, batch, hidden, nonlinearity)
                    }
                } else {
                    forwardLayer(UnsafePointer(s + (l - 1) * slab + bh), layerInputSize, wih, whh, bias, layerStates, steps, batch, hidden, nonlinearity)
                }
            }
        }
        let top = (layers.count - 1) * slab + bh
        let resultCount = steps * bh + (appendFinal ? layers.count * bh : 0)
        let result = states.withUnsafeBufferPointer { ps in
            makeFloats(resultCount) { out in
                guard let s = ps.baseAddress, let o = out.baseAddress else { return }
                o.update(from: s + top, count: steps * bh)
                if appendFinal {
                    for l in 0..<layers.count {
                        (o + steps * bh + l * bh).update(from: s + l * slab + steps * bh, count: bh)
                    }
                }
            }
        }
        let inputs = [x] + (h0.map { [$0] } ?? []) + layers.flatMap(\.tensors)
        let xShape = x.shape
        let h0Shape = h0?.shape
        let needInputGrad = x.requiresGradFlag
        let frozenStates = states
        return Tensor(shape: resultShape, floats: result).recording(name, inputs) { g in
            backward(
                g.floats, states: frozenStates, x: xValues, xShape: xShape, inputSize: inputSize, weights: weights,
                layers: layers, h0Shape: h0Shape, needInputGrad: needInputGrad, nonlinearity: nonlinearity, steps: steps, batch: batch, hidden: hidden,
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
            bias.withUnsafeBufferPointer { pb in
                guard let b = pb.baseAddress else { return }
                for r in 0..<(steps * batch) { (out + r * hidden).update(from: b, count: hidden) }
            }
        }
        wih.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            BLAS.gemm(x, transposeA: false, w, transposeB: true, out, m: steps * batch, n: hidden, k: inputSize, beta: bias == nil ? 0 : 1)
        }
        // W_hh^T once per sequence, so every step is a plain (not transposed) product.
        let whhT = Kernels.permute(.float32(whh), Shape([hidden, hidden]), [1, 0]).floats
        whhT.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            for t in 0..<steps {
                let current = states + (t + 1) * bh
                BLAS.gemm(states + t * bh, transposeA: false, w, transposeB: false, current, m: batch, n: hidden, k: hidden, beta: 1)
                switch act {
                case .tanh: VectorMath.tanh(current, count: bh)
                case .relu: for i in 0..<bh where current[i] < 0 { current[i] = 0 }
                }
            }
        }
    }

    static func backward(
        _ g: [Float], states: [Float], x: [Float], xShape: Shape, inputSize firstInputSize: Int,
        weights: [([Float], [Float], [Float]?)], layers: [RecurrentWeights], h0Shape: Shape?, needInputGrad: Bool,
        nonlinearity: Nonlinearity,
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
                let inputSize = l == 0 ? firstInputSize : hidden
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
                let (gWih, gWhh, gb) = dOut.withUnsafeBufferPointer { pd in
                    x.withUnsafeBufferPointer { px in
                        let input = l == 0 ? px.baseAddress : UnsafePointer(s + (l - 1) * slab + bh)
                        let gWih = BLAS.product(pd.baseAddress, transposeA: true, input, transposeB: false, m: hidden, n: inputSize, k: rows)
                        let gWhh = BLAS.product(pd.baseAddress, transposeA: true, UnsafePointer(s + l * slab), transposeB: false, m: hidden, n: hidden, k: rows)
                        var gb = [Float](repeating: 0, count: hidden)
                        gb.withUnsafeMutableBufferPointer { pb in
                            for r in 0..<rows { for j in 0..<hidden { pb[j] += pd[r * hidden + j] } }
                        }
                        return (gWih, gWhh, gb)
                    }
                }
                let layer = layers[l]
                var grads: [Tensor?] = [
                    Tensor(shape: layer.weightIH.shape, floats: gWih), Tensor(shape: layer.weightHH.shape, floats: gWhh),
                ]
                if layer.biasIH != nil { grads.append(Tensor(shape: Shape([hidden]), floats: gb)) }
                if layer.biasHH != nil { grads.append(Tensor(shape: Shape([hidden]), floats: gb)) }
                paramGrads[l] = grads
                if l > 0 || needInputGrad {
                    let below = BLAS.product(dOut, transposeA: false, wih, transposeB: false, m: rows, n: inputSize, k: hidden)
                    if l == 0 { dx = below } else { dOut = below }
                }
            }
        }
        var result: [Tensor?] = [needInputGrad ? Tensor(shape: xShape, floats: dx) : nil]
        if let h0Shape { result.append(Tensor(shape: h0Shape, floats: dh0)) }
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
        let swap = swapFirstTwo && dims.count >= 2
        let (a, b) = (dims[0], dims.count > 1 ? dims[1] : 1)
        let c = a * b == 0 ? 0 : n / (a * b)
        var outDims = dims
        if swap { outDims.swapAt(0, 1) }
        let values = floats.withUnsafeBufferPointer { pv in
            makeFloats(n) { out in
                guard let src = pv.baseAddress, let dst = out.baseAddress else { return }
                if swap {
                    Tensor.swapLeading(src + offset, dst, a, b, c)
                } else {
                    dst.update(from: src + offset, count: n)
                }
            }
        }
        return Tensor(shape: Shape(outDims), floats: values).recording(name, [self], savesTensors: false) { g in
            let full = g.floats.withUnsafeBufferPointer { pg in
                makeFloats(total) { out in
                    guard let o = out.baseAddress, let gp = pg.baseAddress else { return }
                    o.update(repeating: 0, count: offset)
                    if swap {
                        Tensor.swapLeading(gp, o + offset, b, a, c)
                    } else {
                        (o + offset).update(from: gp, count: n)
                    }
                    (o + offset + n).update(repeating: 0, count: total - offset - n)
                }
            }
            return [Tensor(shape: packed, floats: full)]
        }
    }

    /// Copies an (a, b, c) block to (b, a, c) order.
    static func swapLeading(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ a: Int, _ b: Int, _ c: Int) {
        for i in 0..<a {
            for j in 0..<b { (dst + (j * a + i) * c).update(from: src + (i * b + j) * c, count: c) }
        }
    }
}
