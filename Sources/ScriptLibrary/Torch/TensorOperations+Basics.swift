import Tensors
import Script

/// The declarations about a tensor itself: its size, its dtype conversions, autograd
/// (`backward`, `detach`, `requires_grad_`), moving it (`to`, `cpu`) and filling it.
extension TensorOperations {
    /// `x.float()` and the other conversions to one dtype.
    static func conversion(_ name: String, _ dtype: DType) -> TensorOperation {
        .on(name, .method) { _, t, _ throws(ScriptError) in .object(t.to(dtype)) }
    }

    /// `x.half()` and the other conversions to dtypes Recur does not have: refused with the
    /// dtype's own message.
    static func missingConversion(_ name: String, _ dtype: String) -> TensorOperation {
        .on(name, .method) { _, t, _ throws(ScriptError) in
            _ = try DTypeObject(unsupported: dtype).provided()
            return .object(t)
        }
    }

    static let basics: [TensorOperation] = [
        .on("size", .method, ["dim"]) { interpreter, t, a throws(ScriptError) in
            guard let d = try interpreter.intArgument(a.value(0, "dim"), "dim") else { return .object(SizeObject(t.shape.dims)) }
            return .int(try tensorCall { () throws(TensorError) in try t.size(d) })
        },
        .on("dim", .method) { _, t, _ throws(ScriptError) in .int(t.rank) },
        .on("numel", .method) { _, t, _ throws(ScriptError) in .int(t.count) },
        .on("nelement", .method) { _, t, _ throws(ScriptError) in .int(t.count) },
        conversion("float", .float32),
        conversion("double", .float64),
        conversion("long", .int64),
        conversion("int", .int32),
        conversion("byte", .uint8),
        conversion("bool", .bool),
        missingConversion("half", "float16"),
        missingConversion("short", "int16"),
        missingConversion("char", "int8"),
        missingConversion("bfloat16", "bfloat16"),
        .on("type", .method, ["dtype"]) { interpreter, t, a throws(ScriptError) in
            guard let target = a.value(0, "dtype") else { return .str("torch.\(t.dtype.scalarTypeName)Tensor") }
            let dtype = try Tensor.legacyType(target, interpreter: interpreter)
            return dtype == t.dtype ? .object(t) : .object(t.to(dtype))
        },
        .on("item", .method) { _, t, _ throws(ScriptError) in
            switch try tensorCall({ () throws(TensorError) in try t.scalarValue() }) {
            case .int(let i): return .int(Int(i))
            case .float(let d): return .float(d)
            case .bool(let b): return .bool(b)
            }
        },
        .on("tolist", .method) { _, t, _ throws(ScriptError) in try Tensor.list(of: t) },
        .on("numpy", .method) { _, t, _ throws(ScriptError) in
            if t.requiresGrad {
                throw .runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            return .object(NDArray(t.sharingElements()))
        },
        .on("backward", .method, ["gradient", "retain_graph"]) { interpreter, t, a throws(ScriptError) in
            let gradient = try a.value(0, "gradient").flatMap { (v) throws(ScriptError) -> Tensor? in v.isNone ? nil : try interpreter.tensor(v) }
            let retain = try interpreter.boolArgument(a.value(1, "retain_graph"), default: false)
            try interpreter.runningTensorCode { () throws(TensorError) in try t.backward(gradient: gradient, retainGraph: retain) }
            return .none
        },
        .on("detach", .method) { _, t, _ throws(ScriptError) in .object(t.detach()) },
        .on("clone", .method) { _, t, _ throws(ScriptError) in .object(t.clone()) },
        .on("cpu", .method) { _, t, _ throws(ScriptError) in .object(t) },
        .on("cuda", .method) { _, _, _ throws(ScriptError) in throw ScriptError(.assertionError, "Torch not compiled with CUDA enabled") },
        .on("to", .method, keywordOnly: ["dtype", "device"], variadic: true) { interpreter, t, a throws(ScriptError) in
            var result = t
            for value in a.positional + a.keywords.map(\.value) {
                if let dtype = try? interpreter.dtype(value) {
                    result = result.to(dtype)
                } else {
                    try DeviceObject.check(value, interpreter: interpreter)
                }
            }
            return .object(result)
        },
        .on("requires_grad_", .method, ["requires_grad"]) { interpreter, t, a throws(ScriptError) in
            let flag = try interpreter.boolArgument(a.value(0, "requires_grad"), default: true)
            try tensorCall { () throws(TensorError) in try t.setRequiresGrad(flag) }
            return .object(t)
        },
        .on("retain_grad", .method) { _, t, _ throws(ScriptError) in
            try tensorCall { () throws(TensorError) in try t.retainGrad() }
            return .none
        },
        .on("zero_", .method) { interpreter, t, _ throws(ScriptError) in
            let source = try Tensor.operand(.int(0), like: t, interpreter: interpreter)
            try tensorCall { () throws(TensorError) in try t.write(source, name: "ZeroBackward0") }
            return .object(t)
        },
        .on("copy_", .method, ["src", "non_blocking"]) { interpreter, t, a throws(ScriptError) in
            // non_blocking changes nothing on the CPU, in PyTorch as here.
            let source = try interpreter.tensor(try required(a, 0, "src", "copy_"))
            // Sizes that cannot broadcast fail as PyTorch's expand reports it.
            let target = t.shape.dims, given = source.shape.dims, rank = max(target.count, given.count)
            for d in 0..<rank {
                let a = d - (rank - target.count), b = d - (rank - given.count)
                let sizeA = a >= 0 ? target[a] : 1, sizeB = b >= 0 ? given[b] : 1
                if sizeA != sizeB && sizeA != 1 && sizeB != 1 {
                    throw ScriptError(.runtimeError, "The size of tensor a (\(sizeA)) must match the size of tensor b (\(sizeB)) at non-singleton dimension \(d)")
                }
            }
            let converted = source.dtype == t.dtype ? source : source.to(t.dtype)
            try tensorCall { () throws(TensorError) in try t.write(converted, name: "CopyBackwards") }
            return .object(t)
        },
        .on("fill_", .method, ["value"]) { interpreter, t, a throws(ScriptError) in
            let source = try Tensor.operand(try required(a, 0, "value", "fill_"), like: t, interpreter: interpreter)
            try tensorCall { () throws(TensorError) in try t.write(source, name: "FillBackward0") }
            return .object(t)
        },
    ]
}
