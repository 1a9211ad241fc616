import Rendering
import Tensors
import Script

/// A built-in layer or loss (`nn.Linear`, `nn.RNN`, `nn.CrossEntropyLoss`, ...) as a value.
package final class LayerObject: ScriptObject {
    package let module: any Module
    init(_ module: any Module) { self.module = module }

    package var typeName: String { module.typeName }

    /// The script value for a module: a script class's instance, or a layer wrapper.
    package static func value(for module: any Module, interpreter: Interpreter) -> Value {
        if let handle = module as? ScriptModuleHandle { return .instance(handle.instance) }
        if let scripted = module as? ScriptModule, let instance = scripted.instance { return .instance(instance) }
        return .object(LayerObject(module))
    }

    /// The Tensors module behind a script value, if it is one. A script class's instance is
    /// returned as a handle that keeps the instance alive inside its container.
    package static func module(of value: Value) -> (any Module)? {
        switch value {
        case .object(let object): return (object as? LayerObject)?.module
        case .instance(let instance):
            guard let state = instance.native as? ScriptModule else { return nil }
            return ScriptModuleHandle(instance: instance, state: state)
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod,
             .type, .module:
            return nil
        }
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { module.description }

    package func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if arguments.keywords.isEmpty, let result = try directCall(arguments.positional, interpreter: interpreter) {
            return result
        }
        if let result = try packedCall(arguments, interpreter: interpreter) { return result }
        if let result = try gatedCall(arguments, interpreter: interpreter) { return result }
        var inputs: [Tensor] = []
        for value in arguments.positional where !value.isNone { inputs.append(try interpreter.tensor(value)) }
        for (name, value) in arguments.keywords where !value.isNone {
            guard ["input", "hx", "h_0", "target", "hidden"].contains(name) else {
                throw .typeError("\(module.typeName).forward() got an unexpected keyword argument '\(name)'")
            }
            inputs.append(try interpreter.tensor(value))
        }
        let outputs = try interpreter.runningTensorCode { () throws(TensorError) in try module.forward(inputs) }
        interpreter.traceShapes(module, inputs: inputs, outputs: outputs)
        if outputs.count == 1 { return interpreter.wrap(outputs[0]) }
        return .tuple(outputs.map { interpreter.wrap($0) })
    }

    /// The common call of one or two tensors, without the arrays of the general path; nil
    /// when the arguments or the module need that path.
    private func directCall(_ positional: [Value], interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard positional.count == 1 || positional.count == 2,
              case .object(let a) = positional[0], let first = (a as? Tensor) else { return nil }
        var second: Tensor?
        if positional.count == 2 {
            guard case .object(let b) = positional[1], let t = (b as? Tensor) else { return nil }
            second = t
        }
        guard let output = try interpreter.runningTensorCode({ () throws(TensorError) in try module.forward(first, second) }) else { return nil }
        if interpreter.isTracingShapes {
            interpreter.traceShapes(module, inputs: [first] + (second.map { [$0] } ?? []), outputs: [output])
        }
        return interpreter.wrap(output)
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if name == "forward" { return try call(arguments, interpreter: interpreter) }
        if let result = try kindDeclaration?.call(name, on: self, typeName: module.typeName, arguments, interpreter: interpreter) { return result }
        return try ModuleMethods.call(name, on: module, receiver: .object(self), arguments, interpreter: interpreter)
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let value = ModuleMethods.attribute(name, of: module, interpreter: interpreter) { return value }
        if let value = configuration(name) { return value }
        if let method = try kindDeclaration?.attribute(name, of: self, typeName: module.typeName, interpreter: interpreter) { return method }
        if name == "forward" { return boundMethod(name, owner: module.typeName) }
        return try ModuleMethods.method(name, of: module, receiver: .object(self), interpreter: interpreter)
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        if name == "training" {
            module.isTraining = try interpreter.truth(value)
            return true
        }
        return false
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let value = try containerItem(key, interpreter: interpreter) { return value }
        let kids = module.children
        guard !kids.isEmpty else { return nil }
        let i = try moduleIndex(key, count: kids.count, interpreter)
        return LayerObject.value(for: kids[i].module, interpreter: interpreter)
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? {
        containerCount
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        if let dict = module as? ModuleDict { return ArrayIterator(dict.entries.map { .str($0.key) }) }
        if let list = module as? ParameterList { return ArrayIterator(list.values.map { .object($0) }) }
        guard containerCount != nil else { return nil }
        return ArrayIterator(module.children.map { LayerObject.value(for: $0.module, interpreter: interpreter) })
    }

    /// RNN, LSTM or GRU.
    var isRecurrent: Bool { module is RNN || module is LSTM || module is GRU }

    /// Constructor arguments PyTorch exposes as attributes (`in_features`, `hidden_size`, ...).
    package func configuration(_ name: String) -> Value? {
        switch module {
        case let linear as Linear:
            if name == "in_features" { return .int(linear.inFeatures) }
            if name == "out_features" { return .int(linear.outFeatures) }
        case let embedding as Embedding:
            if name == "num_embeddings" { return .int(embedding.numEmbeddings) }
            if name == "embedding_dim" { return .int(embedding.embeddingDim) }
            if name == "padding_idx" { return embedding.paddingIdx.map { .int($0) } ?? Value.none }
        case let cell as RNNCell:
            if name == "input_size" { return .int(cell.inputSize) }
            if name == "hidden_size" { return .int(cell.hiddenSize) }
            if name == "nonlinearity" { return .str(cell.nonlinearity.rawValue) }
        case let rnn as RNN:
            if name == "input_size" { return .int(rnn.inputSize) }
            if name == "hidden_size" { return .int(rnn.hiddenSize) }
            if name == "num_layers" { return .int(rnn.numLayers) }
            if name == "batch_first" { return .bool(rnn.batchFirst) }
            if name == "nonlinearity" { return .str(rnn.nonlinearity.rawValue) }
            if name == "bias" { return .bool(rnn.hasBias) }
            return LayerObject.recurrentOption(name, rnn.options)
        default: return gatedConfiguration(name)
        }
        return nil
    }

    /// The model's HTML summary: its layers and their parameters.
    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] {
        [("text/html", ModuleSummary(module: module).html())]
    }

    package var attributeNames: [String] {
        ["forward"] + (kindDeclaration?.attributeNames ?? []) + ModuleMethods.names + module.ownParameters.map(\.name) + module.children.map(\.name)
            + ["in_features", "out_features", "num_embeddings", "embedding_dim", "padding_idx", "input_size", "hidden_size",
               "num_layers", "batch_first", "nonlinearity", "bias", "dropout", "bidirectional"].filter { configuration($0) != nil }
    }

    package func summary(interpreter: Interpreter) -> String? {
        module.description.split(separator: "\n").first.map(String.init)
    }
}

extension LayerObject {
    /// `layer.name` for a method this layer's `callMethod` implements.
    func boundMethod(_ name: String, owner: String) -> Value {
        .builtin(BuiltinFunction(name, signature: "\(owner).\(name)(...)") { [self] (interpreter, arguments) throws(ScriptError) -> Value in
            try callMethod(name, arguments, interpreter: interpreter) ?? Value.none
        })
    }
}
