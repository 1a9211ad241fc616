import Tensors

/// One `%shapes` line: a module call with the shapes going in and coming out, named as
/// PyTorch's documentation names them, e.g.
/// `RNN(4, 2): input (5, 1, 4), h_0 (1, 1, 2) -> output (5, 1, 2), h_n (1, 1, 2)`.
package struct ShapeTrace: Equatable {
    /// The module's one-line repr (`RNN(4, 2)`), or its type name when the repr spans lines.
    package var module: String
    package var inputs: [(name: String, shape: Shape)]
    package var outputs: [(name: String, shape: Shape)]

    package static func == (lhs: ShapeTrace, rhs: ShapeTrace) -> Bool {
        lhs.text == rhs.text
    }

    /// Names the shapes of a call to a layer of type `typeName` (`RNN`, `RNNCell`, ...);
    /// other modules get `input`, `input1`, ... and `output`, `output1`, ...
    package init(module: String, typeName: String, inputs: [Shape], outputs: [Shape]) {
        let (inNames, outNames) = ShapeTrace.names(typeName: typeName)
        func label(_ shapes: [Shape], _ names: [String], _ fallback: String) -> [(name: String, shape: Shape)] {
            shapes.enumerated().map { i, shape in
                (i < names.count ? names[i] : (i == 0 ? fallback : fallback + String(i)), shape)
            }
        }
        self.module = module.contains("\n") ? typeName : module
        self.inputs = label(inputs, inNames, "input")
        self.outputs = label(outputs, outNames, "output")
    }

    /// PyTorch's argument and result names for the lesson's layers.
    package static func names(typeName: String) -> (inputs: [String], outputs: [String]) {
        switch typeName {
        case "RNN": return (["input", "h_0"], ["output", "h_n"])
        case "RNNCell", "GRUCell": return (["input", "hidden"], ["h'"])
        case "GRU": return (["input", "h_0"], ["output", "h_n"])
        case "LSTM": return (["input", "h_0", "c_0"], ["output", "h_n", "c_n"])
        case "LSTMCell": return (["input", "h_0", "c_0"], ["h_1", "c_1"])
        case "CrossEntropyLoss", "MSELoss": return (["input", "target"], ["loss"])
        default: return (["input"], ["output"])
        }
    }

    /// The line `%shapes` prints.
    package var text: String {
        func list(_ items: [(name: String, shape: Shape)]) -> String {
            items.map { $0.name + " " + $0.shape.tupleDescription }.joined(separator: ", ")
        }
        return Markup.clip(module, to: 120) + ": " + list(inputs) + " -> " + list(outputs)
    }
}
