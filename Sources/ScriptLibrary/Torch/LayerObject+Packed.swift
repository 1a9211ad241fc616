import Tensors
import Script

/// `rnn(packed, hx)` for `RNN`, `LSTM` and `GRU`: PyTorch's `(PackedSequence, h_n)` or, for
/// LSTM, `(PackedSequence, (h_n, c_n))`.
extension LayerObject {
    /// The result of calling a recurrent layer on a PackedSequence; nil when the input is
    /// not one (or the module is not recurrent, which the tensor path then reports).
    func packedCall(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        var input = arguments.positional.first
        var hx = arguments.positional.count > 1 ? arguments.positional[1] : nil
        for entry in arguments.keywords {
            if entry.name == "input" { input = entry.value }
            if entry.name == "hx" { hx = entry.value }
        }
        guard case .object(let object)? = input, let packed = (object as? PackedSequenceObject)?.packed else { return nil }
        if hx?.isNone == true { hx = nil }
        switch module {
        case let lstm as LSTM:
            var h: Tensor?
            var c: Tensor?
            if let hx {
                let items = try interpreter.iterate(hx)
                guard items.count == 2 else { throw .runtimeError("lstm expects two hidden states") }
                (h, c) = (try interpreter.tensor(items[0], "hx[0]"), try interpreter.tensor(items[1], "hx[1]"))
            }
            let result = try tensorCall { () throws(TensorError) in try lstm(packed: packed, h0: h, c0: c) }
            return .tuple([.object(PackedSequenceObject(result.output)),
                           .tuple([interpreter.wrap(result.hN), interpreter.wrap(result.cN ?? result.hN)])])
        case let gru as GRU:
            let h = try hx.map { (value) throws(ScriptError) in try interpreter.tensor(value, "hx") }
            let result = try tensorCall { () throws(TensorError) in try gru(packed: packed, h0: h, c0: nil) }
            return .tuple([.object(PackedSequenceObject(result.output)), interpreter.wrap(result.hN)])
        case let rnn as RNN:
            let h = try hx.map { (value) throws(ScriptError) in try interpreter.tensor(value, "hx") }
            let result = try tensorCall { () throws(TensorError) in try rnn(packed: packed, h0: h) }
            return .tuple([.object(PackedSequenceObject(result.output)), interpreter.wrap(result.hN)])
        default:
            return nil
        }
    }
}
