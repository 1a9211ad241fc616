/// One gated layer's parameter values, read once per call.
struct GatedValues: Sendable {
    let wih: [Float]
    /// `W_hh` as stored, (gates*hidden, hidden): the backward pass multiplies by it.
    let whh: [Float]
    /// `W_hh^T`, (hidden, gates*hidden): every forward step multiplies by it untransposed.
    let whhT: [Float]
    /// Added to every step's input projection: `b_ih + b_hh` for LSTM, `b_ih` for GRU.
    let inputBias: [Float]?
    /// GRU only: `b_hh`, added to the hidden projection because r scales its n part.
    let hiddenBias: [Float]?

    init(_ kind: GatedKind, _ layer: RecurrentWeights, hidden: Int) {
        wih = layer.weightIH.floats
        whh = layer.weightHH.floats
        let rows = kind.gates * hidden
        whhT = whh.withUnsafeBufferPointer { pw in
            makeFloats(rows * hidden) { out in
                for r in 0..<rows {
                    for c in 0..<hidden { out[c * rows + r] = pw[r * hidden + c] }
                }
            }
        }
        switch kind {
        case .lstm:
            inputBias = RecurrentKernel.combinedBias(layer)
            hiddenBias = nil
        case .gru:
            inputBias = layer.biasIH?.floats
            hiddenBias = layer.biasHH?.floats
        }
    }
}

/// What the backward pass reads, per layer: hidden states `(T+1, B, H)` with h0 first,
/// LSTM cell states likewise, the activated gates `(T, B, G*H)` and, for GRU, the hidden
/// side of the n gate (`W_hn h + b_hn`, `(T, B, H)`).
struct GatedTape {
    var states: [[Float]] = []
    var cells: [[Float]] = []
    var gates: [[Float]] = []
    var hiddenN: [[Float]] = []
}

/// The fused LSTM and GRU recurrences over all time steps and layers, as `RecurrentKernel`
/// does for Elman RNNs: one GEMM for every step's input projection, one GEMM per step for
/// the recurrence into a preallocated slot, the gate nonlinearities in one pass over it,
/// and weight gradients as GEMMs over all steps.
enum GatedKernel {
    /// Runs the layers over time-major `x` (T*B*I values) from `h0` and, for LSTM, `c0`
    /// (L*B*H values each; nil: zeros). The result holds, when `includeOutput`, the top
    /// layer's outputs (T*B*H values), then each layer's last hidden state (L*B*H) and, for
    /// LSTM, each layer's last cell state (L*B*H); it is recorded as one node named `name`.
    static func run(
        _ kind: GatedKind, x: Tensor, h0: Tensor?, c0: Tensor?, layers: [RecurrentWeights],
        steps: Int, batch: Int, inputSize: Int, hidden: Int, includeOutput: Bool, resultShape: Shape, name: String
    ) -> Tensor {
        let bh = batch * hidden
        let xValues = x.floats
        let h0Values = h0?.floats
        let c0Values = c0?.floats
        let weights = layers.map { GatedValues(kind, $0, hidden: hidden) }
        var tape = GatedTape()
        for l in 0..<layers.count {
            let layerInput = l == 0 ? xValues : Array(tape.states[l - 1][bh...])
            forwardLayer(
                kind, input: layerInput, inputSize: l == 0 ? inputSize : hidden, weights: weights[l],
                h0: h0Values.map { Array($0[(l * bh)..<((l + 1) * bh)]) }, c0: c0Values.map { Array($0[(l * bh)..<((l + 1) * bh)]) },
                steps: steps, batch: batch, hidden: hidden, tape: &tape)
        }
        let count = layers.count
        let outputCount = includeOutput ? steps * bh : 0
        let resultCount = outputCount + count * bh * (kind.hasCellState ? 2 : 1)
        let result = makeFloats(resultCount) { out in
            guard let o = out.baseAddress else { return }
            if includeOutput {
                tape.states[count - 1].withUnsafeBufferPointer { ps in
                    if let s = ps.baseAddress { o.update(from: s + bh, count: steps * bh) }
                }
            }
            for l in 0..<count {
                tape.states[l].withUnsafeBufferPointer { ps in
                    if let s = ps.baseAddress { (o + outputCount + l * bh).update(from: s + steps * bh, count: bh) }
                }
                if kind.hasCellState {
                    tape.cells[l].withUnsafeBufferPointer { pc in
                        if let c = pc.baseAddress { (o + outputCount + (count + l) * bh).update(from: c + steps * bh, count: bh) }
                    }
                }
            }
        }
        var inputs = [x]
        if let h0 { inputs.append(h0) }
        if let c0 { inputs.append(c0) }
        inputs += layers.flatMap(\.tensors)
        let shapes = OperandShapes(x: x.shape, h0: h0?.shape, c0: c0?.shape)
        let needInputGrad = x.requiresGradFlag
        let frozen = tape
        let size = GatedSize(steps: steps, batch: batch, inputSize: inputSize, hidden: hidden)
        return Tensor(shape: resultShape, floats: result).recording(name, inputs) { g in
            backward(
                kind, g.floats, tape: frozen, x: xValues, shapes: shapes, needInputGrad: needInputGrad,
                weights: weights, layers: layers, size: size, includeOutput: includeOutput)
        }
    }

    /// One layer over all steps, appending its states and gates to `tape`.
    static func forwardLayer(
        _ kind: GatedKind, input: [Float], inputSize: Int, weights: GatedValues, h0: [Float]?, c0: [Float]?,
        steps: Int, batch: Int, hidden: Int, tape: inout GatedTape
    ) {
        let bh = batch * hidden
        let gh = kind.gates * hidden
        let rows = steps * batch
        var states = makeFloats((steps + 1) * bh) { s in
            for i in 0..<bh { s[i] = h0?[i] ?? 0 }
        }
        var cells = kind.hasCellState ? makeFloats((steps + 1) * bh) { c in
            for i in 0..<bh { c[i] = c0?[i] ?? 0 }
        } : []
        var gates = makeFloats(rows * gh) { _ in }
        var hiddenN = kind == .gru ? makeFloats(rows * hidden) { _ in } : []
        var scratch = kind == .gru ? makeFloats(bh * kind.gates) { _ in } : []
        gates.withUnsafeMutableBufferPointer { pg in
            guard let pre = pg.baseAddress else { return }
            // Every step's input projection at once, biases pre-filled.
            fillRows(pre, rows: rows, with: weights.inputBias, width: gh)
            input.withUnsafeBufferPointer { px in
                weights.wih.withUnsafeBufferPointer { pw in
                    guard let xp = px.baseAddress, let w = pw.baseAddress else { return }
                    BLAS.gemm(xp, transposeA: false, w, transposeB: true, pre, m: rows, n: gh, k: inputSize, beta: weights.inputBias == nil ? 0 : 1)
                }
            }
            states.withUnsafeMutableBufferPointer { ps in
                cells.withUnsafeMutableBufferPointer { pc in
                    hiddenN.withUnsafeMutableBufferPointer { pn in
                        scratch.withUnsafeMutableBufferPointer { psc in
                            weights.whhT.withUnsafeBufferPointer { pw in
                                guard let s = ps.baseAddress, let w = pw.baseAddress else { return }
                                for t in 0..<steps {
                                    let slot = pre + t * batch * gh
                                    let hPrev = UnsafePointer(s + t * bh)
                                    switch kind {
                                    case .lstm:
                                        guard let c = pc.baseAddress else { return }
                                        BLAS.gemm(hPrev, transposeA: false, w, transposeB: false, slot, m: batch, n: gh, k: hidden, beta: 1)
                                        lstmStep(slot, cPrev: c + t * bh, c: c + (t + 1) * bh, h: s + (t + 1) * bh, batch: batch, hidden: hidden)
                                    case .gru:
                                        guard let n = pn.baseAddress, let sc = psc.baseAddress else { return }
                                        fillRows(sc, rows: batch, with: weights.hiddenBias, width: gh)
                                        BLAS.gemm(hPrev, transposeA: false, w, transposeB: false, sc, m: batch, n: gh, k: hidden, beta: weights.hiddenBias == nil ? 0 : 1)
                                        gruStep(slot, hiddenSide: sc, hPrev: hPrev, h: s + (t + 1) * bh, hiddenN: n + t * bh, batch: batch, hidden: hidden)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        tape.states.append(states)
        tape.gates.append(gates)
        if kind.hasCellState { tape.cells.append(cells) }
        if kind == .gru { tape.hiddenN.append(hiddenN) }
    }

    /// Copies `bias` into each of `rows` rows of `width` (nothing when there is no bias: the
    /// product that follows then overwrites the rows).
    static func fillRows(_ out: UnsafeMutablePointer<Float>, rows: Int, with bias: [Float]?, width: Int) {
        guard let bias else { return }
        bias.withUnsafeBufferPointer { pb in
            guard let b = pb.baseAddress else { return }
            for r in 0..<rows { (out + r * width).update(from: b, count: width) }
        }
    }
}

/// The sizes of one gated call.
struct GatedSize: Sendable {
    let steps: Int
    let batch: Int
    let inputSize: Int
    let hidden: Int
}

/// The shapes the operands' gradients come back in.
struct OperandShapes: Sendable {
    let x: Shape
    let h0: Shape?
    let c0: Shape?
}
