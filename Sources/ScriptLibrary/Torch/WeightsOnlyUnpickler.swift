import Tensors
import Script

/// PyTorch's weights-only unpickler (`torch/_weights_only_unpickler.py`), the default of
/// `torch.load` since 2.6: it runs no pickled code. It accepts the same opcodes and the
/// same allowed globals, refusing anything else with the same `UnpicklingError` texts;
/// globals PyTorch allows but Recur has no counterpart for (other dtypes, quantized and
/// sparse tensors, complex numbers) raise `NotImplementedError` naming them.
package struct WeightsOnlyUnpickler {
    /// Why loading stopped: PyTorch's UnpicklingError text, or another Python error.
    package enum Failure: Error {
        case unpickling(String)
        case script(ScriptError)
    }

    /// A stack item: a Python value, a global the pickle named, or a storage it loaded.
    package enum Item {
        case value(Value)
        case global(PickleGlobal)
        case storage(SharedStorage)
    }

    /// Modules PyTorch blocks outright (`_blocklisted_modules`).
    static let blockedModules: Set<String> = ["sys", "os", "posix", "nt"]

    private let data: [UInt8]
    private var position = 0
    private var stack: [Item] = []
    private var marks: [[Item]] = []
    private var memo: [Int: Item] = [:]
    /// Loads the storage a persistent id names (`persistent_load`).
    private let persistentLoad: (Value) throws(Failure) -> SharedStorage
    private let interpreter: Interpreter

    init(_ data: [UInt8], interpreter: Interpreter, persistentLoad: @escaping (Value) throws(Failure) -> SharedStorage) {
        self.data = data
        self.interpreter = interpreter
        self.persistentLoad = persistentLoad
    }

    package mutating func load() throws(Failure) -> Value {
        var operations = 0
        while true {
            operations += 1
            if operations & 0xFFF == 0 {
                do { try interpreter.checkInterrupt() } catch { throw .script(error) }
            }
            guard position < data.count else { throw .unpickling("pickle data was truncated") }
            let byte = data[position]
            position += 1
            guard let code = PickleOpcode(rawValue: byte) else { throw .unpickling("Unsupported operand \(byte)") }
            switch code {
            case .global:
                let module = mapped(module: try line())
                let name = try line()
                if let allowed = try userGlobal(module: module, name: name) {
                    stack.append(.value(allowed))
                    continue
                }
                let global = try PickleGlobal.resolve(module: module, name: name)
                // A dtype is pickled as the global itself (`torch.float32`).
                if case .dtype(let dtype) = global {
                    stack.append(.value(.object(DTypeObject(dtype))))
                } else {
                    stack.append(.global(global))
                }
            case .newObj:
                let args = try popValue()
                let cls = try pop()
                if case .value(let allowed) = cls, try isUserGlobal(allowed) {
                    stack.append(.value(try newObject(allowed, WeightsOnlyUnpickler.arguments(args))))
                    continue
                }
                guard case .global(.parameter) = cls else {
                    throw .unpickling("Can only create new object for nn.Parameter or classes allowlisted via `add_safe_globals` but got \(describe(cls))")
                }
                stack.append(.value(try PickleGlobal.parameter.call(WeightsOnlyUnpickler.arguments(args), interpreter: interpreter)))
            case .reduce:
                let args = try popValue()
                if case .value(let allowed)? = stack.last, try isUserGlobal(allowed) {
                    let items = try WeightsOnlyUnpickler.arguments(args).map(WeightsOnlyUnpickler.value)
                    stack[stack.count - 1] = .value(try script { () throws(ScriptError) in try interpreter.call(allowed, Arguments(items)) })
                    continue
                }
                guard case .global(let function)? = stack.last else {
                    throw .unpickling("Trying to call reduce for unrecognized function \(stack.last.map(describe) ?? "None")")
                }
                let result = try function.call(WeightsOnlyUnpickler.arguments(args), interpreter: interpreter)
                stack[stack.count - 1] = .value(result)
            case .build:
                let state = try popValue()
                guard case .value(let instance)? = stack.last else { throw .unpickling("Can only build Tensor, Parameter, OrderedDict or types allowlisted via `add_safe_globals`, but got \(stack.last.map(describe) ?? "None")") }
                try build(instance, state: state)
            case .append:
                let item = try popValue()
                guard case .value(.list(let list))? = stack.last else {
                    throw .unpickling("Can only append to lists, but got \(stack.last.map(describe) ?? "None")")
                }
                list.items.append(item)
            case .appends:
                let items = try popMark()
                guard case .value(.list(let list))? = stack.last else {
                    throw .unpickling("Can only extend lists, but got \(stack.last.map(describe) ?? "None")")
                }
                for item in items { list.items.append(WeightsOnlyUnpickler.value(item)) }
            case .setItem:
                let v = try popValue(), k = try popValue()
                try setItems(target: "SETITEM", [k, v])
            case .setItems:
                let items = try popMark()
                var values: [Value] = []
                for item in items { values.append(WeightsOnlyUnpickler.value(item)) }
                try setItems(target: "SETITEMS", values)
            case .mark:
                marks.append(stack)
                stack = []
            case .tuple:
                var items: [Value] = []
                for item in try popMark() { items.append(WeightsOnlyUnpickler.value(item)) }
                stack.append(.value(.tuple(items)))
            case .tuple1, .tuple2, .tuple3:
                let n = code == .tuple1 ? 1 : code == .tuple2 ? 2 : 3
                guard stack.count >= n else { throw .unpickling("pickle data was truncated") }
                var items: [Value] = []
                for item in stack.suffix(n) { items.append(WeightsOnlyUnpickler.value(item)) }
                stack.removeLast(n)
                stack.append(.value(.tuple(items)))
            case .none: stack.append(.value(.none))
            case .newFalse: stack.append(.value(.bool(false)))
            case .newTrue: stack.append(.value(.bool(true)))
            case .emptyTuple: stack.append(.value(.tuple([])))
            case .emptyList: stack.append(.value(.list(ListObject([]))))
            case .emptyDict: stack.append(.value(.dict(DictObject())))
            case .emptySet: stack.append(.value(.set(SetObject())))
            case .binInt:
                let b = try read(4)
                stack.append(.value(.int(Int(Int32(bitPattern: UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24)))))
            case .binInt1: stack.append(.value(.int(Int(try read(1)[0]))))
            case .binInt2:
                let b = try read(2)
                stack.append(.value(.int(Int(b[0]) | Int(b[1]) << 8)))
            case .binFloat:
                var bits: UInt64 = 0
                for b in try read(8) { bits = bits << 8 | UInt64(b) }
                stack.append(.value(.float(Double(bitPattern: bits))))
            case .binUnicode:
                let length = try length32()
                let text = try read(length)
                guard let string = String(validating: text, as: UTF8.self) else { throw .unpickling("invalid UTF-8 in a pickled string") }
                stack.append(.value(.str(string)))
            case .shortBinString:
                let text = try read(Int(try read(1)[0]))
                guard let string = String(validating: text, as: UTF8.self) else { throw .unpickling("invalid UTF-8 in a pickled string") }
                stack.append(.value(.str(string)))
            case .binPersistentID:
                let pid = try popValue()
                switch pid {
                case .tuple(let fields):
                    if let first = fields.first, !TorchSerialization.isString(first, ["storage"]) {
                        throw .unpickling("Only persistent_load of storage is allowed, but got <class '\(first.typeName)'>")
                    }
                case .int:
                    break
                default:
                    throw .unpickling("persistent_load id must be tuple or int, but got <class '\(pid.typeName)'>")
                }
                stack.append(.storage(try persistentLoad(pid)))
            case .binGet, .longBinGet:
                let index = code == .binGet ? Int(try read(1)[0]) : try length32()
                guard let item = memo[index] else { throw .script(ScriptError(.keyError, String(index))) }
                stack.append(item)
            case .binPut, .longBinPut:
                let index = code == .binPut ? Int(try read(1)[0]) : try length32()
                guard let top = stack.last else { throw .unpickling("pickle data was truncated") }
                memo[index] = top
            case .long1:
                let bytes = try read(Int(try read(1)[0]))
                guard bytes.count <= 8 else {
                    throw .script(ScriptError(.notImplementedError, "torch.load: Recur reads integers of up to 64 bits from a checkpoint"))
                }
                var raw: UInt64 = 0
                for (i, b) in bytes.enumerated() { raw |= UInt64(b) << (8 * UInt64(i)) }
                // Sign-extend from the last byte's top bit.
                if let last = bytes.last, last & 0x80 != 0, bytes.count < 8 { raw |= ~0 << (8 * UInt64(bytes.count)) }
                stack.append(.value(.int(Int(Int64(bitPattern: raw)))))
            case .proto:
                let version = try read(1)[0]
                if version != 2 {
                    do {
                        try interpreter.warn("Detected pickle protocol \(version) in the checkpoint, which was not the default pickle protocol used by "
                                             + "`torch.load` (2). The weights_only Unpickler might not support all instructions implemented by this "
                                             + "protocol, please file an issue for adding support if you encounter this.", category: .userWarning)
                    } catch { throw .script(error) }
                }
            case .stop:
                guard let top = stack.popLast() else { throw .unpickling("pickle data was truncated") }
                return WeightsOnlyUnpickler.value(top)
            }
        }
    }

    // MARK: - Reading

    private mutating func read(_ count: Int) throws(Failure) -> [UInt8] {
        guard count >= 0, count <= data.count - position else { throw .unpickling("pickle data was truncated") }
        defer { position += count }
        return Array(data[position..<(position + count)])
    }

    private mutating func length32() throws(Failure) -> Int {
        let b = try read(4)
        return Int(b[0]) | Int(b[1]) << 8 | Int(b[2]) << 16 | Int(b[3]) << 24
    }

    /// A GLOBAL operand line, without its newline.
    private mutating func line() throws(Failure) -> String {
        guard let end = data[position...].firstIndex(of: 0x0A) else { throw .unpickling("pickle data was truncated") }
        defer { position = end + 1 }
        return String(decoding: data[position..<end], as: UTF8.self)
    }

    /// Python 2 module names protocol 2 uses, as `_compat_pickle.IMPORT_MAPPING` maps them.
    private func mapped(module: String) -> String {
        switch module {
        case "__builtin__": "builtins"
        case "copy_reg": "copyreg"
        default: module
        }
    }

    // MARK: - Stack

    private mutating func pop() throws(Failure) -> Item {
        guard let item = stack.popLast() else { throw .unpickling("pickle data was truncated") }
        return item
    }

    private mutating func popValue() throws(Failure) -> Value {
        // Popped before `value` is called: a method call evaluated first would hold a copy of
        // `self`, making the stack shared and every pop copy it.
        let item = try pop()
        return WeightsOnlyUnpickler.value(item)
    }

    private mutating func popMark() throws(Failure) -> [Item] {
        guard let previous = marks.popLast() else { throw .unpickling("could not find MARK") }
        let items = stack
        stack = previous
        return items
    }

    /// An item as a value: a global or a storage inside a tuple (a persistent id, a call's
    /// arguments) is held by a reference object until something unwraps it.
    private static func value(_ item: Item) -> Value {
        switch item {
        case .value(let v): v
        case .global, .storage: .object(PickledReference(item))
        }
    }

    /// A value as an item again, unwrapping references.
    package static func item(_ value: Value) -> Item {
        if case .object(let reference as PickledReference) = value { return reference.item }
        return .value(value)
    }

    private static func arguments(_ args: Value) throws(Failure) -> [Item] {
        guard case .tuple(let items) = args else { throw .unpickling("argument list must be a tuple, not \(args.typeName)") }
        return items.map(WeightsOnlyUnpickler.item)
    }

    package func describe(_ item: Item) -> String {
        switch item {
        case .value(let v): "<class '\(v.typeName)'>"
        case .global(let g): g.fullName
        case .storage: "<class 'torch.storage.UntypedStorage'>"
        }
    }

    private mutating func setItems(target opcode: String, _ items: [Value]) throws(Failure) {
        let dict: DictObject
        switch stack.last {
        case .value(.dict(let d))?: dict = d
        case .value(.object(let counting as CountingDict))?:
            switch counting.kind {
            case .ordered, .counter: dict = counting.storage
            case .defaultDict: throw .unpickling("Can only \(opcode) for dict, collections.OrderedDict, collections.Counter, but got <class 'collections.defaultdict'>")
            }
        default:
            throw .unpickling("Can only \(opcode) for dict, collections.OrderedDict, collections.Counter, but got \(stack.last.map(describe) ?? "None")")
        }
        var index = 0
        while index + 1 < items.count {
            do { try dict.set(items[index], items[index + 1]) } catch { throw .script(error) }
            index += 2
        }
    }

    /// BUILD: an OrderedDict's attributes (a state dict's `_metadata`); other states PyTorch
    /// would set are refused.
    private func build(_ instance: Value, state: Value) throws(Failure) {
        if case .object(let counting as CountingDict) = instance, counting.isOrdered {
            guard case .dict(let attributes) = state else { throw .unpickling("OrderedDict state must be a dict, not \(state.typeName)") }
            for (key, value) in attributes.items {
                guard case .str(let name) = key else { throw .unpickling("attribute name must be a string") }
                counting.attributes[name] = value
            }
            return
        }
        if case .instance(let object) = instance, try isUserGlobal(.type(object.type)) {
            try script { () throws(ScriptError) in try restore(object, state: state) }
            return
        }
        if case .none = state { return }
        throw .script(ScriptError(.notImplementedError, "torch.load: Recur cannot restore the state of a pickled \(instance.typeName)"))
    }

    // MARK: - Allowlisted globals (torch.serialization.add_safe_globals)

    private func script<T>(_ body: () throws(ScriptError) -> T) throws(Failure) -> T {
        do { return try body() } catch { throw .script(error) }
    }

    /// The allowlisted global GLOBAL `module name` names, after PyTorch's blocked modules and
    /// its own globals, as PyTorch looks them up.
    private func userGlobal(module: String, name: String) throws(Failure) -> Value? {
        let path = module + "." + name
        guard !interpreter.torch.safeGlobals.isEmpty, !WeightsOnlyUnpickler.blockedModules.contains(module),
              PickleGlobal.named[path] == nil else { return nil }
        return try script { () throws(ScriptError) in try SafeGlobals.byPath(interpreter)[path] }
    }

    private func isUserGlobal(_ value: Value) throws(Failure) -> Bool {
        guard !interpreter.torch.safeGlobals.isEmpty else { return false }
        return try script { () throws(ScriptError) in try SafeGlobals.contains(value, interpreter) }
    }

    /// NEWOBJ of an allowlisted class: `cls.__new__(cls, *args)`, which for a class of the
    /// script's own without `__new__` is a bare instance (`__init__` is not run).
    private func newObject(_ cls: Value, _ args: [Item]) throws(Failure) -> Value {
        let values = args.map(WeightsOnlyUnpickler.value)
        guard case .type(let type) = cls else {
            throw .script(ScriptError(.notImplementedError, "torch.load: Recur builds allowlisted classes of the script's own; \(cls.typeName) is not one"))
        }
        if let new = type.lookup("__new__") {
            return try script { () throws(ScriptError) in try interpreter.call(new, Arguments([cls] + values)) }
        }
        guard case .user = type.kind, type.libraryBase == nil, type.exceptionKind == nil, values.isEmpty else {
            throw .script(ScriptError(.notImplementedError, "torch.load: Recur builds allowlisted classes of the script's own "
                                      + "(not subclasses of library classes, without arguments to __new__); got \(type.name)"))
        }
        return .instance(InstanceObject(type: type))
    }

    /// BUILD of an allowlisted class's instance: `__setstate__(state)`, else its `__dict__`
    /// updated and `(state, slotstate)`'s slots set, as pickle's `load_build`.
    private func restore(_ object: InstanceObject, state: Value) throws(ScriptError) {
        let instance = Value.instance(object)
        if object.type.lookup("__setstate__") != nil {
            _ = try interpreter.callMethod(instance, "__setstate__", Arguments([state]))
            return
        }
        var dictState = state
        var slotState = Value.none
        if case .tuple(let pair) = state, pair.count == 2 {
            dictState = pair[0]
            slotState = pair[1]
        }
        if try interpreter.truth(dictState) {
            guard case .dict(let attributes) = dictState else { throw .typeError("state is not a dictionary") }
            for (key, value) in attributes.items { object.attributes[try key.asString("attribute name")] = value }
        }
        if try interpreter.truth(slotState) {
            guard case .dict(let slots) = slotState else { throw .typeError("slot state is not a dictionary") }
            for (key, value) in slots.items { try interpreter.setAttribute(instance, try key.asString("attribute name"), value) }
        }
    }
}

/// A global or a storage the unpickler placed inside a tuple; a global left in the loaded
/// object shows as its class, as PyTorch would return it.
package final class PickledReference: ScriptObject {
    package let item: WeightsOnlyUnpickler.Item
    init(_ item: WeightsOnlyUnpickler.Item) { self.item = item }
    package var typeName: String {
        switch item {
        case .storage: "TypedStorage"
        case .global, .value: "type"
        }
    }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        switch item {
        case .global(let g): "<class '\(g.fullName)'>"
        case .storage(let s): "TypedStorage(dtype=\(s.dtype), size=\(s.count))"
        case .value(let v): try interpreter.repr(v)
        }
    }
}
