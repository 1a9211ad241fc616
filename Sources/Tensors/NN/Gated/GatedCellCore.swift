/// What `LSTMCell` and `GRUCell` share: parameters, PyTorch's argument checks (in its order:
/// ranks, input size, each state's rank, batch and size, then dtypes) and one fused step.
struct GatedCellCore {
    let kind: GatedKind
    let inputSize: Int
    let hiddenSize: Int
    private(set) var weights: RecurrentWeights

    init(_ kind: GatedKind, inputSize: Int, hiddenSize: Int, bias: Bool, generator: Generator) throws(TensorError) {
        guard inputSize >= 0, hiddenSize > 0 else { throw .value("hidden_size must be greater than zero") }
        let (rows, overflow) = hiddenSize.multipliedReportingOverflow(by: kind.gates)
        guard !overflow, !inputSize.addingReportingOverflow(hiddenSize).overflow else {
            throw MemoryBudget.overflowed([hiddenSize, kind.gates, inputSize])
        }
        _ = try Shape.checkedCount([rows, inputSize + hiddenSize])
        self.kind = kind
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        weights = try kind.makeWeights(inputSize: inputSize, hiddenSize: hiddenSize, bias: bias, generator: generator)
    }

    /// The same cell over `copier`'s parameters.
    func copy(_ copier: any ModuleCopier) throws(TensorError) -> GatedCellCore {
        var copy = self
        copy.weights = try copier.weights(weights)
        return copy
    }

    var cellName: String { kind.layerName + "Cell" }

    /// `4, 8` or `4, 8, bias=False`.
    var extraRepr: String {
        "\(inputSize), \(hiddenSize)" + (weights.biasIH == nil ? ", bias=False" : "")
    }

    /// One step from `states` (h, and c for LSTM; empty: zeros) over (batch, input) or
    /// unbatched (input) `input`; returns h' and, for LSTM, c', named as PyTorch names them.
    func step(_ input: Tensor, states: [Tensor]) throws(TensorError) -> (h: Tensor, c: Tensor?) {
        guard input.rank == 1 || input.rank == 2 else {
            throw .value("\(cellName): Expected input to be 1D or 2D, got \(input.rank)D instead")
        }
        for (k, state) in states.enumerated() where state.rank != 1 && state.rank != 2 {
            let label = kind.hasCellState ? "hx[\(k)]" : "hidden"
            throw .value("\(cellName): Expected \(label) to be 1D or 2D, got \(state.rank)D instead")
        }
        let batched = input.rank == 2
        let x = batched ? input : try input.unsqueeze(0)
        var hx: [Tensor] = []
        for state in states { hx.append(batched ? state : try state.unsqueeze(0)) }
        let batch = x.shape.dims[0]
        let got = x.shape.dims[1]
        guard got == inputSize else {
            throw .runtime("input has inconsistent input_size: got \(got) expected \(inputSize)")
        }
        for (k, state) in hx.enumerated() {
            guard state.rank == 2 else {
                throw .runtime("Expected 2D hidden\(k) (batch x hidden_size), but got \(state.rank)D tensor")
            }
            guard state.shape.dims[0] == batch else {
                throw .runtime("Input batch size \(batch) doesn't match hidden\(k) batch size \(state.shape.dims[0])")
            }
            guard state.shape.dims[1] == hiddenSize else {
                throw .runtime("hidden\(k) has inconsistent hidden_size: got \(state.shape.dims[1]), expected \(hiddenSize)")
            }
        }
        if weights.weightIH.dtype == .float64 { return try ComposedRecurrence.cellStep(.gated(kind), x: x, states: hx, weights: weights, hidden: hiddenSize, batched: batched) }
        for operand in [x] + hx where operand.dtype != .float32 {
            throw Functional.linearDTypeError(operand.dtype, .float32, hasBias: weights.biasIH != nil)
        }
        let bh = batch * hiddenSize
        let count = kind.hasCellState ? 2 * bh : bh
        let packed = GatedKernel.run(
            kind, x: x, h0: hx.first, c0: hx.count > 1 ? hx[1] : nil, layers: [weights], steps: 1, batch: batch,
            inputSize: inputSize, hidden: hiddenSize, includeOutput: false, resultShape: Shape([count]), name: cellName + "Backward")
        let dims = batched ? [batch, hiddenSize] : [hiddenSize]
        switch kind {
        case .lstm:
            let h = packed.packedPart(offset: 0, dims: dims, swapFirstTwo: false, name: batched ? "MulBackward0" : "SqueezeBackward1")
            let c = packed.packedPart(offset: bh, dims: dims, swapFirstTwo: false, name: batched ? "AddBackward0" : "SqueezeBackward1")
            return (h, c)
        case .gru:
            return (packed.packedPart(offset: 0, dims: dims, swapFirstTwo: false, name: batched ? "AddBackward0" : "SqueezeBackward1"), nil)
        }
    }
}
