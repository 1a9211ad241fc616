/// Which recurrence the layers of a `RecurrentStack` run.
enum RecurrenceKind {
    case elman(Nonlinearity)
    case gated(GatedKind)

    var hasCellState: Bool {
        switch self {
        case .elman: false
        case .gated(let kind): kind.hasCellState
        }
    }
}

/// The layers of an `RNN`, `LSTM` or `GRU` run one layer and direction at a time over a
/// packed sequence, as PyTorch runs packed, bidirectional and dropout configurations: the
/// steps where the same sequences are running (a segment) go through the fused kernel in one
/// call, each sequence's final state is taken when it ends, the reverse direction walks the
/// steps backwards with the sequences joining as they start, and dropout is applied to each
/// layer's output but the last. A tensor input is a packed sequence of one segment.
struct RecurrentStack {
    let kind: RecurrenceKind
    let hidden: Int
    let directions: Int
    /// Layer-major, then direction: `l0`, `l0_reverse`, `l1`, ...
    let weights: [RecurrentWeights]

    /// One sequence's worth of results: the packed output rows (total, directions*hidden)
    /// and the final states (layers*directions, batch, hidden), in sorted batch order.
    struct Result {
        let data: Tensor
        let hN: Tensor
        let cN: Tensor?
    }

    /// Runs every layer over `input` from `h0`/`c0` (layers*directions, batch, hidden, in
    /// sorted batch order; nil: zeros).
    func run(
        _ input: PackedSequence, h0: Tensor?, c0: Tensor?, dropout: Double, training: Bool, generator: Generator
    ) throws(TensorError) -> Result {
        let segments = input.segments
        let layers = weights.count / Swift.max(directions, 1)
        var layerInput = input.data
        var finalH: [Tensor] = []
        var finalC: [Tensor] = []
        for l in 0..<layers {
            var outputs: [Tensor] = []
            for d in 0..<directions {
                let i = l * directions + d
                let start = LayerState(h: try h0?.select(dim: 0, index: i), c: try c0?.select(dim: 0, index: i))
                let run = d == 0
                    ? try forward(layerInput, segments, weights[i], start)
                    : try reverse(layerInput, segments, weights[i], start)
                guard let h = run.final.h else { throw .runtime("cannot run a recurrent layer over an empty PackedSequence") }
                outputs.append(run.output)
                finalH.append(h)
                if let c = run.final.c { finalC.append(c) }
            }
            layerInput = try Tensor.cat(outputs, dim: 1)
            if dropout > 0 && training && l < layers - 1 {
                layerInput = try Functional.dropout(layerInput, p: dropout, training: true, generator: generator)
            }
        }
        return Result(
            data: layerInput, hN: try Tensor.stack(finalH, dim: 0),
            cN: kind.hasCellState ? try Tensor.stack(finalC, dim: 0) : nil)
    }

    /// A layer's states for the running sequences, (batch, hidden) each; nil: zeros.
    struct LayerState {
        var h: Tensor?
        var c: Tensor?
    }

    /// The layer forwards in time: each segment starts from the previous one's final states
    /// of the sequences still running; a sequence's final state is its last segment's.
    private func forward(
        _ x: Tensor, _ segments: [PackedSegment], _ w: RecurrentWeights, _ start: LayerState
    ) throws(TensorError) -> (output: Tensor, final: LayerState) {
        var state = start
        var outputs: [Tensor] = []
        var endedH: [Tensor] = []
        var endedC: [Tensor] = []
        for (k, segment) in segments.enumerated() {
            let next = k + 1 < segments.count ? segments[k + 1].batch : 0
            let rows = try x.narrow(dim: 0, start: segment.firstRow, length: segment.rows)
            let step = try runSegment(rows, segment, w, try state.leading(segment.batch))
            outputs.append(step.output)
            if next < segment.batch {
                if let h = step.final.h { endedH.append(try h.narrow(dim: 0, start: next, length: segment.batch - next)) }
                if let c = step.final.c { endedC.append(try c.narrow(dim: 0, start: next, length: segment.batch - next)) }
            }
            state = step.final
        }
        let final = LayerState(
            h: try Tensor.cat(endedH.reversed(), dim: 0),
            c: endedC.isEmpty ? nil : try Tensor.cat(endedC.reversed(), dim: 0))
        return (try Tensor.cat(outputs, dim: 0), final)
    }

    /// The layer backwards in time: the rows are gathered in reverse step order, the
    /// segments run from the last (fewest sequences), and sequences that start at a segment
    /// join with their initial states.
    private func reverse(
        _ x: Tensor, _ segments: [PackedSegment], _ w: RecurrentWeights, _ start: LayerState
    ) throws(TensorError) -> (output: Tensor, final: LayerState) {
        var order: [Int] = []
        order.reserveCapacity(x.rank == 0 ? 0 : x.shape.dims[0])
        for segment in segments.reversed() {
            for t in (0..<segment.steps).reversed() {
                let first = segment.firstRow + t * segment.batch
                order.append(contentsOf: first..<(first + segment.batch))
            }
        }
        let reversed = x.gathered(dim: 0, indices: order, outShape: x.shape, name: "IndexSelectBackward0")
        var state: LayerState?
        var outputs: [Tensor] = []
        var row = 0
        for segment in segments.reversed() {
            let rows = try reversed.narrow(dim: 0, start: row, length: segment.rows)
            row += segment.rows
            let initial: LayerState
            if let state {
                initial = try state.joined(start, batch: segment.batch, hidden: hidden)
            } else {
                initial = try start.leading(segment.batch)
            }
            let step = try runSegment(rows, segment, w, initial)
            outputs.append(step.output)
            state = step.final
        }
        let output = try Tensor.cat(outputs, dim: 0)
        let restored = output.gathered(dim: 0, indices: PackedSequence.inverse(order), outShape: output.shape, name: "IndexSelectBackward0")
        return (restored, state ?? start)
    }

    /// One segment through the fused kernel: its output rows (steps*batch, hidden) and the
    /// final states (batch, hidden).
    private func runSegment(
        _ rows: Tensor, _ segment: PackedSegment, _ w: RecurrentWeights, _ state: LayerState
    ) throws(TensorError) -> (output: Tensor, final: LayerState) {
        if w.weightIH.dtype == .float64 { return try ComposedRecurrence.segment(kind, rows: rows, steps: segment.steps, batch: segment.batch, weights: w, hidden: hidden, state: state) }
        let features = rows.rank > 1 ? rows.shape.dims[1] : 0
        let x = try rows.reshape([segment.steps, segment.batch, features])
        let h0 = try state.h?.unsqueeze(0)
        let c0 = try state.c?.unsqueeze(0)
        let (steps, batch) = (segment.steps, segment.batch)
        let bh = batch * hidden
        let packed: Tensor
        switch kind {
        case .elman(let nonlinearity):
            packed = RecurrentKernel.run(
                x: x, h0: h0, layers: [w], nonlinearity: nonlinearity, steps: steps, batch: batch, inputSize: features,
                hidden: hidden, appendFinal: true, resultShape: Shape([(steps + 1) * bh]), name: "RNNBackward")
        case .gated(let gated):
            packed = GatedKernel.run(
                gated, x: x, h0: h0, c0: c0, layers: [w], steps: steps, batch: batch, inputSize: features, hidden: hidden,
                includeOutput: true, resultShape: Shape([(steps + (gated.hasCellState ? 2 : 1)) * bh]), name: gated.layerName + "Backward")
        }
        let output = packed.packedPart(offset: 0, dims: [steps * batch, hidden], swapFirstTwo: false, name: "SliceBackward0")
        let h = packed.packedPart(offset: steps * bh, dims: [batch, hidden], swapFirstTwo: false, name: "SliceBackward0")
        let c = kind.hasCellState ? packed.packedPart(offset: (steps + 1) * bh, dims: [batch, hidden], swapFirstTwo: false, name: "SliceBackward0") : nil
        return (output, LayerState(h: h, c: c))
    }
}

extension RecurrentStack.LayerState {
    /// The states of the first `batch` sequences.
    func leading(_ batch: Int) throws(TensorError) -> Self {
        Self(h: try h?.narrow(dim: 0, start: 0, length: batch), c: try c?.narrow(dim: 0, start: 0, length: batch))
    }

    /// These states of the sequences already running, followed by the initial states
    /// (`start`, or zeros) of those joining, up to `batch` sequences.
    func joined(_ start: Self, batch: Int, hidden: Int) throws(TensorError) -> Self {
        func join(_ carried: Tensor?, _ initial: Tensor?) throws(TensorError) -> Tensor? {
            guard let carried else { return nil }
            let running = carried.shape.dims[0]
            guard running < batch else { return carried }
            let joining: Tensor
            if let initial {
                joining = try initial.narrow(dim: 0, start: running, length: batch - running)
            } else {
                joining = try Tensor.zeros([batch - running, hidden])
            }
            return try Tensor.cat([carried, joining], dim: 0)
        }
        return Self(h: try join(h, start.h), c: try join(c, start.c))
    }
}
