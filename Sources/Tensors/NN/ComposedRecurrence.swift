/// The recurrent layers over float64 parameters, composed from autograd operations (linear,
/// chunk, sigmoid, tanh, stack, cat) in the order of ATen's CPU cells (`SimpleCell`,
/// `LSTMCell`, `GRUCell` in RNN.cpp), so gradients are autograd's and the `grad_fn` names
/// are PyTorch's. The fused kernels are float32 only; float64 models are small (tutorials
/// after precision), so a step costs a few more allocations here than there.
enum ComposedRecurrence {
    /// One cell step over batched `x` (batch, input) from `states` (h, and c for an LSTM;
    /// empty: zeros), squeezed back when the caller's input was unbatched.
    static func cellStep(
        _ kind: RecurrenceKind, x: Tensor, states: [Tensor], weights: RecurrentWeights, hidden: Int, batched: Bool
    ) throws(TensorError) -> (h: Tensor, c: Tensor?) {
        let dtype = weights.weightIH.dtype
        // ATen computes linear_hh(hx) first, so a mismatched state is reported before the input.
        for operand in states + [x] where operand.dtype != dtype {
            throw Functional.linearDTypeError(operand.dtype, dtype, hasBias: weights.biasIH != nil)
        }
        let batch = x.shape.dims[0]
        let h = try state(states.first, [batch, hidden], dtype)
        let c = kind.hasCellState ? try state(states.count > 1 ? states[1] : nil, [batch, hidden], dtype) : nil
        let next = try step(kind, input: try Functional.linear(x, weight: weights.weightIH, bias: weights.biasIH), h: h, c: c, weights: weights)
        guard !batched else { return next }
        return (try next.h.squeeze(0), try next.c?.squeeze(0))
    }

    /// A given initial state, or zeros (as PyTorch makes them when none is given).
    private static func state(_ given: Tensor?, _ dims: [Int], _ dtype: DType) throws(TensorError) -> Tensor {
        if let given { return given }
        return try Tensor.zeros(dims, dtype: dtype)
    }

    /// One step from the input's projection `gates` (`linear_ih(x)`, batch by gates*hidden).
    static func step(
        _ kind: RecurrenceKind, input gates: Tensor, h: Tensor, c: Tensor?, weights: RecurrentWeights
    ) throws(TensorError) -> (h: Tensor, c: Tensor?) {
        let recurrent = try Functional.linear(h, weight: weights.weightHH, bias: weights.biasHH)
        switch kind {
        case .elman(let nonlinearity):
            let sum = try recurrent.add(gates)
            switch nonlinearity {
            case .tanh: return (sum.tanh(), nil)
            case .relu: return (try sum.relu(), nil)
            }
        case .gated(.lstm):
            guard let c else { throw .runtime("lstm_cell expects two hidden states") }
            let chunks = try recurrent.add(gates).chunk(4, dim: 1)
            let (i, f, g, o) = (chunks[0].sigmoid(), chunks[1].sigmoid(), chunks[2].tanh(), chunks[3].sigmoid())
            let cy = try f.mul(c).add(try i.mul(g))
            var hy = try o.mul(cy.tanh())
            if let weightHR = weights.weightHR { hy = try Functional.linear(hy, weight: weightHR, bias: nil) }
            return (hy, cy)
        case .gated(.gru):
            let ig = try gates.chunk(3, dim: 1)
            let hg = try recurrent.chunk(3, dim: 1)
            let reset = try hg[0].add(ig[0]).sigmoid()
            let update = try hg[1].add(ig[1]).sigmoid()
            let candidate = try ig[2].add(try hg[2].mul(reset)).tanh()
            return (try h.sub(candidate).mul(update).add(candidate), nil)
        }
    }

    /// A multi-layer, possibly bidirectional sequence over time-major `x` (steps, batch,
    /// features) as ATen's `_rnn_impl` runs it: each layer's input projection computed for
    /// every step at once, the reverse direction over the reversed steps, the directions'
    /// outputs concatenated and dropout between layers in training. `h0`/`c0` are
    /// (layers*directions, batch, size) or nil for zeros; `projection` is an LSTM's
    /// `proj_size` (0: none).
    static func sequence(
        _ kind: RecurrenceKind, layers: [RecurrentWeights], directions: Int, hidden: Int, projection: Int,
        x: Tensor, h0: Tensor?, c0: Tensor?, dropout: Double, training: Bool, generator: Generator
    ) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor?) {
        let (steps, batch) = (x.shape.dims[0], x.shape.dims[1])
        let dtype = layers[0].weightIH.dtype
        let hiddenStates = try h0?.unbind(dim: 0)
        let cellStates = try c0?.unbind(dim: 0)
        var input = x
        var finalH: [Tensor] = [], finalC: [Tensor] = []
        for layer in 0..<(layers.count / directions) {
            var outputs: [Tensor] = []
            for direction in 0..<directions {
                let index = layer * directions + direction
                let w = layers[index]
                let projected = try Functional.linear(input, weight: w.weightIH, bias: w.biasIH).unbind(dim: 0)
                var h = try state(hiddenStates?[index], [batch, projection > 0 ? projection : hidden], dtype)
                var c = kind.hasCellState ? try state(cellStates?[index], [batch, hidden], dtype) : nil
                var stepOutputs: [Tensor] = []
                stepOutputs.reserveCapacity(steps)
                for t in direction == 0 ? Array(0..<steps) : Array((0..<steps).reversed()) {
                    (h, c) = try step(kind, input: projected[t], h: h, c: c, weights: w)
                    stepOutputs.append(h)
                }
                if direction == 1 { stepOutputs.reverse() }
                outputs.append(try Tensor.stack(stepOutputs, dim: 0))
                finalH.append(h)
                if let c { finalC.append(c) }
            }
            input = directions == 1 ? outputs[0] : try Tensor.cat(outputs, dim: 2)
            if dropout > 0, training, layer < layers.count / directions - 1 {
                input = try Functional.dropout(input, p: dropout, training: true, generator: generator)
            }
        }
        return (input, try Tensor.stack(finalH, dim: 0), kind.hasCellState ? try Tensor.stack(finalC, dim: 0) : nil)
    }

    /// One segment of a packed sequence (see `RecurrentStack`): `rows` (steps*batch,
    /// features) from `state`, giving the output rows (steps*batch, hidden) and the final
    /// states, as `runSegment` gives them from the fused kernels.
    static func segment(
        _ kind: RecurrenceKind, rows: Tensor, steps: Int, batch: Int, weights: RecurrentWeights, hidden: Int, state: RecurrentStack.LayerState
    ) throws(TensorError) -> (output: Tensor, final: RecurrentStack.LayerState) {
        let dtype = weights.weightIH.dtype
        let gates = try Functional.linear(rows, weight: weights.weightIH, bias: weights.biasIH)
        var h = try ComposedRecurrence.state(state.h, [batch, hidden], dtype)
        var c = kind.hasCellState ? try ComposedRecurrence.state(state.c, [batch, hidden], dtype) : nil
        var outputs: [Tensor] = []
        outputs.reserveCapacity(steps)
        for t in 0..<steps {
            (h, c) = try step(kind, input: try gates.narrow(dim: 0, start: t * batch, length: batch), h: h, c: c, weights: weights)
            outputs.append(h)
        }
        return (try Tensor.cat(outputs, dim: 0), RecurrentStack.LayerState(h: h, c: c))
    }

    /// The checks `RNNBase.forward` makes before running a float64 layer (its dtype, input
    /// size and states' shapes; a state of another dtype fails in its first product, as in
    /// ATen), then the run; `x` is batched (time-major unless
    /// `batchFirst`) and the states batched; the results are unbatched again when `batched`
    /// is false and batch-first when asked.
    static func layer(
        _ kind: RecurrenceKind, layers: [RecurrentWeights], options: RecurrentOptions, hidden: Int, projection: Int, inputSize: Int,
        batchFirst: Bool, input: Tensor, x: Tensor, h0: Tensor?, c0: Tensor?, batched: Bool, training: Bool, generator: Generator
    ) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor?) {
        let dtype = layers[0].weightIH.dtype
        guard input.dtype == dtype else { throw RNN.inputDTypeError(input.dtype, weight: dtype) }
        let got = input.shape.dims[input.rank - 1]
        guard got == inputSize else { throw .rnnInputSize(expected: inputSize, got: got) }
        let batch = x.shape.dims[batchFirst ? 0 : 1]
        let count = layers.count
        let expectedC = Shape([count, batch, hidden])
        let expectedH = projection > 0 ? Shape([count, batch, projection]) : expectedC
        let labels = kind.hasCellState ? ["hidden[0]", "hidden[1]"] : ["hidden"]
        for (k, (state, expected)) in zip([h0, c0], [expectedH, expectedC]).enumerated() where k < labels.count {
            guard let state else { continue }
            guard state.shape == expected else {
                throw .runtime("Expected \(labels[k]) size \(expected.tupleDescription), got \(state.shape.listDescription)")
            }
        }
        let timeMajor = batchFirst ? try x.transpose(0, 1) : x
        guard timeMajor.shape.dims[0] > 0 else { throw .runtime("Expected sequence length to be larger than 0 in RNN") }
        let (output, hN, cN) = try sequence(
            kind, layers: layers, directions: options.directions, hidden: hidden, projection: projection,
            x: timeMajor, h0: h0, c0: c0, dropout: options.dropout, training: training, generator: generator)
        if !batched {
            return (try output.squeeze(1), try hN.squeeze(1), try cN?.squeeze(1))
        }
        guard batchFirst else { return (output, hN, cN) }
        // ATen transposes an RNN's and a GRU's output back in place (`transpose_`); an LSTM's is transposed in Python.
        let inPlace: Bool = switch kind {
        case .gated(.lstm): false
        case .elman, .gated(.gru): true
        }
        return (output.permuted([1, 0, 2], name: inPlace ? "TransposeBackward1" : "TransposeBackward0"), hN, cN)
    }
}

extension GatedSequence {
    /// The layer over float64 parameters (see `ComposedRecurrence`), from `run`'s batched
    /// `x` and states.
    func runComposed(_ input: Tensor, x: Tensor, h0: Tensor?, c0: Tensor?, batched: Bool, training: Bool) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor?) {
        try ComposedRecurrence.layer(
            .gated(kind), layers: layers, options: options, hidden: hiddenSize, projection: projection, inputSize: inputSize,
            batchFirst: batchFirst, input: input, x: x, h0: h0, c0: c0, batched: batched, training: training, generator: generator)
    }
}
