import Tensors
import Script

/// The globals a weights-only load may name (PyTorch's `_get_allowed_globals`) that Recur
/// can build, and what calling each (REDUCE, NEWOBJ) makes.
package enum PickleGlobal {
    case orderedDict
    case counter
    case parameter
    case tensorClass
    case size
    case device
    case codecsEncode
    case bytearray
    case set
    case rebuildTensorV2
    case rebuildTensor
    case rebuildParameter
    case rebuildParameterWithState
    case rebuildFromTypeV2
    /// `torch.FloatStorage` and the other legacy storage classes: they name a storage's dtype.
    case storageClass(DType)
    case dtype(DType)

    var fullName: String {
        switch self {
        case .orderedDict: "collections.OrderedDict"
        case .counter: "collections.Counter"
        case .parameter: "torch.nn.parameter.Parameter"
        case .tensorClass: "torch.Tensor"
        case .size: "torch.Size"
        case .device: "torch.device"
        case .codecsEncode: "_codecs.encode"
        case .bytearray: "builtins.bytearray"
        case .set: "builtins.set"
        case .rebuildTensorV2: "torch._utils._rebuild_tensor_v2"
        case .rebuildTensor: "torch._utils._rebuild_tensor"
        case .rebuildParameter: "torch._utils._rebuild_parameter"
        case .rebuildParameterWithState: "torch._utils._rebuild_parameter_with_state"
        case .rebuildFromTypeV2: "torch._tensor._rebuild_from_type_v2"
        case .storageClass(let dtype): "torch." + TorchPickler.storageClass(dtype)
        case .dtype(let dtype): "torch." + dtype.name
        }
    }

    static let named: [String: PickleGlobal] = {
        var table: [String: PickleGlobal] = [:]
        let fixed: [PickleGlobal] = [.orderedDict, .counter, .parameter, .tensorClass, .size, .device, .codecsEncode, .bytearray, .set,
                                     .rebuildTensorV2, .rebuildTensor, .rebuildParameter, .rebuildParameterWithState, .rebuildFromTypeV2]
        for global in fixed { table[global.fullName] = global }
        for dtype in DType.allCases {
            table[PickleGlobal.storageClass(dtype).fullName] = .storageClass(dtype)
            table[PickleGlobal.dtype(dtype).fullName] = .dtype(dtype)
        }
        return table
    }()

    /// What GLOBAL `module name` pushes, or PyTorch's refusal.
    static func resolve(module: String, name: String) throws(WeightsOnlyUnpickler.Failure) -> PickleGlobal {
        let fullPath = module + "." + name
        if let global = named[fullPath] { return global }
        if WeightsOnlyUnpickler.blockedModules.contains(module) {
            throw .unpickling("Trying to load unsupported GLOBAL \(fullPath) whose module \(module) is blocked.")
        }
        if allowedByPyTorch(module: module, name: name) {
            throw .script(ScriptError(.notImplementedError,
                "torch.load: the checkpoint holds \(fullPath), which Recur does not provide (it loads tensors of "
                + DType.allCases.map(\.description).joined(separator: ", ") + ", nn.Parameter, OrderedDict, Counter and Python values)"))
        }
        var shown = fullPath
        if shown.hasPrefix("builtins") {
            let rest = shown.dropFirst("builtins".count)
            shown = rest.first == "." ? String(rest.dropFirst()) : "builtins" + rest
        }
        throw .unpickling("Unsupported global: GLOBAL \(shown) was not an allowed global by default. Please use "
            + "`torch.serialization.add_safe_globals([\(shown)])` or the `torch.serialization.safe_globals([\(shown)])` context manager "
            + "to allowlist this global if you trust this class/function.")
    }

    /// Globals on PyTorch's default list that Recur has no counterpart for (other dtypes and
    /// their storages and tensor classes, quantized, sparse and device tensors, complex).
    private static func allowedByPyTorch(module: String, name: String) -> Bool {
        switch module {
        case "torch":
            return name.hasSuffix("Storage") || name.hasSuffix("Tensor") || name.hasPrefix("per_") || name.hasPrefix("float")
                || name.hasPrefix("int") || name.hasPrefix("uint") || name.hasPrefix("complex") || name.hasPrefix("bfloat")
                || name.hasPrefix("qint") || name.hasPrefix("quint") || name.hasPrefix("bits")
        case "torch._utils": return name.hasPrefix("_rebuild_")
        case "torch.serialization": return name == "_get_layout"
        case "torch.storage": return name == "TypedStorage" || name == "UntypedStorage"
        case "builtins": return name == "complex"
        default: return module.hasPrefix("torch.cuda") && name.hasSuffix("Tensor")
        }
    }

    /// The object calling this global with `args` makes.
    package func call(_ args: [WeightsOnlyUnpickler.Item], interpreter: Interpreter) throws(WeightsOnlyUnpickler.Failure) -> Value {
        func fail(_ message: String) -> WeightsOnlyUnpickler.Failure {
            .script(ScriptError(.typeError, "\(fullName)(): \(message)"))
        }
        func value(_ index: Int) throws(WeightsOnlyUnpickler.Failure) -> Value {
            guard index < args.count, case .value(let v) = args[index] else { throw fail("unexpected argument \(index)") }
            return v
        }
        func tensor(_ index: Int) throws(WeightsOnlyUnpickler.Failure) -> Tensor {
            guard case .object(let t as Tensor) = try value(index) else { throw fail("argument \(index) must be a tensor") }
            return t
        }
        func ints(_ index: Int) throws(WeightsOnlyUnpickler.Failure) -> [Int] {
            guard case .tuple(let items) = try value(index) else { throw fail("argument \(index) must be a tuple of ints") }
            var result: [Int] = []
            for item in items {
                guard case .int(let n) = item else { throw fail("argument \(index) must be a tuple of ints") }
                result.append(n)
            }
            return result
        }
        func tensorCall<T>(_ body: () throws(TensorError) -> T) throws(WeightsOnlyUnpickler.Failure) -> T {
            do { return try body() } catch { throw .script(ScriptError(error)) }
        }
        func parameter(_ data: Tensor, requiresGrad: Value) throws(WeightsOnlyUnpickler.Failure) -> Value {
            let flag: Bool
            switch requiresGrad {
            case .bool(let b): flag = b
            case .none: flag = true
            default: throw fail("requires_grad must be a bool")
            }
            return .object(try tensorCall { () throws(TensorError) in try data.parameter(requiresGrad: flag) })
        }
        switch self {
        case .orderedDict:
            guard args.isEmpty else { throw fail("Recur rebuilds an OrderedDict from its items only") }
            return .object(CountingDict(.ordered))
        case .counter:
            let counter = CountingDict(.counter)
            if !args.isEmpty {
                guard case .dict(let source) = try value(0) else { throw fail("expected a dict") }
                for (k, v) in source.items {
                    do { try counter.storage.set(k, v) } catch { throw .script(error) }
                }
            }
            return .object(counter)
        case .rebuildTensorV2, .rebuildTensor:
            guard args.count >= 4, case .storage(let storage) = args[0], case .int(let offset) = try value(1) else {
                throw fail("expected (storage, storage_offset, size, stride, ...)")
            }
            let dims = try ints(2), strides = try ints(3)
            let result = try tensorCall { () throws(TensorError) in
                try Tensor(viewing: storage, dims: dims, strides: strides, offset: offset)
            }
            if self == .rebuildTensorV2, args.count > 4, case .bool(true) = try value(4) {
                try tensorCall { () throws(TensorError) in try result.setRequiresGrad(true) }
            }
            return .object(result)
        case .rebuildParameter:
            return try parameter(try tensor(0), requiresGrad: try value(1))
        case .rebuildParameterWithState:
            let result = try parameter(try tensor(0), requiresGrad: try value(1))
            if args.count > 3 { try restoreAttributes(result, try value(3)) }
            return result
        case .parameter:
            let data = args.isEmpty ? try tensorCall { () throws(TensorError) in try Tensor(floats: [], shape: Shape([0])) } : try tensor(0)
            return try parameter(data, requiresGrad: args.count > 1 ? try value(1) : .bool(true))
        case .rebuildFromTypeV2:
            // (func, new_type, args, state): func(*args), as new_type, with state's attributes.
            guard args.count == 4, case .global(let function) = args[0], case .global(let type) = args[1],
                  case .tuple(let inner) = try value(2) else { throw fail("expected (func, type, args, state)") }
            switch type {
            case .tensorClass, .parameter: break
            default: throw .script(ScriptError(.notImplementedError, "torch.load: Recur has no tensor subclass \(type.fullName)"))
            }
            let result = try function.call(inner.map(WeightsOnlyUnpickler.item), interpreter: interpreter)
            try restoreAttributes(result, try value(3))
            return result
        case .size:
            return .object(SizeObject(args.isEmpty ? [] : try ints(0)))
        case .device:
            guard case .str(let name) = try value(0) else { throw fail("expected a device name") }
            return .object(DeviceObject(name))
        case .codecsEncode:
            guard case .str(let text) = try value(0) else { throw fail("expected str") }
            let encoding = args.count > 1 ? try value(1) : .str("utf-8")
            switch encoding {
            case .str("latin1"), .str("latin-1"), .str("iso-8859-1"):
                var bytes: [UInt8] = []
                for scalar in text.unicodeScalars {
                    guard scalar.value < 256 else { throw .script(ScriptError(.valueError, "'latin-1' codec can't encode character")) }
                    bytes.append(UInt8(scalar.value))
                }
                return .object(BytesObject(bytes))
            case .str("utf-8"), .str("utf8"):
                return .object(BytesObject(Array(text.utf8)))
            default:
                throw .script(ScriptError(.notImplementedError, "torch.load: Recur decodes pickled bytes written as latin1 or utf-8"))
            }
        case .bytearray:
            guard args.count == 1, case .object(let source as BytesObject) = try value(0) else {
                return .object(BytesObject([], mutable: true))
            }
            return .object(BytesObject(source.bytes, mutable: true))
        case .set:
            let set = SetObject()
            if !args.isEmpty {
                let source = try value(0)
                let items: [Value]
                switch source {
                case .list(let list): items = list.items
                case .tuple(let tuple): items = tuple
                default: throw fail("expected a list")
                }
                for item in items {
                    do { try set.storage.set(item, .none) } catch { throw .script(error) }
                }
            }
            return .set(set)
        case .tensorClass, .storageClass, .dtype:
            throw .unpickling("Trying to call reduce for unrecognized function \(fullName)")
        }
    }
}

extension PickleGlobal: Equatable {}

/// A tensor's pickled `__dict__` (a dict of attributes, or None) set on the rebuilt tensor.
private func restoreAttributes(_ rebuilt: Value, _ state: Value) throws(WeightsOnlyUnpickler.Failure) {
    guard case .dict(let attributes) = state, attributes.count > 0 else { return }
    guard case .object(let tensor as Tensor) = rebuilt else { return }
    for (key, value) in attributes.items {
        guard case .str(let name) = key else { throw .unpickling("a tensor attribute name must be a string") }
        do { try tensor.setScriptAttribute(name, value) } catch { throw .script(error) }
    }
}
