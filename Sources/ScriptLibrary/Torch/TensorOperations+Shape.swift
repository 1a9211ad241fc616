import Tensors
import Script

/// The declarations that view a tensor with another shape (`view`, `transpose`, `narrow`,
/// `split`, ...) and that report its strides and storage.
extension TensorOperations {
    /// An int parameter the operation cannot do without, with PyTorch's message.
    static func requiredInt(_ a: Arguments, _ index: Int, _ parameter: String, _ name: String, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        guard let value = a.value(index, parameter), let n = try interpreter.intArgument(value, parameter) else {
            throw .typeError("\(name)() missing required argument '\(parameter)' (pos \(index + 1))")
        }
        return n
    }

    /// `movedim(source, destination)`: each an int or a sequence of ints.
    static func movedim(_ interpreter: Interpreter, _ t: Tensor, _ a: Arguments) throws(ScriptError) -> Value {
        guard let source = a.value(0, "source"), let destination = a.value(1, "destination") else {
            throw .typeError(missingArgument("movedim", a.value(0, "source") == nil ? "source" : "destination"))
        }
        let from = try interpreter.dims([source]), to = try interpreter.dims([destination])
        return .object(try tensorCall { () throws(TensorError) in try t.movedim(source: from, destination: to) })
    }

    /// PyTorch's argument parser's error for a missing required argument.
    static func missingArgument(_ name: String, _ parameter: String) -> String {
        "\(name)() missing 1 required positional arguments: \"\(parameter)\""
    }

    /// A view taking its sizes as separate ints or one sequence (`x.view(2, 3)`, `x.view((2, 3))`).
    /// `missing` is PyTorch's TypeError when no size is given.
    static func sized(_ name: String, _ forms: TensorOperation.Forms = .method, missing: String,
                      _ body: @escaping @Sendable (Tensor, [Int]) throws(TensorError) -> Tensor) -> TensorOperation {
        .on(name, forms, variadic: true) { interpreter, t, a throws(ScriptError) in
            guard !a.positional.isEmpty else { throw .typeError(missing) }
            let dims = try interpreter.dims(a.positional)
            return .object(try tensorCall { () throws(TensorError) in try body(t, dims) })
        }
    }

    package static let shape: [TensorOperation] = [
        sized("view", missing: "view() received an invalid combination of arguments - got (), but expected one of:\n * (torch.dtype dtype)\n * (tuple of ints size)\n") { (t, dims) throws(TensorError) in try t.view(dims) },
        sized("reshape", .both, missing: missingArgument("reshape", "shape")) { (t, dims) throws(TensorError) in try t.reshape(dims) },
        sized("permute", .both, missing: missingArgument("permute", "dims")) { (t, dims) throws(TensorError) in try t.permute(dims) },
        sized("expand", missing: missingArgument("expand", "size")) { (t, dims) throws(TensorError) in try t.expand(dims) },
        .on("t", .both) { _, t, _ throws(ScriptError) in .object(try tensorCall { () throws(TensorError) in try t.t() }) },
        .on("transpose", .both, ["dim0", "dim1"]) { interpreter, t, a throws(ScriptError) in
            guard let first = a.value(0, "dim0"), let second = a.value(1, "dim1") else {
                throw .typeError("transpose() missing required argument 'dim1' (pos 2)")
            }
            let d0 = try interpreter.indexValue(first), d1 = try interpreter.indexValue(second)
            return .object(try tensorCall { () throws(TensorError) in try t.transpose(d0, d1) })
        },
        .on("unsqueeze", .both, ["dim"]) { interpreter, t, a throws(ScriptError) in
            guard let d = try interpreter.intArgument(a.value(0, "dim"), "dim") else {
                throw .typeError("unsqueeze() missing 1 required positional argument: 'dim'")
            }
            return .object(try tensorCall { () throws(TensorError) in try t.unsqueeze(d) })
        },
        .on("squeeze", .both, ["dim"]) { interpreter, t, a throws(ScriptError) in
            let d = try interpreter.intArgument(a.value(0, "dim"), "dim")
            return .object(try tensorCall { () throws(TensorError) in try t.squeeze(d) })
        },
        .on("flatten", .both, ["start_dim", "end_dim"]) { interpreter, t, a throws(ScriptError) in
            let start = try interpreter.intArgument(a.value(0, "start_dim"), "start_dim") ?? 0
            let end = try interpreter.intArgument(a.value(1, "end_dim"), "end_dim") ?? -1
            return .object(try tensorCall { () throws(TensorError) in try t.flatten(startDim: start, endDim: end) })
        },
        .on("stride", .method, ["dim"]) { interpreter, t, a throws(ScriptError) in
            if let d = try interpreter.intArgument(a.value(0, "dim"), "dim") {
                return .int(try tensorCall { () throws(TensorError) in try t.dimensionStride(d) })
            }
            return .tuple(t.strides.map { .int($0) })
        },
        .on("is_contiguous", .method) { _, t, _ throws(ScriptError) in .bool(t.isContiguous) },
        .on("contiguous", .method) { _, t, _ throws(ScriptError) in .object(t.contiguous()) },
        .on("storage_offset", .method) { _, t, _ throws(ScriptError) in .int(t.storageOffset) },
        .on("data_ptr", .method) { _, t, _ throws(ScriptError) in .int(t.dataPointer) },
        .on("_is_view", .method) { _, t, _ throws(ScriptError) in .bool(t.viewedTensor != nil) },
        .on("narrow", .both, ["dim", "start", "length"]) { interpreter, t, a throws(ScriptError) in
            let d = try requiredInt(a, 0, "dim", "narrow", interpreter)
            let start = try requiredInt(a, 1, "start", "narrow", interpreter)
            let length = try requiredInt(a, 2, "length", "narrow", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.narrow(dim: d, start: start, length: length) })
        },
        .on("select", .both, ["dim", "index"]) { interpreter, t, a throws(ScriptError) in
            let d = try requiredInt(a, 0, "dim", "select", interpreter)
            let index = try requiredInt(a, 1, "index", "select", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.select(dim: d, index: index) })
        },
        .on("split", .both, ["split_size", "dim"], functionKeywords: ["split_size_or_sections": "split_size"]) { interpreter, t, a throws(ScriptError) in
            guard let sizes = a.value(0, "split_size") else {
                throw .typeError("split() missing required argument 'split_size' (pos 1)")
            }
            let d = try interpreter.intArgument(a.value(1, "dim"), "dim") ?? 0
            if case .int(let size) = sizes {
                return tuple(try tensorCall { () throws(TensorError) in try t.split(size: size, dim: d) })
            }
            let sections = try interpreter.dims([sizes])
            return tuple(try tensorCall { () throws(TensorError) in try t.split(sections: sections, dim: d) })
        },
        .on("chunk", .both, ["chunks", "dim"]) { interpreter, t, a throws(ScriptError) in
            let chunks = try requiredInt(a, 0, "chunks", "chunk", interpreter)
            let d = try interpreter.intArgument(a.value(1, "dim"), "dim") ?? 0
            return tuple(try tensorCall { () throws(TensorError) in try t.chunk(chunks, dim: d) })
        },
        .on("movedim", .both, ["source", "destination"]) { interpreter, t, a throws(ScriptError) in try movedim(interpreter, t, a) },
        .on("moveaxis", .both, ["source", "destination"]) { interpreter, t, a throws(ScriptError) in try movedim(interpreter, t, a) },
        .on("swapaxes", .both, ["axis0", "axis1"]) { interpreter, t, a throws(ScriptError) in
            let d0 = try requiredInt(a, 0, "axis0", "swapaxes", interpreter), d1 = try requiredInt(a, 1, "axis1", "swapaxes", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.transpose(d0, d1) })
        },
        .on("swapdims", .both, ["dim0", "dim1"]) { interpreter, t, a throws(ScriptError) in
            let d0 = try requiredInt(a, 0, "dim0", "swapdims", interpreter), d1 = try requiredInt(a, 1, "dim1", "swapdims", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.transpose(d0, d1) })
        },
        .on("unflatten", .both, ["dim", "sizes"]) { interpreter, t, a throws(ScriptError) in
            let d = try requiredInt(a, 0, "dim", "unflatten", interpreter)
            guard let sizes = a.value(1, "sizes") else { throw .typeError(missingArgument("unflatten", "sizes")) }
            let dims = try interpreter.dims([sizes])
            return .object(try tensorCall { () throws(TensorError) in try t.unflatten(dim: d, sizes: dims) })
        },
        .on("unfold", .method, ["dimension", "size", "step"]) { interpreter, t, a throws(ScriptError) in
            let d = try requiredInt(a, 0, "dimension", "unfold", interpreter)
            let size = try requiredInt(a, 1, "size", "unfold", interpreter), step = try requiredInt(a, 2, "step", "unfold", interpreter)
            return .object(try tensorCall { () throws(TensorError) in try t.unfold(dimension: d, size: size, step: step) })
        },
        .on("unbind", .both, ["dim"]) { interpreter, t, a throws(ScriptError) in
            let d = try interpreter.intArgument(a.value(0, "dim"), "dim") ?? 0
            return tuple(try tensorCall { () throws(TensorError) in try t.unbind(dim: d) })
        },
    ]

    /// `x.unsqueeze_(0)` and the other in-place view methods: the tensor itself reshaped.
    static func inPlaceView(_ name: String, _ parameters: [String],
                            _ makeView: @escaping @Sendable (Tensor, Arguments, Interpreter) throws(ScriptError) -> (Tensor) throws(TensorError) -> Tensor) -> TensorOperation {
        .on(name, .method, parameters) { interpreter, t, a throws(ScriptError) in
            let view = try makeView(t, a, interpreter)
            try tensorCall { () throws(TensorError) in try t.becomeView(name, view) }
            return .object(t)
        }
    }

    static let inPlaceShape: [TensorOperation] = [
        inPlaceView("unsqueeze_", ["dim"]) { _, a, interpreter throws(ScriptError) in
            guard let d = try interpreter.intArgument(a.value(0, "dim"), "dim") else {
                throw .typeError("unsqueeze_() missing 1 required positional argument: 'dim'")
            }
            return { (t) throws(TensorError) in try t.unsqueeze(d) }
        },
        inPlaceView("squeeze_", ["dim"]) { _, a, interpreter throws(ScriptError) in
            let d = try interpreter.intArgument(a.value(0, "dim"), "dim")
            return { (t) throws(TensorError) in try t.squeeze(d) }
        },
        inPlaceView("t_", []) { t, _, _ throws(ScriptError) in
            guard t.rank <= 2 else { throw .runtimeError("t_() expects a tensor with <= 2 dimensions, but self is \(t.rank)D") }
            return { (t) throws(TensorError) in try t.t() }
        },
        inPlaceView("transpose_", ["dim0", "dim1"]) { _, a, interpreter throws(ScriptError) in
            guard let first = a.value(0, "dim0"), let second = a.value(1, "dim1") else {
                throw .typeError("transpose_() missing required argument 'dim1' (pos 2)")
            }
            let d0 = try interpreter.indexValue(first), d1 = try interpreter.indexValue(second)
            return { (t) throws(TensorError) in try t.transpose(d0, d1) }
        },
    ]

    /// Tensors returned together (`split`, `chunk`, `unbind`).
    static func tuple(_ tensors: [Tensor]) -> Value { .tuple(tensors.map { .object($0) }) }
}
