extension RecurrentKernel {
    /// One step of one layer (`nn.RNNCell`): `act((x W_ih^T + b_ih) + (h W_hh^T + b_hh))` over
    /// (batch, input) `x` and (batch, hidden) `h` (nil: zeros), associated as PyTorch's
    /// `rnn_tanh_cell` and as `run` with one step, recorded as one node named `name`. A cell is called once per
    /// time step from script code, so it saves only what its backward pass reads and names
    /// its gradients' shapes after its operands instead of building new ones.
    static func cell(
        x: Tensor, h: Tensor?, weights: RecurrentWeights, nonlinearity: Nonlinearity,
        batch: Int, inputSize: Int, hidden: Int, resultShape: Shape, name: String
    ) -> Tensor {
        let xValues = x.floats
        let hValues = h?.floats
        let wih = weights.weightIH.floats
        let whh = weights.weightHH.floats
        let bih = weights.biasIH?.floats
        let bhh = weights.biasHH?.floats
        let bh = batch * hidden
        let out = makeFloats(bh) { o in
            guard let c = o.baseAddress else { return }
            c.update(repeating: 0, count: bh)
            fillRows(c, rows: batch, hidden: hidden, bias: bih)
            xValues.withUnsafeBufferPointer { px in
                wih.withUnsafeBufferPointer { pw in
                    guard let xp = px.baseAddress, let w = pw.baseAddress else { return }
                    BLAS.gemm(xp, transposeA: false, w, transposeB: true, c, m: batch, n: hidden, k: inputSize, beta: bih == nil ? 0 : 1)
                }
            }
            // The hidden side on its own, then added: without h (zeros) it is b_hh.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: bh) { scratch in
                guard let hiddenSide = scratch.baseAddress else { return }
                hiddenSide.update(repeating: 0, count: bh)
                fillRows(hiddenSide, rows: batch, hidden: hidden, bias: bhh)
                if let hValues {
                    hValues.withUnsafeBufferPointer { ph in
                        whh.withUnsafeBufferPointer { pw in
                            guard let hp = ph.baseAddress, let w = pw.baseAddress else { return }
                            BLAS.gemm(hp, transposeA: false, w, transposeB: true, hiddenSide, m: batch, n: hidden, k: hidden, beta: bhh == nil ? 0 : 1)
                        }
                    }
                }
                for i in 0..<bh { c[i] += hiddenSide[i] }
            }
            switch nonlinearity {
            case .tanh: VectorMath.apply(VectorMath.tanh, c, count: bh)
            case .relu: for i in 0..<bh where c[i] < 0 { c[i] = 0 }
            }
        }
        var inputs: [Tensor] = [x]
        inputs.reserveCapacity(6)
        if let h { inputs.append(h) }
        inputs.append(weights.weightIH)
        inputs.append(weights.weightHH)
        if let b = weights.biasIH { inputs.append(b) }
        if let b = weights.biasHH { inputs.append(b) }
        let xShape = x.shape
        let hShape = h?.shape
        let needInputGrad = x.requiresGradFlag
        let (weightIH, weightHH, biasIH, biasHH) = (weights.weightIH, weights.weightHH, weights.biasIH, weights.biasHH)
        return Tensor(shape: resultShape, floats: out).recording(name, inputs) { g in
            let da = cellInputGradient(g.floats, out: out, nonlinearity: nonlinearity)
            var grads: [Tensor?] = []
            grads.reserveCapacity(6)
            grads.append(needInputGrad ? Tensor(shape: xShape, floats: BLAS.product(da, transposeA: false, wih, transposeB: false, m: batch, n: inputSize, k: hidden)) : nil)
            if let hShape {
                grads.append(Tensor(shape: hShape, floats: BLAS.product(da, transposeA: false, whh, transposeB: false, m: batch, n: hidden, k: hidden)))
            }
            // Weight gradients go straight into the leaves' .grad (da^T x, da^T h, sums of da).
            grads.append(weightIH.productGradient(da, transposeA: true, xValues, transposeB: false, m: hidden, n: inputSize, k: batch))
            grads.append(weightHH.productGradient(
                da, transposeA: true, hValues ?? filledArray(Float(0), count: batch * hidden), transposeB: false, m: hidden, n: hidden, k: batch))
            if let biasIH { grads.append(biasIH.biasGradient(da, rows: batch, columns: hidden)) }
            if let biasHH { grads.append(biasHH.biasGradient(da, rows: batch, columns: hidden)) }
            return grads
        }
    }

    /// The gradient before the nonlinearity, from the gradient of its output.
    static func cellInputGradient(_ g: [Float], out: [Float], nonlinearity: Nonlinearity) -> [Float] {
        g.withUnsafeBufferPointer { pg in
            out.withUnsafeBufferPointer { ph in
                makeFloats(Swift.min(pg.count, ph.count)) { da in
                    switch nonlinearity {
                    case .tanh: VectorMath.tanhBackward(pg.baseAddress, ph.baseAddress, da.baseAddress, da.count)
                    case .relu: for i in 0..<da.count { da[i] = ph[i] > 0 ? pg[i] : 0 }
                    }
                }
            }
        }
    }
}
