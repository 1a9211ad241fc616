/// `nn.RNN(input_size, hidden_size, num_layers=1, nonlinearity="tanh", bias=True,
/// batch_first=False)`: a multi-layer Elman RNN returning `(output, h_n)`.
public final class RNN: Module {
    /// Input feature count.
    public let inputSize: Int
    /// Hidden state size.
    public let hiddenSize: Int
    /// Stacked layer count.
    public let numLayers: Int
    /// `tanh` or `relu`.
    public let nonlinearity: Nonlinearity
    /// Whether inputs and outputs are (batch, seq, feature).
    public let batchFirst: Bool
    /// `dropout=` and `bidirectional=`.
    public let options: RecurrentOptions
    /// Layer-major, then direction (`l0`, `l0_reverse`, `l1`, ...).
    let layers: [RecurrentWeights]
    /// Draws the dropout masks.
    let generator: Generator
    /// Whether the layers have `bias_ih` and `bias_hh` (`bias=`).
    public var hasBias: Bool { layers.first?.biasIH != nil }
    /// Training mode flag.
    public var isTraining = true

    /// Initialises every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)), as PyTorch does.
    public init(
        inputSize: Int, hiddenSize: Int, numLayers: Int = 1, nonlinearity: Nonlinearity = .tanh,
        bias: Bool = true, batchFirst: Bool = false, options: RecurrentOptions = RecurrentOptions(), generator: Generator
    ) throws(TensorError) {
        guard hiddenSize > 0 else { throw .value("hidden_size must be greater than zero") }
        guard numLayers > 0 else { throw .value("num_layers must be greater than zero") }
        guard inputSize >= 0 else { throw .value("input_size must be non-negative") }
        _ = try Shape.checkedCount([numLayers, options.directions, hiddenSize, Swift.max(inputSize, hiddenSize * options.directions) + hiddenSize])
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.nonlinearity = nonlinearity
        self.batchFirst = batchFirst
        self.options = options
        self.generator = generator
        layers = try options.makeLayers(numLayers, inputSize: inputSize, hiddenSize: hiddenSize) { (n) throws(TensorError) in
            try RNN.makeWeights(rows: hiddenSize, inputSize: n, hiddenSize: hiddenSize, bias: bias, generator: generator)
        }
    }

    private init(copying other: RNN, layers: [RecurrentWeights]) {
        inputSize = other.inputSize
        hiddenSize = other.hiddenSize
        numLayers = other.numLayers
        nonlinearity = other.nonlinearity
        batchFirst = other.batchFirst
        options = other.options
        generator = other.generator
        self.layers = layers
        isTraining = other.isTraining
    }

    /// The same layer over `copier`'s parameters (dropout draws from the same generator).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        RNN(copying: self, layers: try copier.weights(layers))
    }

    var stack: RecurrentStack {
        RecurrentStack(kind: .elman(nonlinearity), hidden: hiddenSize, directions: options.directions, weights: layers)
    }

    /// Runs a packed sequence (`forward(PackedSequence, hx)`): the output packed as the
    /// input, and the final states of each sequence's last step in the input's batch order.
    public func callAsFunction(packed input: PackedSequence, h0: Tensor?) throws(TensorError) -> PackedResult {
        try options.runPacked(stack, input, h0: h0, c0: nil, training: isTraining, inputSize: inputSize, generator: generator)
    }

    /// One layer's parameters as PyTorch's `reset_parameters` draws them: each from
    /// U(-1/sqrt(hidden), 1/sqrt(hidden)) in registration order (`weight_ih`, `weight_hh`,
    /// `bias_ih`, `bias_hh`); `rows` is hidden times the gate count.
    static func makeWeights(rows: Int, inputSize: Int, hiddenSize: Int, bias: Bool, generator: Generator) throws(TensorError) -> RecurrentWeights {
        let bound = Tensor.inverseSquareRoot(hiddenSize)
        func p(_ dims: [Int]) throws(TensorError) -> Tensor {
            try .uniformParameter(dims, bound: bound, generator: generator)
        }
        return RecurrentWeights(
            weightIH: try p([rows, inputSize]), weightHH: try p([rows, hiddenSize]),
            biasIH: bias ? try p([rows]) : nil, biasHH: bias ? try p([rows]) : nil)
    }

    /// "RNN"
    public var typeName: String { "RNN" }
    /// weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l0_reverse, ..., weight_ih_l1, ...
    public var ownParameters: [(name: String, tensor: Tensor)] { options.named(layers) }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 2, num_layers=2, bias=False, batch_first=True` (defaults omitted, as PyTorch prints).
    public var extraRepr: String {
        options.extraRepr(inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: layers.first?.biasIH != nil, batchFirst: batchFirst)
    }

    /// Runs the sequence. `input` is (seq, batch, input_size), (batch, seq, input_size) when
    /// batch_first, or unbatched (seq, input_size); `h0` is (num_layers, batch, hidden) or
    /// (num_layers, hidden), zeros when nil. Returns `(output, h_n)`.
    public func callAsFunction(_ input: Tensor, _ h0: Tensor? = nil) throws(TensorError) -> (output: Tensor, hN: Tensor) {
        guard input.rank == 2 || input.rank == 3 else {
            throw .value("RNN: Expected input to be 2D or 3D, got \(input.rank)D tensor instead")
        }
        let batched = input.rank == 3
        if let h0 {
            if batched && h0.rank != 3 {
                throw .runtime("For batched 3-D input, hx should also be 3-D but got \(h0.rank)-D tensor")
            }
            if !batched && h0.rank != 2 {
                throw .runtime("For unbatched 2-D input, hx should also be 2-D but got \(h0.rank)-D tensor")
            }
        }
        if layers[0].weightIH.dtype == .float64 {
            let x = batched ? input : try input.unsqueeze(batchFirst ? 0 : 1)
            let (output, hN, _) = try ComposedRecurrence.layer(
                .elman(nonlinearity), layers: layers, options: options, hidden: hiddenSize, projection: 0, inputSize: inputSize, batchFirst: batchFirst,
                input: input, x: x, h0: batched ? h0 : try h0?.unsqueeze(1), c0: nil, batched: batched, training: isTraining, generator: generator)
            return (output, hN)
        }
        guard input.dtype == .float32 else { throw RNN.inputDTypeError(input.dtype, weight: .float32) }
        let got = input.shape.dims[input.rank - 1]
        guard got == inputSize else { throw .rnnInputSize(expected: inputSize, got: got) }
        var x = batched ? input : try input.unsqueeze(1)
        if batched && batchFirst { x = try x.transpose(0, 1) }
        let steps = x.shape.dims[0]
        let batch = x.shape.dims[1]
        var h: Tensor?
        if let h0 {
            let hb = batched ? h0 : try h0.unsqueeze(1)
            let expected = Shape([numLayers * options.directions, batch, hiddenSize])
            guard hb.shape == expected else {
                // PyTorch checks the unbatched state after adding its batch dimension, and says so.
                throw .runtime("Expected hidden size \(expected.tupleDescription), got \(hb.shape.listDescription)")
            }
            h = hb
        }
        guard steps > 0 else { throw .runtime("Expected sequence length to be larger than 0 in RNN") }
        if options.needsStack(training: isTraining) {
            let name = batchFirst ? "TransposeBackward1" : options.bidirectional ? "CatBackward0" : "StackBackward0"
            let result = try options.runStacked(
                stack, x, h0: h, c0: nil, training: isTraining, batched: batched, batchFirst: batchFirst, outputName: name, generator: generator)
            return (result.output, result.hN)
        }
        let bh = batch * hiddenSize
        let packed = RecurrentKernel.run(
            x: x, h0: h, layers: layers, nonlinearity: nonlinearity, steps: steps, batch: batch,
            inputSize: inputSize, hidden: hiddenSize, appendFinal: true, resultShape: Shape([(steps + numLayers) * bh]), name: "RNNBackward")
        if !batched {
            let output = packed.packedPart(offset: 0, dims: [steps, hiddenSize], swapFirstTwo: false, name: "SqueezeBackward1")
            let last = packed.packedPart(offset: steps * bh, dims: [numLayers, hiddenSize], swapFirstTwo: false, name: "SqueezeBackward1")
            return (output, last)
        }
        let output = packed.packedPart(
            offset: 0, dims: [steps, batch, hiddenSize], swapFirstTwo: batchFirst,
            name: batchFirst ? "TransposeBackward1" : "StackBackward0")
        let last = packed.packedPart(offset: steps * bh, dims: [numLayers, batch, hiddenSize], swapFirstTwo: false, name: "StackBackward0")
        return (output, last)
    }

    /// `forward(input, hx=None)` returning `[output, h_n]`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...2, typeName)
        let (output, last) = try self(inputs[0], inputs.count > 1 ? inputs[1] : nil)
        return [output, last]
    }
}

extension RNN {
    /// `RNNBase.forward`'s error for an input (or packed data) whose dtype is not the weights'.
    static func inputDTypeError(_ input: DType, weight: DType) -> TensorError {
        .value("RNN input dtype (\(input)) does not match weight dtype (\(weight)). Convert input: input.to(\(weight)), or convert model: model.to(\(input))")
    }
}

extension RecurrentWeights {
    /// PyTorch's parameter names and order: `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`,
    /// each followed by `suffix` (`_l0` for layer 0 of an RNN, nothing for an RNNCell).
    func named(suffix: String) -> [(name: String, tensor: Tensor)] {
        var result = [("weight_ih" + suffix, weightIH), ("weight_hh" + suffix, weightHH)]
        if let b = biasIH { result.append(("bias_ih" + suffix, b)) }
        if let b = biasHH { result.append(("bias_hh" + suffix, b)) }
        if let w = weightHR { result.append(("weight_hr" + suffix, w)) }
        return result
    }
}
