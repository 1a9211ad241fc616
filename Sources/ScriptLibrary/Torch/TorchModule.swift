import Tensors
import Script

/// Fills `torch`: tensor creation, math, seeding, grad mode, dtypes and devices.
package enum TorchModule {
    /// `torch.no_grad()` (a context manager) or `torch.no_grad` over a function (a decorator).
    private static func gradModeObject(_ kind: GradModeObject.Kind, _ name: String, _ a: Arguments,
                                       _ interpreter: Interpreter) throws(ScriptError) -> Value {
        try a.expect(name, 0...1)
        if let function = a.positional.first {
            guard interpreter.isCallable(function) else {
                throw .typeError("\(name).__init__() takes 1 positional argument but 2 were given")
            }
            return GradModeObject.decorate(function, kind: kind, interpreter: interpreter)
        }
        return .object(GradModeObject(kind))
    }

    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let torch = interpreter.torch
        var ns: [String: Value] = [:]
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            ns[name] = .builtin(BuiltinFunction(name, signature: "torch." + signature, doc: doc, body))
        }
        func creation(_ name: String, dtype fixed: DType?) -> BuiltinFunction {
            BuiltinFunction(name, signature: "torch.\(name)(data)", doc: "Constructs a tensor from (nested) list data.") { interpreter, a throws(ScriptError) in
                try a.expect(name, 0...Int.max, keywords: ["dtype", "requires_grad", "device"])
                // `torch.Tensor(data)` is of the default dtype, never inferred.
                var dtype = try interpreter.dtype(a.keyword("dtype")) ?? fixed ?? (name == "Tensor" ? DefaultDType.current : nil)
                let tensor: Tensor
                if a.positional.count == 1, let first = a.positional.first, !(first.intLike != nil && name != "tensor") {
                    // Tensors inside the data keep their dtype in the inference (`torch.tensor(t)`).
                    if dtype == nil { dtype = try TorchModule.tensorDataType(first, interpreter) }
                    let data = try interpreter.nestedValues(first)
                    tensor = try tensorCall { () throws(TensorError) in try Tensor(data, dtype: dtype) }
                } else if name != "tensor" {
                    let dims = try interpreter.dims(a.positional)
                    tensor = try tensorCall { () throws(TensorError) in try Tensor.zeros(dims, dtype: dtype ?? DefaultDType.current) }
                } else {
                    throw .typeError("tensor() missing 1 required positional arguments: \"data\"")
                }
                if try interpreter.boolArgument(a.keyword("requires_grad"), default: false) {
                    try tensorCall { () throws(TensorError) in try tensor.requireGradAtCreation() }
                }
                return interpreter.wrap(tensor)
            }
        }
        // `torch.Tensor(...)` makes tensors of the default dtype.
        let tensorType = TypeObject(name: "Tensor", bases: [interpreter.types.object], kind: .builtin,
                                    constructor: creation("Tensor", dtype: nil), module: "torch")
        interpreter.types.registerNative(tensorType, forTypeName: "Tensor")
        torch.tensorType = tensorType
        ns["Tensor"] = .type(tensorType)
        for (name, dtype) in Tensor.legacyTypes {
            ns[name] = .builtin(creation(name, dtype: dtype))
        }
        ns["tensor"] = .builtin(creation("tensor", dtype: nil))
        add("from_numpy", "from_numpy(ndarray)", "A tensor sharing the array's memory.") { _, a throws(ScriptError) in
            try a.expect("from_numpy", 1...1)
            guard case .object(let object) = a.positional[0], let array = object as? NDArray else {
                throw .typeError("expected np.ndarray (got \(a.positional[0].typeName))")
            }
            return .object(array.tensor.sharingElements())
        }
        for (name, dtype) in [("float32", DType.float32), ("float", .float32), ("float64", .float64), ("double", .float64),
                              ("int64", .int64), ("long", .int64), ("int32", .int32), ("int", .int32), ("uint8", .uint8),
                              ("bool", .bool)] {
            ns[name] = .object(DTypeObject(dtype))
        }
        for name in ["float16", "half", "bfloat16", "int16", "short", "int8", "uint16", "uint32", "uint64", "complex64",
                     "cfloat", "complex128", "cdouble"] {
            let canonical = ["half": "float16", "short": "int16", "cfloat": "complex64", "cdouble": "complex128"][name] ?? name
            ns[name] = .object(DTypeObject(unsupported: canonical))
        }
        add("get_default_dtype", "get_default_dtype()", "The floating-point dtype creation functions and Python floats produce (torch.float32 unless changed).") { _, a throws(ScriptError) in
            try a.expect("get_default_dtype", 0...0)
            return .object(DTypeObject(DefaultDType.current))
        }
        add("set_printoptions", "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)",
            "Sets how tensors print: digits, summarisation threshold and edge items, line width, scientific notation.") { interpreter, a throws(ScriptError) in
            let names = ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"]
            try a.expect("set_printoptions", 0...names.count, keywords: names)
            var given: [String: Value] = [:]
            for (name, value) in zip(names, a.positional) { given[name] = value }
            for keyword in a.keywords { given[keyword.name] = keyword.value }
            var options = PrintOptions.current
            if let profile = given["profile"], !profile.isNone {
                guard case .str(let name) = profile, let preset = PrintOptions(profile: name) else {
                    throw .valueError("Invalid profile: \(profile.isNone ? "None" : (try? interpreter.repr(profile)) ?? "")")
                }
                options = preset
            }
            /// An option's integer; PyTorch's `float('inf')` threshold means never summarise.
            func count(_ name: String) throws(ScriptError) -> Int? {
                guard let value = given[name], !value.isNone else { return nil }
                if case .float(let d) = value { return d >= Double(Int.max) ? .max : Int(exactly: d.rounded(.towardZero)) ?? 0 }
                return try interpreter.indexValue(value)
            }
            if let precision = try count("precision") {
                guard (0...50).contains(precision) else { throw .valueError("precision must be between 0 and 50 in Recur, got \(precision)") }
                options.precision = precision
            }
            if let threshold = try count("threshold") { options.threshold = threshold }
            if let edgeItems = try count("edgeitems") { options.edgeItems = Swift.max(0, edgeItems) }
            if let lineWidth = try count("linewidth") { options.lineWidth = lineWidth }
            // PyTorch sets sci_mode on every call: omitting it returns to the automatic choice.
            options.sciMode = try given["sci_mode"].flatMap { (v) throws(ScriptError) in v.isNone ? nil : try interpreter.truth(v) }
            PrintOptions.current = options
            return Value.none
        }
        add("result_type", "result_type(tensor1, tensor2)", "The dtype an arithmetic operation on the two operands (tensors or numbers) returns.") { interpreter, a throws(ScriptError) in
            try a.expect("result_type", 2...2)
            let operands = try a.positional.map { (v) throws(ScriptError) -> (tensor: Tensor?, scalar: ScalarValue?) in
                if let s = try interpreter.scalar(v) { return (nil, s) }
                return (try interpreter.tensor(v), nil)
            }
            let dtype: DType = switch (operands[0], operands[1]) {
            case ((let x?, _), (let y?, _)): Tensor.resultType(x, y)
            case ((let x?, _), (_, let s?)), ((_, let s?), (let x?, _)): Tensor.resultType(x, s)
            case ((_, let s?), (_, let r?)): Tensor.resultType(s, r)
            default: DefaultDType.current
            }
            return .object(DTypeObject(dtype))
        }
        add("set_default_dtype", "set_default_dtype(d)", "Sets the default floating-point dtype: torch.float32 or torch.float64.") { interpreter, a throws(ScriptError) in
            try a.expect("set_default_dtype", 1...1, keywords: ["d"])
            guard let value = a.positional.first ?? a.keyword("d"), case .object(let object) = value, let d = object as? DTypeObject else {
                throw .typeError("set_default_dtype(): argument 'd' must be torch.dtype")
            }
            let dtype = try d.provided()
            guard dtype.isFloatingPoint else {
                throw .typeError("only floating-point types are supported as the default type")
            }
            DefaultDType.current = dtype
            return Value.none
        }
        for name in ["zeros", "ones"] {
            add(name, "\(name)(*size, dtype=None)", "Returns a tensor filled with \(name == "zeros" ? "0" : "1"), of the given shape.") { interpreter, a throws(ScriptError) in
                try a.expect(name, 0...Int.max, keywords: ["dtype", "requires_grad", "device"])
                let dims = try interpreter.dims(a.positional)
                let dtype = try interpreter.dtype(a.keyword("dtype")) ?? DefaultDType.current
                let t = try tensorCall { () throws(TensorError) in name == "zeros" ? try Tensor.zeros(dims, dtype: dtype) : try Tensor.ones(dims, dtype: dtype) }
                if try interpreter.boolArgument(a.keyword("requires_grad"), default: false) {
                    try tensorCall { () throws(TensorError) in try t.requireGradAtCreation() }
                }
                return interpreter.wrap(t)
            }
        }
        add("eye", "eye(n, m=None)", "Returns a 2-D tensor with ones on the diagonal and zeros elsewhere.") { interpreter, a throws(ScriptError) in
            try a.expect("eye", 1...2, keywords: ["dtype"])
            let n = try interpreter.indexValue(a.positional[0])
            let m = try a.positional.count > 1 ? interpreter.indexValue(a.positional[1]) : nil
            try interpreter.checkAllocation(n, m ?? n)
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? DefaultDType.current
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Tensor.eye(n, m, dtype: dtype) })
        }
        add("arange", "arange(start=0, end, step=1)", "Returns a 1-D tensor of values from start to end (exclusive) by step.") { interpreter, a throws(ScriptError) in
            try a.expect("arange", 1...3, keywords: ["dtype"])
            var scalars: [ScalarValue] = []
            for v in a.positional {
                guard let s = try interpreter.scalar(v) else { throw .typeError("arange() received an invalid combination of arguments") }
                scalars.append(s)
            }
            let start = scalars.count > 1 ? scalars[0] : .int(0)
            let end = scalars.count > 1 ? scalars[1] : scalars[0]
            let step = scalars.count > 2 ? scalars[2] : .int(1)
            func number(_ s: ScalarValue) -> Double {
                switch s {
                case .int(let i): Double(i)
                case .float(let d): d
                case .bool(let b): b ? 1 : 0
                }
            }
            let dtype = try interpreter.dtype(a.keyword("dtype"))
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Tensor.arange(start: start, end: end, step: step, dtype: dtype) })
        }
        add("full", "full(size, fill_value)", "Returns a tensor of the given size filled with fill_value.") { interpreter, a throws(ScriptError) in
            try a.expect("full", 2...2, keywords: ["dtype"])
            let dims = try interpreter.dims([a.positional[0]])
            guard let value = try interpreter.scalar(a.positional[1]) else { throw .typeError("full(): fill_value must be a number") }
            let dtype = try interpreter.dtype(a.keyword("dtype"))
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Tensor.full(dims, value: value, dtype: dtype) })
        }
        for name in ["zeros_like", "ones_like"] {
            add(name, "\(name)(input)", "Returns a tensor of the input's shape filled with \(name == "zeros_like" ? "0" : "1").") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1, keywords: ["dtype"])
                let t = try interpreter.inputTensor(a.positional[0], of: name)
                let made = name == "zeros_like" ? t.zerosLike() : t.onesLike()
                return interpreter.wrap(try interpreter.dtype(a.keyword("dtype")).map { made.to($0) } ?? made)
            }
        }
        for name in ["cat", "stack"] {
            add(name, "\(name)(tensors, dim=0)", name == "cat" ? "Concatenates tensors along an existing dimension." : "Stacks tensors along a new dimension.") { interpreter, a throws(ScriptError) in
                // NumPy's `axis=` is accepted for `dim=`, as PyTorch's parser accepts it.
                var a = a
                if let index = a.keywords.firstIndex(where: { $0.name == "axis" }), a.keyword("dim") == nil { a.keywords[index].name = "dim" }
                try a.expect(name, 1...2, keywords: ["dim"])
                let tensors = try interpreter.iterate(a.positional[0]).enumerated().map { (index, v) throws(ScriptError) in
                    guard case .object(let object) = v, let tensor = object as? Tensor else {
                        throw ScriptError.typeError("expected Tensor as element \(index) in argument 0, but got \(v.typeName)")
                    }
                    return tensor
                }
                let dim = try interpreter.intArgument(a.value(1, "dim"), "dim") ?? 0
                return interpreter.wrap(try tensorCall { () throws(TensorError) in name == "cat" ? try Tensor.cat(tensors, dim: dim) : try Tensor.stack(tensors, dim: dim) })
            }
        }
        add("no_grad", "no_grad()", "Context manager and decorator that disables gradient recording: `with torch.no_grad():`.") { interpreter, a throws(ScriptError) in
            try gradModeObject(.noGrad, "no_grad", a, interpreter)
        }
        add("enable_grad", "enable_grad()", "Context manager and decorator that enables gradient recording.") { interpreter, a throws(ScriptError) in
            try gradModeObject(.enableGrad, "enable_grad", a, interpreter)
        }
        add("inference_mode", "inference_mode(mode=True)", "Context manager and decorator that disables gradient recording (Recur's inference mode is no_grad).") { interpreter, a throws(ScriptError) in
            try a.expect("inference_mode", 0...1, keywords: ["mode"])
            if let function = a.positional.first, interpreter.isCallable(function) {
                return GradModeObject.decorate(function, kind: .inferenceMode(true), interpreter: interpreter)
            }
            let on = try (a.keyword("mode") ?? a.positional.first).map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? true
            return .object(GradModeObject(.inferenceMode(on)))
        }
        add("set_grad_enabled", "set_grad_enabled(mode)", "Switches gradient recording on or off; as a context manager, restores it on exit.") { interpreter, a throws(ScriptError) in
            try a.expect("set_grad_enabled", 0...1, keywords: ["mode"])
            guard let mode = a.positional.first ?? a.keyword("mode") else {
                throw .typeError("set_grad_enabled.__init__() missing 1 required positional argument: 'mode'")
            }
            guard case .bool(let flag) = mode else {
                throw .typeError("enabled must be a bool (got \(mode.typeName))")
            }
            return .object(GradModeObject(.setGradEnabled(flag, previous: GradMode.isEnabled)))
        }
        add("is_grad_enabled", "is_grad_enabled()", "Whether gradient recording is on.") { _, a throws(ScriptError) in
            try a.expect("is_grad_enabled", 0...0)
            return .bool(GradMode.isEnabled)
        }
        add("is_inference_mode_enabled", "is_inference_mode_enabled()", "Whether an inference_mode block is running.") { _, a throws(ScriptError) in
            try a.expect("is_inference_mode_enabled", 0...0)
            return .bool(interpreter.torch.inferenceDepth > 0)
        }
        add("device", "device(type)", "A device; Recur computes on the CPU.") { interpreter, a throws(ScriptError) in
            try a.expect("device", 1...2)
            guard case .str(var name) = a.positional[0] else { throw .typeError("device() expects a string") }
            let base = name.split(separator: ":").first.map(String.init) ?? name
            guard ["cpu", "cuda", "mps", "meta"].contains(base) else {
                throw .runtimeError("Expected one of cpu, cuda, mps, meta device type at start of device string: \(name)")
            }
            if a.positional.count == 2, !a.positional[1].isNone {
                guard !name.contains(":") else { throw .runtimeError("type (string) must not include an index because index was passed explicitly: \(name)") }
                let index = try interpreter.indexValue(a.positional[1])
                guard index >= 0 else { throw .runtimeError("Device index must not be negative") }
                name += ":\(index)"
            }
            return .object(DeviceObject(name))
        }
        add("set_default_device", "set_default_device(device)", "Recur computes on the CPU: 'cpu' (or None) is the only device.") { interpreter, a throws(ScriptError) in
            try a.expect("set_default_device", 1...1)
            if !a.positional[0].isNone { try DeviceObject.check(a.positional[0], interpreter: interpreter) }
            return .none
        }
        add("get_default_device", "get_default_device()", "The device tensors are created on: always the CPU.") { _, a throws(ScriptError) in
            try a.expect("get_default_device", 0...0)
            return .object(DeviceObject("cpu"))
        }
        add("is_tensor", "is_tensor(obj)", "Whether obj is a tensor.") { _, a throws(ScriptError) in
            try a.expect("is_tensor", 1...1)
            if case .object(let o) = a.positional[0], o is Tensor { return .bool(true) }
            return .bool(false)
        }
        add("numel", "numel(input)", "The number of elements of the tensor.") { interpreter, a throws(ScriptError) in
            try a.expect("numel", 1...1)
            return .int(try interpreter.inputTensor(a.positional[0], of: "numel").count)
        }
        for operation in TensorOperations.all where operation.isFunction {
            let signature = operation.name + operation.parameterText(asFunction: true)
            add(operation.name, signature, "As PyTorch's torch.\(operation.name).") { interpreter, a throws(ScriptError) in
                try interpreter.callTensorFunction(operation, a)
            }
        }
        add("where", "where(condition, input, other)", "Elements of input where condition holds, else of other.") { interpreter, a throws(ScriptError) in
            try interpreter.torchWhere(a)
        }
        ns["Size"] = .builtin(BuiltinFunction("Size", signature: "torch.Size(sizes)") { interpreter, a throws(ScriptError) in
            try a.expect("Size", 0...1)
            return .object(SizeObject(a.positional.isEmpty ? [] : try interpreter.dims([a.positional[0]])))
        })
        TorchSerialization.fill(interpreter, &ns)
        TorchRandom.fill(interpreter, &ns)
        ns["__version__"] = .str("2.15.0+recur")
        for (key, value) in ns { module.namespace[key] = value }
        // `import torch` alone makes torch.nn, torch.optim, torch.autograd, torch.utils.data, torch.cuda and
        // torch.serialization reachable, as in PyTorch.
        _ = try interpreter.loadModule("torch.cuda")
        _ = try interpreter.loadModule("torch.nn")
        _ = try interpreter.loadModule("torch.optim")
        _ = try interpreter.loadModule("torch.autograd")
        _ = try interpreter.loadModule("torch.utils.data")
        _ = try interpreter.loadModule("torch.serialization")
    }

    /// The dtype `torch.tensor(data)` infers when `data` holds tensors: theirs promoted with
    /// the kinds of the Python numbers beside them; nil when it holds none.
    static func tensorDataType(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> DType? {
        var sawTensor = false
        var result: DType?
        func visit(_ v: Value, depth: Int) throws(ScriptError) {
            guard depth < 64 else { return }
            let found: DType?
            switch v {
            case .int: found = .int64
            case .float: found = DefaultDType.current
            case .bool: found = .bool
            case .list, .tuple:
                for item in try interpreter.iterate(v) { try visit(item, depth: depth + 1) }
                return
            case .object(let object):
                let array = (object as? NDArray)?.dtype ?? (object as? NumPyScalar)?.dtype
                guard let dtype = (object as? Tensor)?.dtype ?? array else { return }
                sawTensor = true
                found = dtype
            case .none, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
                return
            }
            if let found { result = result.map { DType.promoted($0, found) } ?? found }
        }
        try visit(value, depth: 0)
        return sawTensor ? result : nil
    }

    /// `torch.onnx`: importable, as scripts import it beside their training code; exporting
    /// says that Recur has no ONNX writer.
    static func fillOnnx(_ interpreter: Interpreter, _ onnx: ModuleObject) {
        onnx.namespace["export"] = .builtin(BuiltinFunction("export", signature: "torch.onnx.export(model, args, f, ...)",
            doc: "Not available: Recur does not write ONNX files.") { _, _ throws(ScriptError) in
            throw ScriptError(.notImplementedError, "torch.onnx.export is not available in Recur: it does not write ONNX files; "
                              + "save the weights with safetensors.torch.save_file(model.state_dict(), path)")
        })
    }

    static func fillCuda(_ interpreter: Interpreter, _ cuda: ModuleObject) throws(ScriptError) {
        cuda.namespace["is_available"] = .builtin(BuiltinFunction("is_available", signature: "torch.cuda.is_available()",
                                                                  doc: "Always False: Recur computes on the CPU.") { _, _ throws(ScriptError) in .bool(false) })
        cuda.namespace["device_count"] = .builtin(BuiltinFunction("device_count", signature: "torch.cuda.device_count()") { _, _ throws(ScriptError) in .int(0) })
    }
}
