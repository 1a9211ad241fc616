import Dispatch

/// One layer's weight gradients, written by exactly one task.
final class LayerGradients: @unchecked Sendable {
    var wih: [Float] = []
    var whh: [Float] = []
    var bias: [Float] = []
}

extension RecurrentKernel {
    /// Reverse pass: per layer, top down, one product per step for `dh_{t-1} = da_t W_hh`,
    /// then the weight gradients as products over all steps and the gradient of the layer's
    /// input. With enough work the weight gradients of layer l run on another thread while
    /// the main thread walks layer l-1.
    static func backward(
        _ g: [Float], states: [Float], x: [Float], xShape: Shape, inputSize firstInputSize: Int,
        weights: [LayerValues], layers: [RecurrentWeights], h0Shape: Shape?, needInputGrad: Bool,
        nonlinearity: Nonlinearity, steps: Int, batch: Int, hidden: Int, appendFinal: Bool
    ) -> [Tensor?] {
        let bh = batch * hidden
        let slab = (steps + 1) * bh
        let count = layers.count
        let rows = steps * batch
        let overlap = count > 1 && rows * hidden * hidden >= concurrentWork
        // dOut starts as the top layer's output gradient and becomes each lower layer's.
        var dOut = Array(g[0..<(steps * bh)])
        var dh0 = filledArray(Float(0), count: count * bh)
        var dh = filledArray(Float(0), count: bh)
        var dx: [Float] = []
        let gradients = (0..<count).map { _ in LayerGradients() }
        // Only a pass that overlaps layers needs a group (making one costs an allocation).
        let group = overlap ? DispatchGroup() : nil
        for l in stride(from: count - 1, through: 0, by: -1) {
            let layer = weights[l]
            let inputSize = l == 0 ? firstInputSize : hidden
            for i in 0..<bh { dh[i] = appendFinal ? g[steps * bh + l * bh + i] : 0 }
            states.withUnsafeBufferPointer { ps in
                dOut.withUnsafeMutableBufferPointer { pd in
                    dh.withUnsafeMutableBufferPointer { pdh in
                        layer.whh.withUnsafeBufferPointer { pw in
                            guard let s = ps.baseAddress, let da = pd.baseAddress, let dhp = pdh.baseAddress,
                                let w = pw.baseAddress
                            else { return }
                            let layerStates = s + l * slab
                            for t in stride(from: steps - 1, through: 0, by: -1) {
                                let slot = da + t * bh
                                let h = layerStates + (t + 1) * bh
                                switch nonlinearity {
                                case .tanh:
                                    for i in 0..<bh { slot[i] += dhp[i] }
                                    VectorMath.tanhBackward(slot, h, slot, bh)
                                case .relu: for i in 0..<bh { slot[i] = h[i] > 0 ? slot[i] + dhp[i] : 0 }
                                }
                                BLAS.gemm(slot, transposeA: false, w, transposeB: false, dhp, m: batch, n: hidden, k: hidden)
                            }
                        }
                    }
                }
            }
            for i in 0..<bh { dh0[l * bh + i] = dh[i] }
            // The task keeps its own reference to this layer's da; dOut is replaced, not
            // mutated, below.
            let da = dOut
            let target = gradients[l]
            let weightGradients: @Sendable () -> Void = {
                states.withUnsafeBufferPointer { ps in
                    da.withUnsafeBufferPointer { pd in
                        x.withUnsafeBufferPointer { px in
                            guard let s = ps.baseAddress else { return }
                            let input = l == 0 ? px.baseAddress : UnsafePointer(s + (l - 1) * slab + bh)
                            target.wih = BLAS.product(pd.baseAddress, transposeA: true, input, transposeB: false, m: hidden, n: inputSize, k: rows)
                            target.whh = BLAS.product(pd.baseAddress, transposeA: true, UnsafePointer(s + l * slab), transposeB: false, m: hidden, n: hidden, k: rows)
                            var gb = filledArray(Float(0), count: hidden)
                            gb.withUnsafeMutableBufferPointer { pb in
                                for r in 0..<rows { for j in 0..<hidden { pb[j] += pd[r * hidden + j] } }
                            }
                            target.bias = gb
                        }
                    }
                }
            }
            if let group, l > 0 {
                DispatchQueue.global().async(group: group, execute: weightGradients)
            } else {
                weightGradients()
            }
            if l > 0 || needInputGrad {
                let below = BLAS.product(dOut, transposeA: false, layer.wih, transposeB: false, m: rows, n: inputSize, k: hidden)
                if l == 0 { dx = below } else { dOut = below }
            }
        }
        group?.wait()
        var result: [Tensor?] = [needInputGrad ? Tensor(shape: xShape, floats: dx) : nil]
        if let h0Shape { result.append(Tensor(shape: h0Shape, floats: dh0)) }
        // Parameter gradients go straight into leaves' .grad (no tensor per contribution).
        for (layer, grads) in zip(layers, gradients) {
            result.append(layer.weightIH.gradient(grads.wih))
            result.append(layer.weightHH.gradient(grads.whh))
            if let bias = layer.biasIH { result.append(bias.gradient(grads.bias)) }
            if let bias = layer.biasHH { result.append(bias.gradient(grads.bias)) }
        }
        return result
    }
}
