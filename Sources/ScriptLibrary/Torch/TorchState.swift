import Tensors
import Script

/// Library state the workspace owns for `torch`: the default random generator behind
/// `torch.manual_seed`, `randn`, dropout and layer initialisation.
package final class TorchState {
    /// Seeded from the system's entropy, as PyTorch's default generator is at start-up.
    package let generator = Generator(seed: TorchGeneratorObject.reseed(Generator()))
    /// `torch.default_generator`, the object `torch.manual_seed` returns.
    lazy var defaultGenerator = TorchGeneratorObject(generator)
    /// The `Tensor` class, so `isinstance(x, torch.Tensor)` and `type(x)` agree.
    var tensorType: TypeObject?
    /// How many `torch.inference_mode()` blocks are running (`is_inference_mode_enabled`).
    var inferenceDepth = 0
    /// The exception script code raised while the tensor library called it (a user
    /// `autograd.Function.backward`, a warning filtered into an error): the library carries
    /// only its own errors, so it travels here.
    var pendingScriptError: ScriptError?
    /// The globals `torch.serialization.add_safe_globals` allowed (classes, functions, or
    /// `(global, path)` pairs), in the order added.
    var safeGlobals: [Value] = []
    /// The warnings PyTorch gives once per process (`TORCH_WARN_ONCE`) already given.
    var warnedOnce: Set<String> = []
}

extension Interpreter {
    /// Runs tensor code that may call back into script code: a failure there is raised as
    /// the script's own exception.
    func runningTensorCode<T>(_ body: () throws(TensorError) -> T) throws(ScriptError) -> T {
        torch.pendingScriptError = nil
        do {
            return try body()
        } catch {
            if let pending = torch.pendingScriptError {
                torch.pendingScriptError = nil
                throw pending
            }
            throw ScriptError(error)
        }
    }

    /// `error`, raised by script code the tensor library called, parked for
    /// `runningTensorCode`; the library's error to unwind with.
    func parking(_ error: ScriptError, in context: String) -> TensorError {
        torch.pendingScriptError = error
        return .other(.runtimeError, "\(context) raised an exception")
    }
}

extension Interpreter {
    /// The workspace's torch state, made on first use.
    package var torch: TorchState {
        let key = ObjectIdentifier(TorchState.self)
        if let state = workspace.extensions[key] as? TorchState { return state }
        let state = TorchState()
        workspace.extensions[key] = state
        return state
    }
}

extension ScriptError {
    /// A tensor library failure as the Python exception PyTorch raises.
    package init(_ error: TensorError) {
        let kind: ExceptionKind = switch error.kind {
        case .runtimeError: .runtimeError
        case .indexError: .indexError
        case .valueError: .valueError
        case .typeError: .typeError
        case .fileError: .osError
        case .notImplementedError: .notImplementedError
        case .keyboardInterrupt: .keyboardInterrupt
        }
        self.init(kind, error.message)
    }
}

/// Runs a tensor operation, turning its error into the Python exception.
@inline(__always)
func tensorCall<T>(_ body: () throws(TensorError) -> T) throws(ScriptError) -> T {
    do {
        return try body()
    } catch {
        throw ScriptError(error)
    }
}

extension Interpreter {
    /// A Python number as a tensor scalar (keeps int/bool-ness for type promotion).
    package func scalar(_ value: Value) throws(ScriptError) -> ScalarValue? {
        switch value {
        case .int(let i): return .int(Int64(i))
        case .bool(let b): return .bool(b)
        case .float(let d): return .float(d)
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
             .module, .object:
            return nil
        }
    }

    /// A nested list (or number, or tensor) as `torch.tensor` data.
    func nestedValues(_ value: Value) throws(ScriptError) -> NestedValues {
        reprDepth += 1
        defer { reprDepth -= 1 }
        if reprDepth > 64 { throw .valueError("too many dimensions in tensor data") }
        switch value {
        case .int(let i): return .int(Int64(i))
        case .bool(let b): return .bool(b)
        case .float(let d): return .float(d)
        case .list(let l): return .list(try l.items.map { (v) throws(ScriptError) in try nestedValues(v) })
        case .tuple(let t): return .list(try t.map { (v) throws(ScriptError) in try nestedValues(v) })
        case .object(let object):
            if let tensor = (object as? Tensor) {
                if tensor.rank == 0 {
                    switch try tensorCall({ () throws(TensorError) in try tensor.scalarValue() }) {
                    case .int(let i): return .int(i)
                    case .float(let d): return .float(d)
                    case .bool(let b): return .bool(b)
                    }
                }
                return try nestedValues(try Tensor.list(of: tensor))
            }
            if let array = object as? NDArray { return try nestedValues(array.tolist()) }
            if let scalar = object as? NumPyScalar { return try nestedValues(NumPyScalar.python(scalar.scalar)) }
            if let size = object as? SizeObject { return .list(size.dims.map { .int(Int64($0)) }) }
            if object is IteratorObject || object is RangeObject || object is DictView {
                return try nestedValues(.list(ListObject(try iterate(value))))
            }
        case .none, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module: break
        }
        throw .typeError("new(): invalid data type '\(value.typeName)'")
    }

    /// A tensor argument (tensors pass through; numbers and lists become tensors).
    package func tensor(_ value: Value, _ what: String = "input") throws(ScriptError) -> Tensor {
        if case .object(let object) = value, let t = object as? Tensor { return t }
        if case .object(let object) = value, let a = object as? NDArray { return a.tensor.clone() }
        switch value {
        case .int, .float, .bool, .list, .tuple:
            let data = try nestedValues(value)
            return try tensorCall { () throws(TensorError) in try Tensor(data) }
        case .none, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw .typeError("\(what) must be Tensor, not \(value.typeName)")
        }
    }

    /// Fails like PyTorch's allocator when a float32 tensor of `factors` multiplied cannot
    /// be allocated (see `MemoryBudget`).
    func checkAllocation(_ factors: Int...) throws(ScriptError) {
        try tensorCall { () throws(TensorError) in try MemoryBudget.reserve(factors.map { Swift.max($0, 0) }, elementSize: 4) }
    }

    /// An integer tensor's single value as an Int (exact, unlike going through Double).
    func integerItem(_ tensor: Tensor) throws(ScriptError) -> Int {
        switch try tensorCall({ () throws(TensorError) in try tensor.scalarValue() }) {
        case .int(let i): return Int(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            guard d.isFinite, d.magnitude < 9.2e18 else { throw ScriptError(.overflowError, "cannot convert float to integer") }
            return Int(d.rounded(.towardZero))
        }
    }

    /// Sizes given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size([2, 3]))`,
    /// checked for negative sizes and for allocations too large to attempt.
    func dims(_ values: [Value]) throws(ScriptError) -> [Int] {
        let dims = try rawDims(values)
        for d in dims where d < -1 {
            throw .runtimeError("Trying to create tensor with negative dimension \(d): [\(dims.map(String.init).joined(separator: ", "))]")
        }
        // -1 (a size to infer) counts as 1 here.
        try tensorCall { () throws(TensorError) in try MemoryBudget.reserve(dims.map { Swift.max($0, 1) }, elementSize: 4) }
        return dims
    }

    private func rawDims(_ values: [Value]) throws(ScriptError) -> [Int] {
        if values.count == 1 {
            switch values[0] {
            case .tuple, .list:
                return try iterate(values[0]).map { (v) throws(ScriptError) in try indexValue(v, container: "size") }
            case .object(let object) where object is SizeObject: return (object as? SizeObject)?.dims ?? []
            case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type,
                 .instance, .module, .object:
                break
            }
        }
        return try values.map { (v) throws(ScriptError) in
            guard let i = v.intLike ?? (try? indexValue(v)) else {
                throw .typeError("expected a sequence of integers or a single integer, got '\(v.typeName)'")
            }
            return i
        }
    }

    /// `dtype=` as a `DType` (Python's `float` is torch.float64 and `int` torch.int64, as in
    /// PyTorch).
    package func dtype(_ value: Value?) throws(ScriptError) -> DType? {
        guard let value, !value.isNone else { return nil }
        if case .object(let object) = value {
            if let d = object as? DTypeObject { return try d.provided() }
        }
        if case .type(let type) = value {
            switch type.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: break
            }
        }
        throw .typeError("dtype must be torch.dtype, not \(value.typeName)")
    }

    /// Wraps a tensor for scripts.
    func wrap(_ tensor: Tensor) -> Value { .object(tensor) }
}

/// `torch.float32`, `torch.long`, ...: a dtype Recur provides, or one of PyTorch's others
/// (`torch.int16`, `torch.float16`, ...), which exists as a name but refuses to make tensors.
package final class DTypeObject: DeclaredObject {
    package enum Kind: Equatable {
        case provided(DType)
        case unsupported(String)
    }
    package let kind: Kind
    init(_ dtype: DType) { self.kind = .provided(dtype) }
    init(unsupported name: String) { self.kind = .unsupported(name) }

    /// The dtype, unless Recur does not provide it (then a NotImplementedError naming those it does).
    func provided() throws(ScriptError) -> DType {
        switch kind {
        case .provided(let dtype): return dtype
        case .unsupported(let name):
            let names = DType.allCases.map(\.description).joined(separator: ", ")
            throw ScriptError(.notImplementedError, "torch.\(name) tensors are not supported in Recur; it provides \(names)")
        }
    }

    package var name: String {
        switch kind {
        case .provided(let dtype): dtype.name
        case .unsupported(let name): name
        }
    }
    package var typeName: String { "dtype" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "torch." + name }
    package static let declaration = NativeType<DTypeObject>(properties: [
        NativeProperty("is_complex") { _, _ throws(ScriptError) in .bool(false) },
        NativeProperty("is_floating_point") { d, _ throws(ScriptError) in
            if case .provided(let dtype) = d.kind { return .bool(dtype.isFloatingPoint) }
            return .bool(["float16", "bfloat16"].contains(d.name))
        },
        NativeProperty("is_signed") { d, _ throws(ScriptError) in
            let dtype = try d.provided()
            return .bool(dtype != .uint8 && dtype != .bool)
        },
        NativeProperty("itemsize") { d, _ throws(ScriptError) in .int(try d.provided().elementSize) },
    ], methods: [
        NativeMethod("to_complex", "()", .noArguments, doc: "Returns the complex dtype corresponding to this dtype.") { d, _, _ throws(ScriptError) in
            throw ScriptError(.notImplementedError, "torch.\(d.name).to_complex(): complex tensors are not supported in Recur")
        },
        NativeMethod("to_real", "()", .noArguments, doc: "Returns the real dtype corresponding to this dtype.") { d, _, _ throws(ScriptError) in
            .object(d)
        },
    ])

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        var same = false
        if case .object(let o) = other, let d = o as? DTypeObject { same = d.kind == kind }
        return .bool(op == .equal ? same : !same)
    }
}

/// `torch.device("cpu")`: Recur computes on the CPU only.
package final class DeviceObject: DeclaredObject {
    /// The device as written (`cpu`, `cpu:0`).
    package let name: String
    /// The part before the colon (`cpu`).
    package let type: String
    /// The number after the colon, if any.
    let index: Int?

    init(_ name: String) {
        self.name = name
        let parts = name.split(separator: ":", maxSplits: 1)
        type = parts.first.map(String.init) ?? name
        index = parts.count > 1 ? Int(parts[1]) : nil
    }

    package var typeName: String { "device" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        index.map { "device(type='\(type)', index=\($0))" } ?? "device(type='\(type)')"
    }
    package func str(interpreter: Interpreter) throws(ScriptError) -> String { name }
    package static let declaration = NativeType<DeviceObject>(properties: [
        NativeProperty("index") { d, _ throws(ScriptError) in d.index.map { .int($0) } ?? .none },
        NativeProperty("type") { d, _ throws(ScriptError) in .str(d.type) },
    ], methods: [])
    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        var same = false
        if case .object(let o) = other, let d = o as? DeviceObject { same = d.type == type && d.index == index }
        if case .str(let s) = other { same = s == name }
        return .bool(op == .equal ? same : !same)
    }

    /// Checks a `.to(device)` target: only the CPU exists here.
    package static func check(_ value: Value, interpreter: Interpreter) throws(ScriptError) {
        var name: String?
        if case .object(let o) = value, let d = o as? DeviceObject { name = d.type }
        if case .str(let s) = value { name = s }
        guard let name else { return }
        if name.hasPrefix("cuda") || name.hasPrefix("mps") {
            throw ScriptError(.assertionError, "Torch not compiled with CUDA enabled")
        }
    }
}
