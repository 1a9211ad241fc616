import Tensors
import Script

extension TorchNN {
    /// Registers one layer type in `torch.nn`: name, signature, doc, argument names, how many
    /// are required, and how to build the layer.
    package typealias LayerRegistrar = (
        String, String, String, [String], Int, @escaping (ArgumentBinder, Interpreter) throws(ScriptError) -> any Module
    ) -> Void

    /// `nn.LSTM` (with `proj_size`), `nn.GRU`, `nn.LSTMCell` and `nn.GRUCell` with PyTorch's arguments.
    static func fillGated(_ layer: LayerRegistrar) {
        let sequenceNames = ["input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout", "bidirectional"]
        layer("LSTM", "input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False, proj_size=0",
              "A multi-layer long short-term memory (gates i, f, g, o). Call it as lstm(input, (h_0, c_0)); it returns (output, (h_n, c_n)).",
              sequenceNames + ["proj_size", "device", "dtype"], 2) { b, i throws(ScriptError) in
            try sequence(.lstm, b, i)
        }
        layer("GRU", "input_size, hidden_size, num_layers=1, bias=True, batch_first=False",
              "A multi-layer gated recurrent unit (gates r, z, n). Call it as gru(input, h_0); it returns (output, h_n).",
              sequenceNames + ["proj_size", "device", "dtype"], 2) { b, i throws(ScriptError) in
            if try b.int("proj_size", i, default: 0) != 0 { throw .valueError("proj_size argument is only supported for LSTM, not RNN or GRU") }
            return try sequence(.gru, b, i)
        }
        layer("LSTMCell", "input_size, hidden_size, bias=True",
              "One LSTM step. Call it as cell(input, (h, c)); it returns (h', c').",
              ["input_size", "hidden_size", "bias", "device", "dtype"], 2) { b, i throws(ScriptError) in
            let (n, h, bias) = try cellArguments(b, i, gates: 4)
            return try tensorCall { () throws(TensorError) in try LSTMCell(inputSize: n, hiddenSize: h, bias: bias, generator: i.torch.generator) }
        }
        layer("GRUCell", "input_size, hidden_size, bias=True",
              "One GRU step. Call it as cell(input, hidden); it returns h'.",
              ["input_size", "hidden_size", "bias", "device", "dtype"], 2) { b, i throws(ScriptError) in
            let (n, h, bias) = try cellArguments(b, i, gates: 3)
            return try tensorCall { () throws(TensorError) in try GRUCell(inputSize: n, hiddenSize: h, bias: bias, generator: i.torch.generator) }
        }
    }

    private enum SequenceKind {
        case lstm
        case gru
    }

    private static func sequence(_ kind: SequenceKind, _ b: ArgumentBinder, _ i: Interpreter) throws(ScriptError) -> any Module {
        let (n, h, layers) = (try b.int("input_size", i), try b.int("hidden_size", i), try b.int("num_layers", i, default: 1))
        let options = try recurrentOptions(b, i, layers: layers)
        // The first layer's input weights first: PyTorch allocates (and fails) layer by layer.
        try i.checkAllocation(h, kind == .lstm ? 4 : 3, n)
        try i.checkAllocation(h, kind == .lstm ? 4 : 3, n.addingReportingOverflow(h).overflow ? Int.max : max(n, h) + h, layers, options.directions)
        let (bias, batchFirst) = (try b.bool("bias", i, default: true), try b.bool("batch_first", i, default: false))
        let projection = try b.int("proj_size", i, default: 0)
        return try tensorCall { () throws(TensorError) -> any Module in
            switch kind {
            case .lstm:
                try LSTM(inputSize: n, hiddenSize: h, numLayers: layers, bias: bias, batchFirst: batchFirst, options: options,
                         projSize: projection, generator: i.torch.generator)
            case .gru:
                try GRU(inputSize: n, hiddenSize: h, numLayers: layers, bias: bias, batchFirst: batchFirst, options: options, generator: i.torch.generator)
            }
        }
    }

    private static func cellArguments(_ b: ArgumentBinder, _ i: Interpreter, gates: Int) throws(ScriptError) -> (Int, Int, Bool) {
        let (n, h, bias) = (try b.int("input_size", i), try b.int("hidden_size", i), try b.bool("bias", i, default: true))
        try i.checkAllocation(h, gates, n.addingReportingOverflow(h).overflow ? Int.max : n + h)
        return (n, h, bias)
    }
}
