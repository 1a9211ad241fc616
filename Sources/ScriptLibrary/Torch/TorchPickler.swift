import Tensors
import Script

/// `torch.save`'s pickling: the object graph as PyTorch's `_save` pickles it (tensors by
/// `_rebuild_tensor_v2` with a persistent id naming their storage, parameters by
/// `_rebuild_parameter`, OrderedDict and Counter by reduction), and the storages to write,
/// one per shared buffer, numbered in the order they are first met.
package struct TorchPickler {
    /// One storage record: `data/<key>` holds its bytes.
    package struct Storage {
        let key: String
        package let tensor: Tensor
    }

    /// CPython's recursion limit for pickling, as a depth of nested containers.
    static let depthLimit = 1000

    private var writer = PickleWriter()
    private var storageKeys: [ObjectIdentifier: String] = [:]
    private(set) var storages: [Storage] = []
    private let interpreter: Interpreter
    /// States made while pickling (an instance's attributes as a dict), kept alive until the
    /// end as CPython's memo keeps them: the memo knows objects by identity.
    private var madeStates: [Value] = []

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// The pickle of `value` (`data.pkl`), with `storages` filled.
    mutating func pickle(_ value: Value) throws(ScriptError) -> [UInt8] {
        try save(value, depth: 0)
        return writer.finish()
    }

    private mutating func save(_ value: Value, depth: Int) throws(ScriptError) {
        guard depth < TorchPickler.depthLimit else {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while pickling an object")
        }
        switch value {
        case .none: writer.op(.none)
        case .bool(let b): writer.bool(b)
        case .int(let i): writer.int(i)
        case .float(let d): writer.float(d)
        case .str(let s): writer.string(s)
        case .tuple(let items):
            writer.beginTuple(count: items.count)
            for item in items { try save(item, depth: depth + 1) }
            writer.endTuple(count: items.count)
        case .list(let list):
            let key = PickleWriter.MemoKey.object(ObjectIdentifier(list))
            guard !writer.getIfMemoized(key) else { return }
            writer.op(.emptyList)
            writer.memoize(key)
            let items = list.items
            for batch in PickleWriter.batches(count: items.count, exact: true) {
                if batch.marked { writer.op(.mark) }
                for index in batch.range { try save(items[index], depth: depth + 1) }
                writer.op(batch.marked ? .appends : .append)
            }
        case .dict(let dict):
            let key = PickleWriter.MemoKey.object(ObjectIdentifier(dict))
            guard !writer.getIfMemoized(key) else { return }
            writer.op(.emptyDict)
            writer.memoize(key)
            try saveItems(dict.items, exact: true, depth: depth)
        case .object(let object):
            try saveObject(object, value: value, depth: depth)
        case .type(let type):
            try saveClass(type, value: value)
        case .instance(let object):
            try saveInstance(object, value: value, depth: depth)
        case .set, .function, .builtin, .boundMethod, .module:
            throw unsupported(value)
        }
    }

    private mutating func saveItems(_ items: [(Value, Value)], exact: Bool, depth: Int) throws(ScriptError) {
        for batch in PickleWriter.batches(count: items.count, exact: exact) {
            if batch.marked { writer.op(.mark) }
            for index in batch.range {
                try save(items[index].0, depth: depth + 1)
                try save(items[index].1, depth: depth + 1)
            }
            writer.op(batch.marked ? .setItems : .setItem)
        }
    }

    private mutating func saveObject(_ object: any ScriptObject, value: Value, depth: Int) throws(ScriptError) {
        let key = PickleWriter.MemoKey.object(ObjectIdentifier(object))
        switch object {
        case let tensor as Tensor:
            guard !writer.getIfMemoized(key) else { return }
            let attributes = tensor.scriptAttributes.flatMap { $0.isEmpty ? nil : $0 }
            if tensor.isParameter {
                // Parameter.__reduce_ex__: (_rebuild_parameter, (self.data, requires_grad, OrderedDict())),
                // where `self.data` is a new tensor object each time; with attributes,
                // _rebuild_parameter_with_state and the attributes as a fourth argument.
                writer.global("torch._utils", attributes == nil ? "_rebuild_parameter" : "_rebuild_parameter_with_state")
                let count = attributes == nil ? 3 : 4
                writer.beginTuple(count: count)
                try saveTensor(tensor, requiresGrad: false, memoKey: nil, depth: depth)
                writer.bool(tensor.requiresGrad)
                writer.emptyOrderedDict()
                if let attributes { try saveAttributes(attributes, depth: depth) }
                writer.endTuple(count: count)
                writer.op(.reduce)
                writer.memoize(key)
            } else {
                try saveTensor(tensor, requiresGrad: tensor.requiresGrad, memoKey: key, depth: depth)
            }
        case let dict as CountingDict:
            guard !writer.getIfMemoized(key) else { return }
            switch dict.kind {
            case .ordered:
                // OrderedDict.__reduce__: (OrderedDict, (), None, None, iter(items)).
                writer.global("collections", "OrderedDict")
                writer.op(.emptyTuple)
                writer.op(.reduce)
                writer.memoize(key)
                try saveItems(dict.storage.items, exact: false, depth: depth)
                // The instance's __dict__ (a state dict's `_metadata`), restored by BUILD.
                if !dict.attributes.isEmpty {
                    writer.op(.emptyDict)
                    writer.memoize(nil)
                    try saveItems(dict.attributes.sorted { $0.key < $1.key }.map { (.str($0.key), $0.value) }, exact: true, depth: depth)
                    writer.op(.build)
                }
            case .counter:
                // Counter.__reduce__: (Counter, (dict(self),)).
                writer.global("collections", "Counter")
                writer.op(.emptyDict)
                writer.memoize(nil)
                try saveItems(dict.storage.items, exact: true, depth: depth)
                writer.op(.tuple1)
                writer.memoize(nil)
                writer.op(.reduce)
                writer.memoize(key)
            case .defaultDict:
                throw unsupported(value)
            }
        case let dtype as DTypeObject:
            // torch.dtype reduces to its name: pickled as the global `torch.<name>`.
            writer.global("torch", dtype.name)
        case let bytes as BytesObject:
            guard !writer.getIfMemoized(key) else { return }
            if bytes.isMutable {
                // bytearray: (bytearray, (bytes(self),)) under protocol 2.
                writer.global("__builtin__", "bytearray")
                writer.beginTuple(count: 1)
                writer.immutableBytes(bytes.bytes)
                writer.endTuple(count: 1)
                writer.op(.reduce)
                writer.memoize(key)
            } else {
                writer.immutableBytes(bytes.bytes, memoKey: key)
            }
        default:
            throw unsupported(value)
        }
    }

    /// `Tensor.__reduce_ex__`: `_rebuild_tensor_v2((storage pid), offset, size, stride,
    /// requires_grad, OrderedDict())`; a tensor with attributes (`memoKey` names the tensor
    /// itself, not a parameter's data) is `_rebuild_from_type_v2(_rebuild_tensor_v2,
    /// torch.Tensor, args, attributes)`.
    private mutating func saveTensor(_ tensor: Tensor, requiresGrad: Bool, memoKey: PickleWriter.MemoKey?, depth: Int) throws(ScriptError) {
        let identity = tensor.storageIdentity
        let storageKey: String
        if let known = storageKeys[identity] {
            storageKey = known
        } else {
            storageKey = String(storageKeys.count)
            storageKeys[identity] = storageKey
            storages.append(Storage(key: storageKey, tensor: tensor))
        }
        let attributes = memoKey == nil ? nil : tensor.scriptAttributes.flatMap { $0.isEmpty ? nil : $0 }
        if attributes != nil {
            writer.global("torch._tensor", "_rebuild_from_type_v2")
            writer.beginTuple(count: 4)
        }
        writer.global("torch._utils", "_rebuild_tensor_v2")
        if attributes != nil { writer.global("torch", "Tensor") }
        writer.beginTuple(count: 6)
        writer.beginTuple(count: 5)
        writer.string("storage")
        writer.global("torch", TorchPickler.storageClass(tensor.dtype))
        writer.string(storageKey, key: .storageKey(storageKey))
        writer.string("cpu")
        writer.int(tensor.storageCount)
        writer.endTuple(count: 5)
        writer.op(.binPersistentID)
        writer.int(tensor.storageOffset)
        for numbers in [tensor.shape.dims, tensor.strides] {
            writer.beginTuple(count: numbers.count)
            for n in numbers { writer.int(n) }
            writer.endTuple(count: numbers.count)
        }
        writer.bool(requiresGrad)
        writer.emptyOrderedDict()
        writer.endTuple(count: 6)
        if let attributes {
            try saveAttributes(attributes, depth: depth)
            writer.endTuple(count: 4)
        }
        writer.op(.reduce)
        writer.memoize(memoKey)
    }

    /// A class of the script's own, pickled by reference (GLOBAL `module qualname`), which
    /// a weights-only load finds among the allowlisted globals.
    private mutating func saveClass(_ type: TypeObject, value: Value) throws(ScriptError) {
        guard case .user = type.kind, type.libraryBase == nil, type.exceptionKind == nil else { throw unsupported(value) }
        let module = try interpreter.str(try interpreter.attribute(value, "__module__"))
        let name = try interpreter.str(try interpreter.attribute(value, "__qualname__"))
        if name.contains("<locals>") { throw .attributeError("Can't pickle local object '\(name)'") }
        writer.global(module, name)
    }

    /// An instance of a plain class of the script's own as protocol 2 pickles it
    /// (`copyreg.__newobj__`): its class, NEWOBJ without arguments, then its state by BUILD,
    /// the `__getstate__()` result or else its attributes (none when it has none).
    private mutating func saveInstance(_ object: InstanceObject, value: Value, depth: Int) throws(ScriptError) {
        let key = PickleWriter.MemoKey.object(ObjectIdentifier(object))
        guard !writer.getIfMemoized(key) else { return }
        let type = object.type
        for special in ["__reduce__", "__reduce_ex__", "__getnewargs__", "__getnewargs_ex__"] where type.lookup(special) != nil {
            throw ScriptError(.notImplementedError, "torch.save in Recur pickles instances of plain classes by their attributes; "
                              + "\(type.name) defines \(special)")
        }
        try saveClass(type, value: .type(type))
        writer.op(.emptyTuple)
        writer.op(.newObj)
        writer.memoize(key)
        var state: Value = .none
        if type.lookup("__getstate__") != nil {
            state = try interpreter.callMethod(value, "__getstate__", Arguments())
        } else if !object.attributes.isEmpty {
            let dict = DictObject()
            for (name, attribute) in object.attributes { try dict.set(.str(name), attribute) }
            state = .dict(dict)
        }
        guard !state.isNone else { return }
        madeStates.append(state)
        try save(state, depth: depth + 1)
        writer.op(.build)
    }

    /// A tensor's `__dict__`: a new dict of its attributes in assignment order.
    private mutating func saveAttributes(_ attributes: TensorAttributes, depth: Int) throws(ScriptError) {
        writer.op(.emptyDict)
        writer.memoize(nil)
        try saveItems(attributes.entries.map { (.str($0.name), $0.value) }, exact: true, depth: depth)
    }

    /// PyTorch's legacy storage class for a dtype (`torch.FloatStorage`), which names the dtype in the file.
    static func storageClass(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "FloatStorage"
        case .float64: "DoubleStorage"
        case .int64: "LongStorage"
        case .int32: "IntStorage"
        case .uint8: "ByteStorage"
        case .bool: "BoolStorage"
        }
    }

    private func unsupported(_ value: Value) -> ScriptError {
        if let module = LayerObject.module(of: value) {
            return ScriptError(.notImplementedError,
                "torch.save cannot save a whole module (\(module.typeName)) in Recur: PyTorch pickles its class by reference, "
                + "which only a Python process with that class can load; save its weights with torch.save(model.state_dict(), f) "
                + "and restore them with model.load_state_dict(torch.load(f))")
        }
        return ScriptError(.notImplementedError,
            "torch.save in Recur saves tensors, nn.Parameter, dict, OrderedDict, Counter, list, tuple, str, int, float, bool, "
            + "bytes, None and instances of plain classes (state dicts of modules and optimizers are made of these); got '\(value.typeName)'")
    }
}

extension PickleWriter {
    /// `OrderedDict()`: a tensor's empty backward hooks.
    mutating func emptyOrderedDict() {
        global("collections", "OrderedDict")
        op(.emptyTuple)
        op(.reduce)
        memoize(nil)
    }

    /// bytes under protocol 2: `_codecs.encode(latin-1 text, 'latin1')`, or `bytes()` when empty.
    mutating func immutableBytes(_ data: [UInt8], memoKey: MemoKey? = nil) {
        if data.isEmpty {
            global("__builtin__", "bytes")
            op(.emptyTuple)
        } else {
            global("_codecs", "encode")
            beginTuple(count: 2)
            string(String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) })))
            string("latin1")
            endTuple(count: 2)
        }
        op(.reduce)
        memoize(memoKey)
    }
}
