import Tensors
import Script

/// Fills `torch.nn`: `Module`, layers, containers, activations, losses, `Parameter`.
package enum TorchNN {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let object = interpreter.types.object
        let base = TypeObject(name: "Module", bases: [object], kind: .library(ModuleBase()), module: "torch.nn")
        base.namespace["__init__"] = .builtin(BuiltinFunction("__init__", signature: "nn.Module.__init__(self)",
            doc: "Initializes the module's registry of parameters and submodules.") { _, _ throws(ScriptError) in .none })
        base.namespace["__doc__"] = .str("Base class for all neural network modules. Subclasses assign layers to self in __init__ and define forward().")
        module.namespace["Module"] = .type(base)

        func layer(_ name: String, _ signature: String, _ doc: String, names: [String], required: Int,
                   _ make: @escaping (ArgumentBinder, Interpreter) throws(ScriptError) -> any Module) {
            let constructor = BuiltinFunction(name, signature: "torch.nn.\(name)(\(signature))", doc: doc) { interpreter, a throws(ScriptError) in
                let binder = try ArgumentBinder(name + ".__init__", a, names: names, required: required)
                // PyTorch's factory_kwargs: the parameters are drawn in `dtype=`, else the default dtype.
                let dtype = try interpreter.dtype(binder["dtype"]) ?? DefaultDType.current
                guard dtype.isFloatingPoint else {
                    throw ScriptError(.notImplementedError, "nn.\(name)(dtype=\(dtype)): Recur's layers hold float32 or float64 parameters")
                }
                let saved = DefaultDType.current
                DefaultDType.current = dtype
                defer { DefaultDType.current = saved }
                return .object(LayerObject(try make(binder, interpreter)))
            }
            let type = TypeObject(name: name, bases: [base], kind: .builtin, constructor: constructor, module: "torch.nn")
            interpreter.types.registerNative(type, forTypeName: name)
            module.namespace[name] = .type(type)
        }
        layer("Linear", "in_features, out_features, bias=True", "Applies y = x A^T + b.",
              names: ["in_features", "out_features", "bias", "device", "dtype"], required: 2) { b, i throws(ScriptError) in
            let (n, m, bias) = (try b.int("in_features", i), try b.int("out_features", i), try b.bool("bias", i, default: true))
            try i.checkAllocation(n, m)
            return try tensorCall { () throws(TensorError) in try Linear(inFeatures: n, outFeatures: m, bias: bias, generator: i.torch.generator) }
        }
        layer("Embedding", "num_embeddings, embedding_dim, padding_idx=None", "A lookup table mapping indices to learned vectors.",
              names: ["num_embeddings", "embedding_dim", "padding_idx"], required: 2) { b, i throws(ScriptError) in
            let (n, d) = (try b.int("num_embeddings", i), try b.int("embedding_dim", i))
            try i.checkAllocation(n, d)
            var padding: Int?
            if let given = b["padding_idx"], !given.isNone {
                let index = try i.indexValue(given)
                guard index < n, index >= -n else { throw ScriptError(.assertionError, "Padding_idx must be within num_embeddings") }
                padding = index < 0 ? index + n : index
            }
            return try tensorCall { () throws(TensorError) in
                try Embedding(numEmbeddings: n, embeddingDim: d, paddingIdx: padding, generator: i.torch.generator)
            }
        }
        layer("RNNCell", "input_size, hidden_size, bias=True, nonlinearity='tanh'",
              "An Elman RNN cell: h' = tanh(W_ih x + b_ih + W_hh h + b_hh). Call it as cell(input, hidden).",
              names: ["input_size", "hidden_size", "bias", "nonlinearity"], required: 2) { b, i throws(ScriptError) in
            let nonlinearity = try nonlinearityArgument(b)
            let (n, h, bias) = (try b.int("input_size", i), try b.int("hidden_size", i), try b.bool("bias", i, default: true))
            try i.checkAllocation(h, n.addingReportingOverflow(h).overflow ? Int.max : n + h)
            return try tensorCall { () throws(TensorError) in
                try RNNCell(inputSize: n, hiddenSize: h, bias: bias, nonlinearity: nonlinearity, generator: i.torch.generator)
            }
        }
        layer("RNN", "input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=False",
              "A multi-layer Elman RNN. Call it as rnn(input, h_0); it returns (output, h_n).",
              names: ["input_size", "hidden_size", "num_layers", "nonlinearity", "bias", "batch_first", "dropout", "bidirectional", "proj_size"],
              required: 2) { b, i throws(ScriptError) in
            if try b.int("proj_size", i, default: 0) != 0 { throw .valueError("proj_size argument is only supported for LSTM, not RNN or GRU") }
            let (n, h, layers) = (try b.int("input_size", i), try b.int("hidden_size", i), try b.int("num_layers", i, default: 1))
            let options = try recurrentOptions(b, i, layers: layers)
            let nonlinearity = try nonlinearityArgument(b)
            try i.checkAllocation(h, n)
            try i.checkAllocation(h, n.addingReportingOverflow(h).overflow ? Int.max : max(n, h) + h, layers, options.directions)
            let (bias, batchFirst) = (try b.bool("bias", i, default: true), try b.bool("batch_first", i, default: false))
            return try tensorCall { () throws(TensorError) in
                try RNN(inputSize: n, hiddenSize: h, numLayers: layers, nonlinearity: nonlinearity, bias: bias,
                        batchFirst: batchFirst, options: options, generator: i.torch.generator)
            }
        }
        fillGated { name, signature, doc, names, required, make in layer(name, signature, doc, names: names, required: required, make) }
        fillElementwise { name, signature, doc, names, required, make in layer(name, signature, doc, names: names, required: required, make) }
        fillNorm { name, signature, doc, names, required, make in layer(name, signature, doc, names: names, required: required, make) }
        for (name, kind) in [("Tanh", Activation.Kind.tanh), ("ReLU", .relu), ("Sigmoid", .sigmoid)] {
            layer(name, "", "Applies \(name.lowercased()) elementwise.", names: [], required: 0) { _, _ throws(ScriptError) in Activation(kind) }
        }
        layer("Dropout", "p=0.5, inplace=False",
              "In training, zeroes elements with probability p and scales the rest by 1/(1-p); in eval mode, passes input through.",
              names: ["p", "inplace"], required: 0) { b, i throws(ScriptError) in
            let (p, inplace) = (try TorchInit.dropoutProbability(b["p"], i), try b.bool("inplace", i, default: false))
            return try tensorCall { () throws(TensorError) in try Dropout(p: p, inplace: inplace, generator: i.torch.generator) }
        }
        layer("CrossEntropyLoss", "ignore_index=-100, reduction='mean'",
              "Cross entropy between logits (N, C) and class indices (N). Call it as criterion(input, target).",
              names: ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"], required: 0) { b, i throws(ScriptError) in
            if b["weight"] != nil { throw .valueError("CrossEntropyLoss: weight is not supported in Recur") }
            return CrossEntropyLoss(ignoreIndex: Int64(try b.int("ignore_index", i, default: -100)), reduction: try reductionArgument(b))
        }
        layer("NLLLoss", "ignore_index=-100, reduction='mean'",
              "Negative log likelihood of log-probabilities (N, C) at class indices (N), as after LogSoftmax. Call it as criterion(input, target).",
              names: ["weight", "size_average", "ignore_index", "reduce", "reduction"], required: 0) { b, i throws(ScriptError) in
            if b["weight"] != nil { throw .valueError("NLLLoss: weight is not supported in Recur") }
            return NLLLoss(ignoreIndex: Int64(try b.int("ignore_index", i, default: -100)), reduction: try reductionArgument(b))
        }
        for (name, kind) in [("Softmax", SoftmaxLayer.Kind.softmax), ("LogSoftmax", .logSoftmax)] {
            layer(name, "dim=None", "Applies \(name == "Softmax" ? "softmax" : "log(softmax)") along dim.",
                  names: ["dim"], required: 0) { [weak interpreter] b, i throws(ScriptError) in
                var dim: Int?
                if let value = b["dim"], !value.isNone { dim = try i.indexValue(value) }
                return SoftmaxLayer(kind, dim: dim) { [weak interpreter] (message) throws(TensorError) in
                    guard let interpreter else { return }
                    do throws(ScriptError) {
                        try interpreter.warn(message, category: .userWarning)
                    } catch {
                        throw interpreter.parking(error, in: "\(name)'s warning")
                    }
                }
            }
        }
        layer("MSELoss", "reduction='mean'", "Mean squared error. Call it as criterion(input, target).",
              names: ["size_average", "reduce", "reduction"], required: 0) { b, _ throws(ScriptError) in
            MSELoss(reduction: try reductionArgument(b))
        }
        let sequential = BuiltinFunction("Sequential", signature: "torch.nn.Sequential(*modules)",
                                         doc: "Chains modules: the output of each is the input of the next.") { interpreter, a throws(ScriptError) in
            var modules: [any Module] = []
            for value in a.positional {
                guard let m = LayerObject.module(of: value) else {
                    throw .typeError("\(value.typeName) is not a Module subclass")
                }
                modules.append(m)
            }
            return .object(LayerObject(Sequential(modules)))
        }
        let sequentialType = TypeObject(name: "Sequential", bases: [base], kind: .builtin, constructor: sequential, module: "torch.nn")
        interpreter.types.registerNative(sequentialType, forTypeName: "Sequential")
        module.namespace["Sequential"] = .type(sequentialType)
        for (name, signature, doc) in [("ModuleList", "torch.nn.ModuleList(modules=None)", "Holds modules in a list, registered as children."),
                                       ("ModuleDict", "torch.nn.ModuleDict(modules=None)", "Holds modules under string keys, registered as children.")] {
            let constructor = BuiltinFunction(name, signature: signature, doc: doc) { interpreter, a throws(ScriptError) in
                try a.expect(name, 0...1, keywords: ["modules"])
                let source = a.value(0, "modules") ?? .none
                if name == "ModuleDict" {
                    let dict = ModuleDict()
                    if !source.isNone { try LayerObject.fill(dict, from: source, interpreter) }
                    return .object(LayerObject(dict))
                }
                let items = source.isNone ? [] : try interpreter.iterate(source)
                return .object(LayerObject(ModuleList(try items.map { (v) throws(ScriptError) in try LayerObject.requireModule(v, interpreter) })))
            }
            let type = TypeObject(name: name, bases: [base], kind: .builtin, constructor: constructor, module: "torch.nn")
            interpreter.types.registerNative(type, forTypeName: name)
            module.namespace[name] = .type(type)
        }
        let parameterList = BuiltinFunction("ParameterList", signature: "torch.nn.ParameterList(values=None)",
                                            doc: "Holds parameters in a list, registered as the module's own.") { interpreter, a throws(ScriptError) in
            try a.expect("ParameterList", 0...1, keywords: ["values"])
            let source = a.value(0, "values") ?? .none
            let items = source.isNone ? [] : try interpreter.iterate(source)
            return .object(LayerObject(ParameterList(try items.map { (v) throws(ScriptError) in try LayerObject.parameter(v, interpreter) })))
        }
        let parameterListType = TypeObject(name: "ParameterList", bases: [base], kind: .builtin, constructor: parameterList, module: "torch.nn")
        interpreter.types.registerNative(parameterListType, forTypeName: "ParameterList")
        module.namespace["ParameterList"] = .type(parameterListType)
        let parameter = BuiltinFunction("Parameter", signature: "torch.nn.Parameter(data, requires_grad=True)",
            doc: "A tensor registered as a module parameter when assigned to self.") { interpreter, a throws(ScriptError) in
            try a.expect("Parameter", 0...2, keywords: ["data", "requires_grad"])
            // Without data PyTorch's parameter holds torch.empty(0).
            let data = a.value(0, "data") ?? .none
            let source = data.isNone ? try tensorCall { () throws(TensorError) in try Tensor(floats: [], shape: Shape([0])) }
                                     : try interpreter.tensor(data)
            let flag = try interpreter.boolArgument(a.value(1, "requires_grad"), default: true)
            return .object(try tensorCall { () throws(TensorError) in try source.parameter(requiresGrad: flag) })
        }
        // A parameter's class is torch.nn.parameter.Parameter, a subclass of torch.Tensor, as in
        // PyTorch (`import torch.nn` fills this module before its parent `torch`).
        if interpreter.torch.tensorType == nil { _ = try interpreter.loadModule("torch") }
        let parameterType = TypeObject(name: "Parameter", bases: [interpreter.torch.tensorType ?? object], kind: .builtin,
                                       constructor: parameter, module: "torch.nn.parameter")
        interpreter.types.registerNative(parameterType, forTypeName: "Parameter")
        module.namespace["Parameter"] = .type(parameterType)
        // The attention layers exist as classes, so a file that defines a subclass of one
        // beside its recurrent model still imports; building one says what Recur provides.
        for name in ["Transformer", "TransformerEncoder", "TransformerDecoder", "TransformerEncoderLayer",
                     "TransformerDecoderLayer", "MultiheadAttention"] {
            let type = TypeObject(name: name, bases: [base], kind: .user, module: "torch.nn")
            type.namespace["__init__"] = .builtin(BuiltinFunction("__init__", signature: "nn.\(name)(...)",
                doc: "Not provided: Recur's layers are the recurrent ones.") { _, _ throws(ScriptError) in
                throw ScriptError(.notImplementedError, "nn.\(name) is not available in Recur, which provides the recurrent layers "
                                  + "(RNN, LSTM, GRU and their cells), Linear, Embedding, Dropout, LayerNorm and the containers")
            })
            module.namespace[name] = .type(type)
        }
        _ = try interpreter.loadModule("torch.nn.functional")
        _ = try interpreter.loadModule("torch.nn.utils")
        _ = try interpreter.loadModule("torch.nn.init")
    }

    /// `dropout=` and `bidirectional=` checked as PyTorch's `RNNBase` checks them, with its
    /// warning for dropout on a single layer.
    static func recurrentOptions(_ b: ArgumentBinder, _ i: Interpreter, layers: Int) throws(ScriptError) -> RecurrentOptions {
        if case .bool? = b["dropout"] {
            throw .valueError("dropout should be a number in range [0, 1] representing the probability of an element being zeroed")
        }
        let dropout = try b.double("dropout", i, default: 0)
        let bidirectional = try b.bool("bidirectional", i, default: false)
        let options = try tensorCall { () throws(TensorError) in try RecurrentOptions(dropout: dropout, bidirectional: bidirectional) }
        if dropout > 0 && layers == 1 {
            try i.warn("dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=\((try? i.repr(b["dropout"] ?? .float(dropout))) ?? String(dropout)) and num_layers=\(layers)", category: .userWarning)
        }
        return options
    }

    static func nonlinearityArgument(_ b: ArgumentBinder) throws(ScriptError) -> Nonlinearity {
        let text = try b.string("nonlinearity", default: "tanh")
        guard let value = Nonlinearity(rawValue: text) else { throw .valueError("Unknown nonlinearity '\(text)'. Select from 'tanh' or 'relu'.") }
        return value
    }

    static func reductionArgument(_ b: ArgumentBinder) throws(ScriptError) -> Reduction {
        let text = try b.string("reduction", default: "mean")
        guard let value = Reduction(rawValue: text) else { throw .valueError("\(text) is not a valid value for reduction") }
        return value
    }
}
