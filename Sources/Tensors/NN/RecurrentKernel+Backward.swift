import Dispatch

/// One layer's weight gradients, written by exactly one task.
final class LayerGradients: @unchecked Sendable {
    var wih: [Float] = []
    var whh: [Float] = []
    var biasIH: [Float] = []
    var biasHH: [Float] = []
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
                            let previous = UnsafePointer(s + l * slab)
                            if rows * hidden * hidden <= stepwiseWork, let da = pd.baseAddress {
                                (target.whh, target.biasHH) = stepwiseHiddenGradients(
                                    da, previous: previous, steps: steps, batch: batch, hidden: hidden)
                            } else {
                                target.whh = BLAS.product(pd.baseAddress, transposeA: true, previous, transposeB: false, m: hidden, n: hidden, k: rows)
                                target.biasHH = []
                            }
                            // The input side's bias: one sum over all steps' rows.
                            var gb = filledArray(Float(0), count: hidden)
                            gb.withUnsafeMutableBufferPointer { pb in
                                guard let out = pb.baseAddress, let rowsBase = pd.baseAddress else { return }
                                ColumnSums.sum(rowsBase, rows: rows, columns: hidden, into: out)
                            }
                            target.biasIH = gb
                            if target.biasHH.isEmpty { target.biasHH = gb }
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
            if let bias = layer.biasIH { result.append(bias.gradient(grads.biasIH)) }
            if let bias = layer.biasHH { result.append(bias.gradient(grads.biasHH)) }
        }
        return result
    }

    /// Up to this many multiply-adds the hidden side's weight gradient is summed step by step.
    static let stepwiseWork = 1 << 22

    /// The gradients of W_hh and b_hh as PyTorch's autograd forms them: each step's
    /// `linear(h_{t-1}, W_hh, b_hh)` contributes `da_t^T h_{t-1}` (summed over the batch) and
    /// the batch sum of `da_t`, and the contributions are added as they arrive, last step
    /// first. One product over all steps would associate the sum differently.
    static func stepwiseHiddenGradients(
        _ da: UnsafePointer<Float>, previous: UnsafePointer<Float>, steps: Int, batch: Int, hidden: Int
    ) -> (weight: [Float], bias: [Float]) {
        let bh = batch * hidden
        var weight = filledArray(Float(0), count: hidden * hidden)
        var bias = filledArray(Float(0), count: hidden)
        var term = filledArray(Float(0), count: hidden)
        weight.withUnsafeMutableBufferPointer { pw in
            bias.withUnsafeMutableBufferPointer { pb in
                term.withUnsafeMutableBufferPointer { pt in
                    for t in stride(from: steps - 1, through: 0, by: -1) {
                        let a = da + t * bh
                        let h = previous + t * bh
                        let first = t == steps - 1
                        for j in 0..<hidden {
                            for k in 0..<hidden {
                                var sum = a[j] * h[k]
                                for b in 1..<Swift.max(batch, 1) { sum += a[b * hidden + j] * h[b * hidden + k] }
                                pt[k] = sum
                            }
                            let row = j * hidden
                            if first {
                                for k in 0..<hidden { pw[row + k] = pt[k] }
                            } else {
                                for k in 0..<hidden { pw[row + k] += pt[k] }
                            }
                        }
                        for j in 0..<hidden {
                            var sum = a[j]
                            for b in 1..<Swift.max(batch, 1) { sum += a[b * hidden + j] }
                            pb[j] = first ? sum : pb[j] + sum
                        }
                    }
                }
            }
        }
        return (weight, bias)
    }
}
