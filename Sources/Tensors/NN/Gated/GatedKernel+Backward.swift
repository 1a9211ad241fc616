extension GatedKernel {
    /// Reverse pass, layer by layer from the top: one pass back through time with one product
    /// per step for the gradient of h_{t-1}, then the weight gradients as products over all
    /// steps (added straight into the leaves' `grad`) and the gradient of the layer's input.
    /// Returns one gradient per operand of `run`'s node, in its order.
    static func backward(
        _ kind: GatedKind, _ g: [Float], tape: GatedTape, x: [Float], shapes: OperandShapes, needInputGrad: Bool,
        weights: [GatedValues], layers: [RecurrentWeights], size: GatedSize, includeOutput: Bool
    ) -> [Tensor?] {
        let (steps, batch, hidden) = (size.steps, size.batch, size.hidden)
        let bh = batch * hidden
        let gh = kind.gates * hidden
        let rows = steps * batch
        let count = layers.count
        let outputCount = includeOutput ? steps * bh : 0
        // dOut starts as the top layer's output gradient and becomes each lower layer's.
        var dOut = includeOutput ? Array(g[0..<outputCount]) : filledArray(Float(0), count: steps * bh)
        var dh0 = filledArray(Float(0), count: count * bh)
        var dc0 = filledArray(Float(0), count: kind.hasCellState ? count * bh : 0)
        var dx: [Float] = []
        var layerGrads = [[Tensor?]](repeating: [], count: count)
        for l in stride(from: count - 1, through: 0, by: -1) {
            var dh = Array(g[(outputCount + l * bh)..<(outputCount + (l + 1) * bh)])
            var dc = kind.hasCellState ? Array(g[(outputCount + (count + l) * bh)..<(outputCount + (count + l + 1) * bh)]) : []
            var dInput = makeFloats(rows * gh) { _ in }
            // LSTM's gates see the same pre-activation from both products; GRU's n differs.
            var dHidden = kind == .gru ? makeFloats(rows * gh) { _ in } : []
            reverseSteps(
                kind, tape: tape, layer: l, whh: weights[l].whh, dOut: dOut, dh: &dh, dc: &dc,
                dInput: &dInput, dHidden: &dHidden, steps: steps, batch: batch, hidden: hidden)
            for i in 0..<bh { dh0[l * bh + i] = dh[i] }
            if kind.hasCellState { for i in 0..<bh { dc0[l * bh + i] = dc[i] } }
            let inputSize = l == 0 ? size.inputSize : hidden
            let input = l == 0 ? x : Array(tape.states[l - 1][bh...])
            let dRecurrent = kind == .gru ? dHidden : dInput
            let layer = layers[l]
            var grads: [Tensor?] = [
                layer.weightIH.productGradient(dInput, transposeA: true, input, transposeB: false, m: gh, n: inputSize, k: rows),
                // Only the first T states (h0 ... h_{T-1}) are read: k = rows.
                layer.weightHH.productGradient(dRecurrent, transposeA: true, tape.states[l], transposeB: false, m: gh, n: hidden, k: rows),
            ]
            if let bias = layer.biasIH { grads.append(bias.biasGradient(dInput, rows: rows, columns: gh)) }
            if let bias = layer.biasHH { grads.append(bias.biasGradient(dRecurrent, rows: rows, columns: gh)) }
            layerGrads[l] = grads
            if l > 0 || needInputGrad {
                let below = BLAS.product(dInput, transposeA: false, weights[l].wih, transposeB: false, m: rows, n: inputSize, k: gh)
                if l == 0 { dx = below } else { dOut = below }
            }
        }
        var result: [Tensor?] = [needInputGrad ? Tensor(shape: shapes.x, floats: dx) : nil]
        if let shape = shapes.h0 { result.append(Tensor(shape: shape, floats: dh0)) }
        if let shape = shapes.c0 { result.append(Tensor(shape: shape, floats: dc0)) }
        for grads in layerGrads { result += grads }
        return result
    }

    /// One layer's pass back through time: fills the gate gradients of every step and leaves
    /// the gradients of h0 (and c0) in `dh` (and `dc`).
    static func reverseSteps(
        _ kind: GatedKind, tape: GatedTape, layer l: Int, whh: [Float], dOut: [Float],
        dh: inout [Float], dc: inout [Float], dInput: inout [Float], dHidden: inout [Float],
        steps: Int, batch: Int, hidden: Int
    ) {
        let bh = batch * hidden
        let gh = kind.gates * hidden
        let states = tape.states[l]
        let gates = tape.gates[l]
        let cells = kind.hasCellState ? tape.cells[l] : []
        let hiddenN = kind == .gru ? tape.hiddenN[l] : []
        states.withUnsafeBufferPointer { ps in
            gates.withUnsafeBufferPointer { pg in
                cells.withUnsafeBufferPointer { pc in
                    hiddenN.withUnsafeBufferPointer { pn in
                        dOut.withUnsafeBufferPointer { po in
                            dh.withUnsafeMutableBufferPointer { pdh in
                                dc.withUnsafeMutableBufferPointer { pdc in
                                    dInput.withUnsafeMutableBufferPointer { pdi in
                                        dHidden.withUnsafeMutableBufferPointer { pdhid in
                                            whh.withUnsafeBufferPointer { pw in
                                                guard let s = ps.baseAddress, let gt = pg.baseAddress, let o = po.baseAddress,
                                                    let dhp = pdh.baseAddress, let di = pdi.baseAddress, let w = pw.baseAddress
                                                else { return }
                                                for t in stride(from: steps - 1, through: 0, by: -1) {
                                                    let slot = di + t * batch * gh
                                                    switch kind {
                                                    case .lstm:
                                                        guard let c = pc.baseAddress, let dcp = pdc.baseAddress else { return }
                                                        lstmBackwardStep(
                                                            gates: gt + t * batch * gh, cPrev: c + t * bh, c: c + (t + 1) * bh, dh: dhp,
                                                            dOut: o + t * bh, dc: dcp, dGates: slot, batch: batch, hidden: hidden)
                                                        BLAS.gemm(slot, transposeA: false, w, transposeB: false, dhp, m: batch, n: hidden, k: gh)
                                                    case .gru:
                                                        guard let n = pn.baseAddress, let dhid = pdhid.baseAddress else { return }
                                                        let hiddenSlot = dhid + t * batch * gh
                                                        gruBackwardStep(
                                                            gates: gt + t * batch * gh, hiddenN: n + t * bh, hPrev: s + t * bh, dh: dhp,
                                                            dOut: o + t * bh, dInput: slot, dHidden: hiddenSlot, batch: batch, hidden: hidden)
                                                        BLAS.gemm(hiddenSlot, transposeA: false, w, transposeB: false, dhp, m: batch, n: hidden, k: gh, beta: 1)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
