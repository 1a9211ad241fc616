/// What `LSTM` and `GRU` share: PyTorch's argument checks, the time-major layout, the fused
/// run and the views of its packed result with the `grad_fn` names PyTorch shows on CPU.
struct GatedSequence {
    let kind: GatedKind
    let inputSize: Int
    let hiddenSize: Int
    let batchFirst: Bool
    /// An LSTM's `proj_size` (0: no projection).
    let projection: Int
    /// Layer-major, then direction (`l0`, `l0_reverse`, `l1`, ...).
    private(set) var layers: [RecurrentWeights]
    let options: RecurrentOptions
    /// Draws the dropout masks.
    let generator: Generator

    /// Checks the sizes and draws every layer's parameters in PyTorch's order.
    init(
        _ kind: GatedKind, inputSize: Int, hiddenSize: Int, numLayers: Int, bias: Bool, batchFirst: Bool,
        options: RecurrentOptions, projection: Int = 0, generator: Generator
    ) throws(TensorError) {
        guard projection >= 0 else { throw .value("proj_size should be a positive integer or zero to disable projections") }
        guard projection < hiddenSize || projection == 0 else { throw .value("proj_size has to be smaller than hidden_size") }
        guard hiddenSize > 0 else { throw .value("hidden_size must be greater than zero") }
        guard numLayers > 0 else { throw .value("num_layers must be greater than zero") }
        guard inputSize >= 0 else { throw .value("input_size must be non-negative") }
        let (rows, overflow) = hiddenSize.multipliedReportingOverflow(by: kind.gates)
        let widest = Swift.max(inputSize, hiddenSize)
        guard !overflow, !widest.addingReportingOverflow(hiddenSize).overflow else {
            throw MemoryBudget.overflowed([numLayers, hiddenSize, kind.gates, widest])
        }
        // PyTorch allocates layer by layer, so its error names the first weight that fails.
        _ = try Shape.checkedCount([rows, inputSize])
        _ = try Shape.checkedCount([rows, hiddenSize])
        _ = try Shape.checkedCount([numLayers, options.directions, rows, widest * options.directions + hiddenSize])
        self.kind = kind
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.batchFirst = batchFirst
        self.options = options
        self.generator = generator
        self.projection = projection
        // With a projection the next layer reads proj_size features per direction.
        self.layers = try options.makeLayers(numLayers, inputSize: inputSize, hiddenSize: projection > 0 ? projection : hiddenSize) { (n) throws(TensorError) in
            projection > 0
                ? try ProjectedLSTM.makeWeights(inputSize: n, hiddenSize: hiddenSize, projection: projection, bias: bias, generator: generator)
                : try kind.makeWeights(inputSize: n, hiddenSize: hiddenSize, bias: bias, generator: generator)
        }
    }

    var numLayers: Int { layers.count / options.directions }

    /// The same sequence over `copier`'s parameters (dropout draws from the same generator).
    func copy(_ copier: any ModuleCopier) throws(TensorError) -> GatedSequence {
        var copy = self
        copy.layers = try copier.weights(layers)
        return copy
    }

    /// weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l0_reverse, ..., weight_ih_l1, ...
    var parameters: [(name: String, tensor: Tensor)] { options.named(layers) }

    /// `4, 2, num_layers=2, bias=False, batch_first=True` (defaults omitted, as PyTorch prints).
    var extraRepr: String {
        options.extraRepr(inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: layers.first?.biasIH != nil, batchFirst: batchFirst,
                          projection: projection)
    }

    var stack: RecurrentStack {
        RecurrentStack(kind: .gated(kind), hidden: hiddenSize, directions: options.directions, weights: layers)
    }

    /// Runs the sequence: `input` (seq, batch, input_size), (batch, seq, input_size) when
    /// batch_first, or unbatched (seq, input_size); `h0` and (LSTM) `c0` are (num_layers,
    /// batch, hidden) or (num_layers, hidden), zeros when nil. Returns the output, h_n and
    /// (LSTM) c_n.
    func run(_ input: Tensor, h0: Tensor?, c0: Tensor?, training: Bool) throws(TensorError) -> (output: Tensor, hN: Tensor, cN: Tensor?) {
        let name = kind.layerName
        guard input.rank == 2 || input.rank == 3 else {
            throw .value("\(name): Expected input to be 2D or 3D, got \(input.rank)D instead")
        }
        let batched = input.rank == 3
        var x = batched ? input : try input.unsqueeze(batchFirst ? 0 : 1)
        let batch = x.shape.dims[batchFirst ? 0 : 1]
        var h = h0
        var c = c0
        if let h0 {
            try checkStateRanks(batched: batched, h0: h0, c0: c0)
            if !batched {
                h = try h0.unsqueeze(1)
                c = try c0?.unsqueeze(1)
            }
        }
        if layers[0].weightIH.dtype == .float64 { return try runComposed(input, x: x, h0: h, c0: c, batched: batched, training: training) }
        guard input.dtype == .float32 else {
            throw .value("RNN input dtype (\(input.dtype)) does not match weight dtype (torch.float32). Convert input: input.to(torch.float32), or convert model: model.to(\(input.dtype))")
        }
        let got = input.shape.dims[input.rank - 1]
        guard got == inputSize else { throw .rnnInputSize(expected: inputSize, got: got) }
        let expectedC = Shape([numLayers * options.directions, batch, hiddenSize])
        let expectedH = projection > 0 ? Shape([numLayers * options.directions, batch, projection]) : expectedC
        let labels = kind.hasCellState ? ["hidden[0]", "hidden[1]"] : ["hidden"]
        for (state, label, expected) in zip3([h, c], labels, [expectedH, expectedC]) {
            guard let state else { continue }
            guard state.shape == expected else {
                throw .runtime("Expected \(label) size \(expected.tupleDescription), got \(state.shape.listDescription)")
            }
            guard state.dtype == .float32 else {
                throw .runtime("Expected \(label) to have dtype torch.float32, got \(state.dtype)")
            }
        }
        if batchFirst { x = try x.transpose(0, 1) }
        let steps = x.shape.dims[0]
        guard steps > 0 else { throw .runtime("Expected sequence length to be larger than 0 in RNN") }
        if projection > 0 {
            let projected = ProjectedLSTM(hidden: hiddenSize, projection: projection, directions: options.directions, layers: layers)
            var (output, hN, cN) = try projected.run(x, h0: h, c0: c, dropout: options.dropout, training: training, generator: generator)
            if !batched {
                (output, hN, cN) = (try output.squeeze(1), try hN.squeeze(1), try cN.squeeze(1))
            } else if batchFirst {
                output = try output.transpose(0, 1)
            }
            return (output, hN, cN)
        }
        if options.needsStack(training: training) {
            let result = try options.runStacked(stack, x, h0: h, c0: c, training: training, batched: batched, batchFirst: batchFirst, outputName: outputName,
                generator: generator)
            return (result.output, result.hN, result.cN)
        }
        let bh = batch * hiddenSize
        let states = kind.hasCellState ? 2 : 1
        let packed = GatedKernel.run(
            kind, x: x, h0: h, c0: c, layers: layers,
            steps: steps, batch: batch, inputSize: inputSize, hidden: hiddenSize, includeOutput: true,
            resultShape: Shape([(steps + states * numLayers) * bh]), name: name + "Backward")
        let finalOffset = steps * bh
        let cellOffset = finalOffset + numLayers * bh
        if !batched {
            let squeeze = "SqueezeBackward1"
            let output = packed.packedPart(offset: 0, dims: [steps, hiddenSize], swapFirstTwo: false, name: squeeze)
            let hN = packed.packedPart(offset: finalOffset, dims: [numLayers, hiddenSize], swapFirstTwo: false, name: squeeze)
            let cN = kind.hasCellState ? packed.packedPart(offset: cellOffset, dims: [numLayers, hiddenSize], swapFirstTwo: false, name: squeeze) : nil
            return (output, hN, cN)
        }
        let output = packed.packedPart(offset: 0, dims: [steps, batch, hiddenSize], swapFirstTwo: batchFirst, name: outputName,
                                       innerName: kind == .lstm ? "MkldnnRnnLayerBackward0" : "StackBackward0")
        let hN = packed.packedPart(offset: finalOffset, dims: [numLayers, batch, hiddenSize], swapFirstTwo: false, name: "StackBackward0")
        let cN = kind.hasCellState
            ? packed.packedPart(offset: cellOffset, dims: [numLayers, batch, hiddenSize], swapFirstTwo: false, name: "StackBackward0") : nil
        return (output, hN, cN)
    }

    /// The `grad_fn` PyTorch's CPU path gives a batched output: LSTM runs through oneDNN's
    /// layer, GRU through the native loop that stacks its steps; batch_first adds a transpose.
    var outputName: String {
        if options.directions == 2 && !batchFirst { return "CatBackward0" }
        return switch kind {
        case .lstm: batchFirst ? "TransposeBackward0" : "MkldnnRnnLayerBackward0"
        case .gru: batchFirst ? "TransposeBackward1" : "StackBackward0"
        }
    }

    private func zip3<A, B, C>(_ a: [A], _ b: [B], _ c: [C]) -> [(A, B, C)] {
        zip(a, zip(b, c)).map { ($0, $1.0, $1.1) }
    }

    /// PyTorch's check that the states have the input's batchedness.
    func checkStateRanks(batched: Bool, h0: Tensor, c0: Tensor?) throws(TensorError) {
        let rank = batched ? 3 : 2
        let form = batched ? "batched 3-D" : "unbatched 2-D"
        if let c0 {
            guard h0.rank == rank, c0.rank == rank else {
                throw .runtime("For \(form) input, hx and cx should also be \(rank)-D but got (\(h0.rank)-D, \(c0.rank)-D) tensors")
            }
        } else if h0.rank != rank {
            throw .runtime("For \(form) input, hx should also be \(rank)-D but got \(h0.rank)-D tensor")
        }
    }
}
