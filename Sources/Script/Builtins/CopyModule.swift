import Tensors

/// `copy`: `copy` and `deepcopy` (with `memo`, `__copy__` and `__deepcopy__`) for the
/// language's values, instances of plain classes, and PyTorch's tensors, modules and
/// state dicts (CopyModule+Torch.swift). Other library objects are refused by name rather
/// than copied half-way.
package enum CopyModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["copy"] = .builtin(BuiltinFunction("copy", signature: "copy.copy(x)", doc: "Shallow copy operation on arbitrary Python objects.") { interpreter, a throws(ScriptError) in
            try a.expect("copy", 1...1)
            return try shallow(a.positional[0], interpreter)
        })
        module.namespace["deepcopy"] = .builtin(BuiltinFunction("deepcopy", signature: "copy.deepcopy(x, memo=None)", doc: "Deep copy operation on arbitrary Python objects.") { interpreter, a throws(ScriptError) in
            try a.expect("deepcopy", 1...2, keywords: ["memo"])
            let memo: DictObject
            if case .dict(let given)? = a.value(1, "memo") { memo = given } else { memo = DictObject() }
            return try Copier(interpreter, memo: memo).deep(a.positional[0])
        })
        module.namespace["Error"] = .type(interpreter.types.exception(.exception))
    }

    package static func refuse(_ value: Value, _ function: String) -> ScriptError {
        ScriptError(.notImplementedError, "copy.\(function): Recur cannot copy '\(value.typeName)' objects yet")
    }

    /// A new instance of `instance`'s class holding `attributes`, without running `__init__`.
    private static func instance(like instance: InstanceObject, _ attributes: AttributeTable) -> Value {
        let copy = InstanceObject(type: instance.type)
        copy.attributes = attributes
        return .instance(copy)
    }

    /// CPython's `_reconstruct` with a state from `__getstate__`: `__setstate__(state)`
    /// when the class has one, else the state dict's items become attributes; a false
    /// state (an empty dict) is not applied.
    package static func restore(_ instance: InstanceObject, from state: Value, _ interpreter: Interpreter) throws(ScriptError) {
        guard try interpreter.truth(state) else { return }
        if instance.type.lookup("__setstate__") != nil {
            _ = try interpreter.callMethod(.instance(instance), "__setstate__", Arguments([state]))
            return
        }
        guard case .dict(let items) = state else { throw .typeError("state is not a dictionary") }
        for (name, attribute) in items.items {
            guard case .str(let text) = name else { throw .typeError("attribute name must be string, not '\(name.typeName)'") }
            instance.attributes[text] = attribute
        }
    }

    package static func shallow(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        switch value {
        case .none, .bool, .int, .float, .str, .tuple, .function, .builtin, .type, .module, .boundMethod:
            return value
        case .list(let list): return .list(ListObject(list.items))
        case .dict(let dict): return .dict(dict.copy())
        case .set(let set): return .set(set.copy())
        case .instance(let object):
            if let result = try interpreter.callSpecial(value, "__copy__") { return result }
            if let native = object.native as? InstanceNative { return try native.shallowCopy(of: object, interpreter: interpreter) }
            guard object.type.libraryBase == nil, object.type.exceptionKind == nil else { throw refuse(value, "copy") }
            if object.type.lookup("__getstate__") != nil {
                let copy = InstanceObject(type: object.type)
                try restore(copy, from: try interpreter.callMethod(value, "__getstate__", Arguments()), interpreter)
                return .instance(copy)
            }
            return instance(like: object, object.attributes)
        case .object(let object):
            switch object {
            case let bytes as BytesObject: return bytes.isMutable ? bytes.sibling(bytes.bytes) : value
            case is BigIntObject, is NamedTupleObject, is RangeObject: return value
            case let deque as DequeObject: return .object(DequeObject(Array(deque.items), maxlen: deque.maxlen))
            case let counting as CountingDict:
                let copy = try counting.callMethod("copy", Arguments(), interpreter: interpreter) ?? value
                if case .object(let made as CountingDict) = copy { made.attributes = counting.attributes }
                return copy
            case let copyable as CopyableObject: return try copyable.shallowCopy(interpreter: interpreter)
            default: throw refuse(value, "copy")
            }
        }
    }

    /// One `deepcopy` call: values already copied, by identity, in `memo` (keyed by `id()`,
    /// as CPython's memo is).
    package struct Copier {
        package let interpreter: Interpreter
        package let memo: DictObject
        package init(_ interpreter: Interpreter, memo: DictObject) {
            self.interpreter = interpreter
            self.memo = memo
        }

        package func deep(_ value: Value) throws(ScriptError) -> Value {
            try interpreter.checkInterrupt()
            guard let identity = value.identity else {
                if case .tuple(let items) = value { return .tuple(try items.map { (v) throws(ScriptError) in try deep(v) }) }
                return value
            }
            let key = Copier.key(memoIdentity(value) ?? identity)
            if let done = try memo.get(key) { return done }
            let copy: Value
            switch value {
            case .list(let list):
                let result = ListObject([])
                try memo.set(key, .list(result))
                for item in list.items { result.items.append(try deep(item)) }
                return .list(result)
            case .dict(let dict):
                let result = DictObject()
                try memo.set(key, .dict(result))
                for (k, v) in dict.items { try result.set(try deep(k), try deep(v)) }
                return .dict(result)
            case .set(let set):
                let result = SetObject()
                try memo.set(key, .set(result))
                for (k, _) in set.storage.items { try result.storage.set(try deep(k), .none) }
                return .set(result)
            case .instance(let object):
                if let result = try interpreter.callSpecial(value, "__deepcopy__", [.dict(memo)]) {
                    copy = result
                } else if let native = object.native as? InstanceNative {
                    return try native.deepCopy(of: object, self, key: key)
                } else {
                    guard object.type.libraryBase == nil, object.type.exceptionKind == nil else { throw CopyModule.refuse(value, "deepcopy") }
                    let result = InstanceObject(type: object.type)
                    try memo.set(key, .instance(result))
                    if object.type.lookup("__getstate__") != nil {
                        try CopyModule.restore(result, from: try deep(try interpreter.callMethod(value, "__getstate__", Arguments())), interpreter)
                        return .instance(result)
                    }
                    for (name, attribute) in object.attributes { result.attributes[name] = try deep(attribute) }
                    return .instance(result)
                }
            case .object(let object):
                switch object {
                case let named as NamedTupleObject:
                    copy = .object(NamedTupleObject(named.layout, try named.values.map { (v) throws(ScriptError) in try deep(v) }))
                case let deque as DequeObject:
                    copy = .object(DequeObject(try deque.items.map { (v) throws(ScriptError) in try deep(v) }, maxlen: deque.maxlen))
                case let bytes as BytesObject:
                    copy = bytes.isMutable ? bytes.sibling(bytes.bytes) : value
                case is BigIntObject, is RangeObject:
                    copy = value
                case let copyable as CopyableObject:
                    copy = try copyable.deepCopy(self, key: key)
                case let counting as CountingDict:
                    return try deepDict(counting, key: key)
                default:
                    throw CopyModule.refuse(value, "deepcopy")
                }
            case .function, .builtin, .type, .module, .boundMethod:
                copy = value
            case .none, .bool, .int, .float, .str, .tuple:
                copy = value
            }
            try memo.set(key, copy)
            return copy
        }
    }
}

extension CopyModule.Copier {
    /// The memo key of an object's identity: its `id()`, as CPython keys the memo (so
    /// `memo[id(x)]` finds x's copy).
    package static func key(_ identity: ObjectIdentifier) -> Value {
        .int(identity.hashValue)
    }

    /// The identity a value is memoised under when it is not the value's own.
    package func memoIdentity(_ value: Value) -> ObjectIdentifier? {
        guard case .object(let copyable as CopyableObject) = value else { return nil }
        return copyable.memoIdentity
    }

    /// An OrderedDict, Counter or defaultdict: its items and attributes (a state dict's
    /// `_metadata`) copied, a defaultdict keeping its factory.
    func deepDict(_ dict: CountingDict, key: Value) throws(ScriptError) -> Value {
        let copy = CountingDict(dict.kind)
        try memo.set(key, .object(copy))
        for (k, v) in dict.storage.items { try copy.storage.set(try deep(k), try deep(v)) }
        for (name, value) in dict.attributes { copy.attributes[name] = try deep(value) }
        return .object(copy)
    }
}
