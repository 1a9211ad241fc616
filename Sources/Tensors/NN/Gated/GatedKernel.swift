/// One gated layer's parameter values, read once per call.
struct GatedValues {
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
                // In tiles, so that both the reads and the writes stay within a few cache lines.
                let tile = 32
                for r0 in stride(from: 0, to: rows, by: tile) {
                    for c0 in stride(from: 0, to: hidden, by: tile) {
                        for r in r0..<Swift.min(r0 + tile, rows) {
                            for c in c0..<Swift.min(c0 + tile, hidden) { out[c * rows + r] = pw[r * hidden + c] }
                        }
                    }
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

/// What one layer's backward pass reads: hidden states `(T+1, B, H)` with h0 first, the
/// activated gates `(T, B, G*H)`; for LSTM the cell states `(T+1, B, H)` and their tanh
/// `(T, B, H)`; for GRU the hidden side of the n gate (`W_hn h + b_hn`, `(T, B, H)`).
struct GatedLayerTape {
    let states: FloatBuffer
    let gates: FloatBuffer
    let cells: FloatBuffer?
    let tanhCells: FloatBuffer?
    let hiddenN: FloatBuffer?
}

/// The fused LSTM and GRU recurrences over all time steps and layers, as `RecurrentKernel`
/// does for Elman RNNs: one GEMM for every step's input projection, one GEMM per step for
/// the recurrence into a preallocated slot, the gate nonlinearities over it, and weight
/// gradients as GEMMs over all steps.
enum GatedKernel {
    /// Runs the layers over time-major `x` (T*B*I values) from `h0` and, for LSTM, `c0`
    /// (L*B*H values each; nil: zeros). The result holds, when `includeOutput`, the top
    /// layer's outputs (T*B*H values), then each layer's last hidden state (L*B*H) and, for
    /// LSTM, each layer's last cell state (L*B*H); it is recorded as one node named `name`.
    static func run(
        _ kind: GatedKind, x: Tensor, h0: Tensor?, c0: Tensor?, layers: [RecurrentWeights],
        steps: Int, batch: Int, inputSize: Int, hidden: Int, includeOutput: Bool, resultShape: Shape, name: String
    ) -> Tensor {
        let size = GatedSize(steps: steps, batch: batch, inputSize: inputSize, hidden: hidden)
        let bh = batch * hidden
        let input = FloatBuffer(x.floats)
        let h0Values = h0?.floats
        let c0Values = c0?.floats
        let weights = layers.map { GatedValues(kind, $0, hidden: hidden) }
        let tape = (0..<layers.count).map { l in
            makeTape(
                kind, h0: h0Values.map { Array($0[(l * bh)..<((l + 1) * bh)]) }, c0: c0Values.map { Array($0[(l * bh)..<((l + 1) * bh)]) },
                size: size)
        }
        forward(kind, input: input, weights: weights, tape: tape, size: size)
        let count = layers.count
        let outputCount = includeOutput ? steps * bh : 0
        let resultCount = outputCount + count * bh * (kind.hasCellState ? 2 : 1)
        let result = makeFloats(resultCount) { out in
            guard let o = out.baseAddress, let top = tape.last else { return }
            if includeOutput { o.update(from: top.states.base + bh, count: steps * bh) }
            for (l, layer) in tape.enumerated() {
                (o + outputCount + l * bh).update(from: layer.states.base + steps * bh, count: bh)
                if let cells = layer.cells { (o + outputCount + (count + l) * bh).update(from: cells.base + steps * bh, count: bh) }
            }
        }
        var inputs = [x]
        if let h0 { inputs.append(h0) }
        if let c0 { inputs.append(c0) }
        inputs += layers.flatMap(\.tensors)
        let shapes = OperandShapes(x: x.shape, h0: h0?.shape, c0: c0?.shape)
        let needInputGrad = x.requiresGradFlag
        return Tensor(shape: resultShape, floats: result).recording(name, inputs) { g in
            backward(
                kind, g.floats, tape: tape, input: input, shapes: shapes, needInputGrad: needInputGrad,
                weights: weights, layers: layers, size: size, includeOutput: includeOutput)
        }
    }

    /// One layer's buffers, with h0 (and c0) in place; zeros without them.
    static func makeTape(_ kind: GatedKind, h0: [Float]?, c0: [Float]?, size: GatedSize) -> GatedLayerTape {
        let (steps, batch, hidden) = (size.steps, size.batch, size.hidden)
        let bh = batch * hidden
        let rows = steps * batch
        let states = FloatBuffer(count: (steps + 1) * bh)
        for i in 0..<bh { states.base[i] = h0?[i] ?? 0 }
        let gates = FloatBuffer(count: rows * kind.gates * hidden)
        switch kind {
        case .lstm:
            let cells = FloatBuffer(count: (steps + 1) * bh)
            for i in 0..<bh { cells.base[i] = c0?[i] ?? 0 }
            return GatedLayerTape(states: states, gates: gates, cells: cells, tanhCells: FloatBuffer(count: rows * hidden), hiddenN: nil)
        case .gru:
            return GatedLayerTape(states: states, gates: gates, cells: nil, tanhCells: nil, hiddenN: FloatBuffer(count: rows * hidden))
        }
    }

    /// The input projections of `rows` (rows of the layer's input at `input`, T*B of
    /// `inputSize` values): their rows of `gates` become `x W_ih^T` plus the input-side biases.
    static func project(
        _ kind: GatedKind, input: UnsafePointer<Float>, inputSize: Int, weights: GatedValues, tape: GatedLayerTape,
        rows: Range<Int>, size: GatedSize, concurrent: Bool = true
    ) {
        let gh = kind.gates * size.hidden
        let slots = tape.gates.base + rows.lowerBound * gh
        fillRows(slots, rows: rows.count, with: weights.inputBias, width: gh)
        weights.wih.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else {
                // No input features: the projections are the biases, or zeros.
                if weights.inputBias == nil { slots.update(repeating: 0, count: rows.count * gh) }
                return
            }
            BLAS.gemm(
                input + rows.lowerBound * inputSize, transposeA: false, w, transposeB: true, slots, m: rows.count, n: gh, k: inputSize,
                beta: weights.inputBias == nil ? 0 : 1, concurrent: concurrent)
        }
    }

    /// Steps `first..<last` of one layer whose input projections are in `tape.gates`: per step
    /// one product with `W_hh^T` into the step's slot (GRU: into a scratch row, since r scales
    /// the hidden side of n) and the gate nonlinearities.
    static func recur(
        _ kind: GatedKind, weights: GatedValues, tape: GatedLayerTape, steps first: Int, _ last: Int, size: GatedSize,
        concurrent: Bool = true
    ) {
        let (batch, hidden) = (size.batch, size.hidden)
        let bh = batch * hidden
        let gh = kind.gates * hidden
        let (states, gates) = (tape.states, tape.gates)
        weights.whhT.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            switch kind {
            case .lstm:
                guard let cells = tape.cells, let tanhCells = tape.tanhCells else { return }
                for t in first..<last {
                    let slot = gates.base + t * batch * gh
                    BLAS.gemm(
                        states.base + t * bh, transposeA: false, w, transposeB: false, slot, m: batch, n: gh, k: hidden, beta: 1,
                        concurrent: concurrent)
                    lstmStep(
                        slot, cPrev: cells.base + t * bh, c: cells.base + (t + 1) * bh, tanhC: tanhCells.base + t * bh,
                        h: states.base + (t + 1) * bh, batch: batch, hidden: hidden)
                }
            case .gru:
                guard let hiddenN = tape.hiddenN else { return }
                withUnsafeTemporaryAllocation(of: Float.self, capacity: batch * gh) { buffer in
                    guard let scratch = buffer.baseAddress else { return }
                    for t in first..<last {
                        fillRows(scratch, rows: batch, with: weights.hiddenBias, width: gh)
                        BLAS.gemm(
                            states.base + t * bh, transposeA: false, w, transposeB: false, scratch, m: batch, n: gh, k: hidden,
                            beta: weights.hiddenBias == nil ? 0 : 1, concurrent: concurrent)
                        gruStep(
                            gates.base + t * batch * gh, hiddenSide: scratch, hPrev: states.base + t * bh,
                            h: states.base + (t + 1) * bh, hiddenN: hiddenN.base + t * bh, batch: batch, hidden: hidden)
                    }
                }
            }
        }
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
struct GatedSize {
    let steps: Int
    let batch: Int
    let inputSize: Int
    let hidden: Int
}

/// The shapes the operands' gradients come back in.
struct OperandShapes {
    let x: Shape
    let h0: Shape?
    let c0: Shape?
}
