import Tensors
import Script

/// Calls of the gated layers in PyTorch's forms: `lstm(input, (h_0, c_0))` returning
/// `(output, (h_n, c_n))`, `cell(input, (h, c))` returning `(h', c')`, and PyTorch's errors
/// for a state of the wrong form. GRU and GRUCell take tensors, which the general path of
/// `LayerObject.call` handles; only a tuple state is reported here.
extension LayerObject {
    /// The result of a call to a gated layer; nil for other modules and for GRU calls the
    /// general path takes.
    func gatedCall(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let isLSTM = module is LSTM
        let isLSTMCell = module is LSTMCell
        guard isLSTM || isLSTMCell || module is GRU || module is GRUCell else { return nil }
        let (input, hx) = try forwardArguments(arguments)
        guard isLSTM || isLSTMCell else {
            if let hx, case .tuple = hx { throw .attributeError("'tuple' object has no attribute 'dim'") }
            if let hx, case .list = hx { throw .attributeError("'list' object has no attribute 'dim'") }
            return nil
        }
        let x = try interpreter.tensor(input)
        let states = try hx.map { (value) throws(ScriptError) in try lstmStates(value, cell: isLSTMCell, interpreter: interpreter) }
        let inputs = [x] + (states.map { [$0.h, $0.c] } ?? [])
        let outputs = try tensorCall { () throws(TensorError) in try module.forward(inputs) }
        interpreter.traceShapes(module, inputs: inputs, outputs: outputs)
        let wrapped = outputs.map { interpreter.wrap($0) }
        guard isLSTM, wrapped.count == 3 else { return .tuple(wrapped) }
        return .tuple([wrapped[0], .tuple([wrapped[1], wrapped[2]])])
    }

    /// `forward(input, hx=None)`'s two arguments, with Python's errors for others.
    private func forwardArguments(_ arguments: Arguments) throws(ScriptError) -> (input: Value, hx: Value?) {
        let name = module.typeName
        guard arguments.positional.count <= 2 else {
            throw .typeError("\(name).forward() takes from 2 to 3 positional arguments but \(arguments.positional.count + 1) were given")
        }
        var values = arguments.positional
        for (keyword, value) in arguments.keywords {
            guard let slot = ["input", "hx"].firstIndex(of: keyword) else {
                throw .typeError("\(name).forward() got an unexpected keyword argument '\(keyword)'")
            }
            guard slot >= values.count else {
                throw .typeError("\(name).forward() got multiple values for argument '\(keyword)'")
            }
            while values.count < slot { values.append(.none) }
            values.append(value)
        }
        guard let input = values.first, !input.isNone else {
            throw .typeError("\(name).forward() missing 1 required positional argument: 'input'")
        }
        let hx = values.count > 1 && !values[1].isNone ? values[1] : nil
        return (input, hx)
    }

    /// The `(h, c)` pair an LSTM or LSTMCell state must be.
    private func lstmStates(_ value: Value, cell: Bool, interpreter: Interpreter) throws(ScriptError) -> (h: Tensor, c: Tensor) {
        let items: [Value]
        switch value {
        case .tuple(let values): items = values
        case .list(let list): items = list.items
        case .object(let object) where object is Tensor:
            throw .typeError(cell
                ? "lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors, not Tensor"
                : "lstm(): argument 'hx' must be tuple of Tensors, not Tensor")
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module, .object:
            throw .typeError("'\(value.typeName)' object is not \(cell ? "iterable" : "subscriptable")")
        }
        if !cell && items.count < 2 { throw .indexError("\(value.typeName) index out of range") }
        guard items.count == 2 else { throw .runtimeError("\(cell ? "lstm_cell" : "lstm") expects two hidden states") }
        return (try interpreter.tensor(items[0], "hx[0]"), try interpreter.tensor(items[1], "hx[1]"))
    }

    /// Constructor arguments the gated layers expose as attributes, as PyTorch names them.
    func gatedConfiguration(_ name: String) -> Value? {
        let sizes: (input: Int, hidden: Int, bias: Bool)
        var layers: (count: Int, batchFirst: Bool, options: RecurrentOptions)?
        switch module {
        case let lstm as LSTM:
            sizes = (lstm.inputSize, lstm.hiddenSize, lstm.hasBias)
            layers = (lstm.numLayers, lstm.batchFirst, lstm.options)
        case let gru as GRU:
            sizes = (gru.inputSize, gru.hiddenSize, gru.hasBias)
            layers = (gru.numLayers, gru.batchFirst, gru.options)
        case let cell as LSTMCell: sizes = (cell.inputSize, cell.hiddenSize, cell.hasBias)
        case let cell as GRUCell: sizes = (cell.inputSize, cell.hiddenSize, cell.hasBias)
        default: return nil
        }
        switch name {
        case "input_size": return .int(sizes.input)
        case "hidden_size": return .int(sizes.hidden)
        case "bias": return .bool(sizes.bias)
        case "num_layers": return layers.map { .int($0.count) }
        case "batch_first": return layers.map { .bool($0.batchFirst) }
        case "proj_size": return layers.map { _ in .int((module as? GatedSequenceLayer)?.projectionSize ?? 0) }
        default: return layers.flatMap { LayerObject.recurrentOption(name, $0.options) }
        }
    }

    /// `dropout` and `bidirectional` of a recurrent layer, as PyTorch stores them.
    static func recurrentOption(_ name: String, _ options: RecurrentOptions) -> Value? {
        switch name {
        case "dropout": .float(options.dropout)
        case "bidirectional": .bool(options.bidirectional)
        default: nil
        }
    }
}
