extension Interpreter {
    package func attribute(_ value: Value, _ name: String) throws(ScriptError) -> Value {
        // A user __getattr__'s own AttributeError is the one raised (with its message).
        if let result = try attributeIfPresent(value, name, keepingGetattrError: true) { return result }
        switch value {
        case .module(let module):
            throw .attributeError("module '\(module.name)' has no attribute '\(name)'" + module.missingAttributeNote)
        case .type(let type):
            throw .attributeError("type object '\(type.name)' has no attribute '\(name)'")
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod,
             .instance, .object:
            throw .attributeError("'\(value.typeName)' object has no attribute '\(name)'")
        }
    }

    package func attributeIfPresent(_ value: Value, _ name: String, keepingGetattrError: Bool = false) throws(ScriptError) -> Value? {
        switch value {
        case .instance(let instance):
            // A property or a data descriptor on the class comes before the instance's own
            // attributes; a descriptor with only __get__ comes after them.
            var nonDataDescriptor: InstanceObject?
            if instance.type.hasPropertyOrDescriptor(name), let member = instance.type.lookup(name) {
                if case .object(let object) = member, let property = object as? DescriptorObject, property.isProperty {
                    return try property.resolve(receiver: value, interpreter: self)
                }
                if case .instance(let descriptor) = member {
                    if isDataDescriptor(descriptor) { return try descriptorGet(descriptor, instance: value, owner: instance.type) }
                    nonDataDescriptor = descriptor
                }
            }
            if let own = instance.attributes[name] { return own }
            if let descriptor = nonDataDescriptor { return try descriptorGet(descriptor, instance: value, owner: instance.type) }
            if let member = instance.type.lookup(name) {
                if case .object(let object) = member, let descriptor = object as? DescriptorObject {
                    return try descriptor.resolve(receiver: value, interpreter: self)
                }
                return bindIfMethod(member, to: value)
            }
            if let base = instance.type.libraryBase,
               let member = try base.attribute(instance, name, interpreter: self) {
                return member
            }
            if name == "__class__" { return .type(instance.type) }
            if let kind = instance.type.exceptionKind, let member = exceptionAttribute(instance, kind, name) {
                return member
            }
            if name == "__dict__" { return .object(NamespaceDict(InstanceStore(instance))) }
            // `Meters(3).real`: the attributes of the value a subclass of int or str carries.
            if let payload = instance.payload, let member = try attributeIfPresent(payload, name) { return member }
            if instance.type.libraryBase == nil, let inherited = objectDefault(value, instance: instance, name) {
                return inherited
            }
            if let getattr = instance.type.lookup("__getattr__") {
                do {
                    return try callBound(getattr, receiver: value, Arguments([.str(name)]))
                } catch where !keepingGetattrError && exception(error, matches: types.exception(.attributeError)) {
                    return nil
                }
            }
            return nil
        case .module(let module):
            if let member = module.member(name, symbols: symbols) { return member }
            if name == "__name__" { return .str(module.name) }
            return nil
        case .type(let type):
            if let member = type.lookup(name) {
                if case .object(let object) = member, let descriptor = object as? DescriptorObject {
                    return try descriptor.resolve(receiver: value, interpreter: self)
                }
                if type.hasDescriptor(name), case .instance(let descriptor) = member {
                    return try descriptorGet(descriptor, instance: Value.none, owner: type)
                }
                return member
            }
            if let meta = type.metaclass, let member = try metaclassAttribute(type, meta, name) { return member }
            if name == "__name__" { return .str(type.name) }
            if name == "__dict__" { return .object(MappingProxy(type)) }
            if name == "__class__" { return .type(metaclass(of: type)) }
            if let inherited = classHashDefault(type, name) { return inherited }
            if name == "__qualname__" { return .str(type.qualifiedName ?? type.name) }
            if name == "__module__" { return .str(type.module) }
            if name == "__mro__" { return .tuple(type.mro.map { .type($0) }) }
            if name == "__bases__" {
                // A class written without bases derives from object (which has none).
                if type.bases.isEmpty && type !== types.object { return .tuple([.type(types.object)]) }
                return .tuple(type.bases.map { .type($0) })
            }
            if name == "__base__" { return type.bases.first.map { .type($0) } ?? (type === types.object ? Value.none : .type(types.object)) }
            if name == "mro" {
                return .builtin(BuiltinFunction("mro") { [type] _, a throws(ScriptError) in
                    try a.expect("mro", 0...0)
                    return .list(ListObject(type.mro.map { .type($0) }))
                })
            }
            return nil
        case .object(let object):
            if let member = try object.attribute(name, interpreter: self) { return member }
            if object is BigIntObject, name.hasPrefix("__"), let method = numberMethod(value, name) { return method }
            return name == "__class__" ? .type(typeObject(of: value)) : nil
        case .function(let function):
            if let own = function.attributes[name] { return own }
            switch name {
            case "__name__": return .str(function.definition.name)
            case "__qualname__": return .str(function.qualifiedName)
            case "__doc__": return function.definition.docstring.map { Value.str($0) } ?? Value.none
            default: return nil
            }
        case .builtin(let builtin):
            switch name {
            case "__name__": return .str(builtin.name)
            case "__doc__": return .str(builtin.doc)
            default: return nil
            }
        case .boundMethod(let method):
            if name == "__self__" { return method.receiver }
            return try attributeIfPresent(method.function, name)
        case .int(let i):
            if name == "real" || name == "numerator" { return .int(i) }
            if name == "imag" { return .int(0) }
            if name == "denominator" { return .int(1) }
        case .float(let d):
            if name == "real" { return .float(d) }
            if name == "imag" { return .float(0) }
        case .none, .bool, .str, .list, .tuple, .dict, .set:
            break
        }
        if name == "__class__" { return .type(typeObject(of: value)) }
        if let member = typeObject(of: value).lookup(name) { return bindIfMethod(member, to: value) }
        return name.hasPrefix("__") ? numberMethod(value, name) : nil
    }

    func bindIfMethod(_ member: Value, to receiver: Value) -> Value {
        switch member {
        case .function, .builtin: return .boundMethod(BoundMethod(receiver: receiver, function: member))
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .boundMethod, .type, .instance, .module,
             .object:
            return member
        }
    }

    package func setAttribute(_ target: Value, _ name: String, _ value: Value) throws(ScriptError) {
        switch target {
        case .instance(let instance):
            if let setattr = instance.type.userSetattr {
                _ = try callBound(setattr, receiver: target, Arguments([.str(name), value]))
                return
            }
            try storeAttribute(instance, name, value)
            return
        case .object(let object):
            if try object.setAttribute(name, value, interpreter: self) { return }
        case .type(let type):
            if let meta = type.metaclass, let setattr = meta.lookup("__setattr__"), !isBuiltinMember(setattr) {
                _ = try callBound(setattr, receiver: target, Arguments([.str(name), value]))
                return
            }
            if case .user = type.kind {
                type.namespace[name] = value
                return
            }
            throw .typeError("cannot set '\(name)' attribute of immutable type '\(type.name)'")
        case .module(let module):
            module.setMember(name, value, symbols: symbols)
            return
        case .function(let function):
            function.attributes[name] = value
            return
        case .builtin, .boundMethod, .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set:
            break
        }
        throw .attributeError("'\(target.typeName)' object has no attribute '\(name)' and no __dict__ for setting new attributes")
    }

    /// `object.__setattr__`: a property's setter, a library base's attribute, or the instance's dict.
    func storeAttribute(_ instance: InstanceObject, _ name: String, _ value: Value) throws(ScriptError) {
        if instance.type.hasProperty(name), case .object(let object)? = instance.type.lookup(name),
           let descriptor = object as? DescriptorObject {
            try descriptor.set(.instance(instance), value, interpreter: self)
            return
        }
        if instance.type.hasDescriptor(name), case .instance(let descriptor)? = instance.type.lookup(name),
           let set = descriptor.type.lookup("__set__") {
            _ = try callBound(set, receiver: .instance(descriptor), Arguments([.instance(instance), value]))
            return
        }
        if let base = instance.type.libraryBase, try base.setAttribute(instance, name, value, interpreter: self) {
            return
        }
        instance.attributes[name] = value
    }

    /// A descriptor with `__set__` or `__delete__` comes before the instance's own attributes.
    func isDataDescriptor(_ descriptor: InstanceObject) -> Bool {
        descriptor.type.lookup("__set__") != nil || descriptor.type.lookup("__delete__") != nil
    }

    /// `descriptor.__get__(instance, owner)`; a descriptor without `__get__` is itself.
    func descriptorGet(_ descriptor: InstanceObject, instance: Value, owner: TypeObject) throws(ScriptError) -> Value {
        guard let get = descriptor.type.lookup("__get__") else { return .instance(descriptor) }
        return try callBound(get, receiver: .instance(descriptor), Arguments([instance, .type(owner)]))
    }

    func deleteAttribute(_ target: Value, _ name: String) throws(ScriptError) {
        if case .instance(let instance) = target, instance.type.hasDescriptor(name),
           case .instance(let descriptor)? = instance.type.lookup(name), let delete = descriptor.type.lookup("__delete__") {
            _ = try callBound(delete, receiver: .instance(descriptor), Arguments([target]))
            return
        }
        if case .instance(let instance) = target {
            if case .object(let object)? = instance.type.lookup(name), let descriptor = object as? DescriptorObject,
               descriptor.isProperty {
                try descriptor.delete(target, interpreter: self)
                return
            }
            if instance.attributes.removeValue(forKey: name) != nil { return }
        }
        if case .type(let type) = target, case .user = type.kind, type.namespace.removeValue(forKey: name) != nil { return }
        throw .attributeError("'\(target.typeName)' object has no attribute '\(name)'")
    }

    /// Attribute names of a value, for `dir()` and completion.
    package func attributeNames(of value: Value) -> [String] {
        var names = Set<String>()
        switch value {
        case .instance(let instance):
            names.formUnion(instance.attributes.keys)
            instance.type.libraryBase.map { names.formUnion($0.attributeNames(instance)) }
        case .module(let module):
            // A module's `__dir__` lists its dict only, not its type's methods.
            names.formUnion(module.members(symbols: symbols).map(\.name))
            return names.sorted()
        case .object(let object): names.formUnion(object.attributeNames)
        case .type(let type):
            for t in type.mro { names.formUnion(t.namespace.keys) }
            return names.sorted()
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod:
            break
        }
        for t in typeObject(of: value).mro { names.formUnion(t.namespace.keys) }
        return names.sorted()
    }
}

extension Interpreter {
    /// `C.name` found on C's metaclass (`C` being an instance of it): methods bind to the
    /// class, properties run their getter with it.
    func metaclassAttribute(_ type: TypeObject, _ meta: TypeObject, _ name: String) throws(ScriptError) -> Value? {
        guard let member = meta.lookup(name) else { return nil }
        let receiver = Value.type(type)
        switch member {
        case .object(let descriptor as DescriptorObject):
            if descriptor.isProperty {
                guard !descriptor.function.isNone else {
                    throw .attributeError("property of '\(meta.name)' object has no getter")
                }
                return try call(descriptor.function, Arguments([receiver]))
            }
            if case .classMethod = descriptor.kind { return .boundMethod(BoundMethod(receiver: .type(meta), function: descriptor.function)) }
            return descriptor.function
        case .instance(let descriptor) where descriptor.type.lookup("__get__") != nil:
            return try descriptorGet(descriptor, instance: receiver, owner: meta)
        case .function, .builtin:
            return bindIfMethod(member, to: receiver)
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .boundMethod, .type, .instance, .module, .object:
            return member
        }
    }
}
