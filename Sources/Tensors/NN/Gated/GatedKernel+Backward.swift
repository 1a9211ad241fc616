import Dispatch

extension GatedKernel {
    /// Reverse pass, layer by layer from the top: one pass back through time with one product
    /// per step for the gradient of h_{t-1}, then the weight gradients as products over all
    /// steps and the gradient of the layer's input. Returns one gradient per operand of
    /// `run`'s node, in its order (parameter gradients of leaves go straight into `.grad`).
    /// In a stack of enough work, layer l's weight gradients are computed on another thread
    /// while this one walks layer l-1 back through time (its step products then stay on this
    /// thread); they are added into `.grad` here, in layer order, once both are done.
    static func backward(
        _ kind: GatedKind, _ g: [Float], tape: [GatedLayerTape], input: FloatBuffer, shapes: OperandShapes, needInputGrad: Bool,
        weights: [GatedValues], layers: [RecurrentWeights], size: GatedSize, includeOutput: Bool
    ) -> [Tensor?] {
        let (steps, batch, hidden) = (size.steps, size.batch, size.hidden)
        let bh = batch * hidden
        let gh = kind.gates * hidden
        let rows = steps * batch
        let count = layers.count
        let outputCount = includeOutput ? steps * bh : 0
        let overlap = count > 1 && rows * gh * hidden >= RecurrentKernel.concurrentWork
        // dOut starts as the top layer's output gradient and becomes each lower layer's.
        var dOut = includeOutput ? FloatBuffer(Array(g[0..<outputCount])) : FloatBuffer(zeros: steps * bh)
        var dh0 = filledArray(Float(0), count: count * bh)
        var dc0 = filledArray(Float(0), count: kind.hasCellState ? count * bh : 0)
        var dx: [Float] = []
        let gradients = (0..<count).map { _ in LayerGradients() }
        let group = overlap ? DispatchGroup() : nil
        for l in stride(from: count - 1, through: 0, by: -1) {
            let dh = FloatBuffer(Array(g[(outputCount + l * bh)..<(outputCount + (l + 1) * bh)]))
            let dc = kind.hasCellState ? FloatBuffer(Array(g[(outputCount + (count + l) * bh)..<(outputCount + (count + l + 1) * bh)])) : nil
            let dInput = FloatBuffer(count: rows * gh)
            // LSTM's gates see the same pre-activation from both products; GRU's n does not.
            let dHidden = kind == .gru ? FloatBuffer(count: rows * gh) : dInput
            // The walk of a layer below one whose weight gradients run on another thread keeps
            // its products on this thread.
            reverseSteps(
                kind, tape: tape[l], whh: weights[l].whh, dOut: dOut, dh: dh, dc: dc, dInput: dInput, dHidden: dHidden, size: size,
                concurrent: !(overlap && l < count - 1))
            for i in 0..<bh { dh0[l * bh + i] = dh.base[i] }
            if let dc { for i in 0..<bh { dc0[l * bh + i] = dc.base[i] } }
            let inputSize = l == 0 ? size.inputSize : hidden
            let below = l == 0 ? input : tape[l - 1].states
            let belowOffset = l == 0 ? 0 : bh
            let (layer, states, target) = (layers[l], tape[l].states, gradients[l])
            let (wantIH, wantHH) = (layer.weightIH.requiresGradFlag, layer.weightHH.requiresGradFlag)
            let (wantBiasIH, wantBiasHH) = (layer.biasIH != nil, layer.biasHH != nil)
            let weightGradients: @Sendable () -> Void = {
                if wantIH {
                    target.wih = BLAS.product(dInput.base, transposeA: true, below.base + belowOffset, transposeB: false, m: gh, n: inputSize, k: rows)
                }
                // Only the first T states (h0 ... h_{T-1}) are read: k = rows.
                if wantHH {
                    target.whh = BLAS.product(dHidden.base, transposeA: true, states.base, transposeB: false, m: gh, n: hidden, k: rows)
                }
                if wantBiasIH { target.biasIH = columnSums(dInput.base, rows: rows, columns: gh) }
                if wantBiasHH { target.biasHH = columnSums(dHidden.base, rows: rows, columns: gh) }
            }
            if let group, l > 0 {
                DispatchQueue.global().async(group: group, execute: weightGradients)
            } else {
                weightGradients()
            }
            if l > 0 || needInputGrad {
                let product = weights[l].wih.withUnsafeBufferPointer { pw in
                    BLAS.product(dInput.base, transposeA: false, pw.baseAddress, transposeB: false, m: rows, n: inputSize, k: gh)
                }
                if l == 0 { dx = product } else { dOut = FloatBuffer(product) }
            }
        }
        group?.wait()
        var result: [Tensor?] = [needInputGrad ? Tensor(shape: shapes.x, floats: dx) : nil]
        if let shape = shapes.h0 { result.append(Tensor(shape: shape, floats: dh0)) }
        if let shape = shapes.c0 { result.append(Tensor(shape: shape, floats: dc0)) }
        for (layer, grads) in zip(layers, gradients) {
            result.append(layer.weightIH.requiresGradFlag ? layer.weightIH.gradient(grads.wih) : nil)
            result.append(layer.weightHH.requiresGradFlag ? layer.weightHH.gradient(grads.whh) : nil)
            if let bias = layer.biasIH { result.append(bias.gradient(grads.biasIH)) }
            if let bias = layer.biasHH { result.append(bias.gradient(grads.biasHH)) }
        }
        return result
    }

    /// One layer's pass back through time: fills the gate gradients of every step and leaves
    /// the gradients of h0 (and c0) in `dh` (and `dc`).
    static func reverseSteps(
        _ kind: GatedKind, tape: GatedLayerTape, whh: [Float], dOut: FloatBuffer, dh: FloatBuffer, dc: FloatBuffer?,
        dInput: FloatBuffer, dHidden: FloatBuffer, size: GatedSize, concurrent: Bool
    ) {
        let (steps, batch, hidden) = (size.steps, size.batch, size.hidden)
        let bh = batch * hidden
        let gh = kind.gates * hidden
        whh.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            for t in stride(from: steps - 1, through: 0, by: -1) {
                let slot = dInput.base + t * batch * gh
                switch kind {
                case .lstm:
                    guard let cells = tape.cells, let tanhCells = tape.tanhCells, let dc else { return }
                    lstmBackwardStep(
                        gates: tape.gates.base + t * batch * gh, cPrev: cells.base + t * bh, tanhC: tanhCells.base + t * bh,
                        dh: dh.base, dOut: dOut.base + t * bh, dc: dc.base, dGates: slot, batch: batch, hidden: hidden)
                    BLAS.gemm(slot, transposeA: false, w, transposeB: false, dh.base, m: batch, n: hidden, k: gh, concurrent: concurrent)
                case .gru:
                    guard let hiddenN = tape.hiddenN else { return }
                    let hiddenSlot = dHidden.base + t * batch * gh
                    gruBackwardStep(
                        gates: tape.gates.base + t * batch * gh, hiddenN: hiddenN.base + t * bh, hPrev: tape.states.base + t * bh,
                        dh: dh.base, dOut: dOut.base + t * bh, dInput: slot, dHidden: hiddenSlot, batch: batch, hidden: hidden)
                    BLAS.gemm(
                        hiddenSlot, transposeA: false, w, transposeB: false, dh.base, m: batch, n: hidden, k: gh, beta: 1,
                        concurrent: concurrent)
                }
            }
        }
    }
}
