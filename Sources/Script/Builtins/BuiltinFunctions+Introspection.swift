import Glibc
import Rendering

extension BuiltinFunctions {
    static func addIntrospection(_ table: inout [String: Value], interpreter: Interpreter) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            table[name] = .builtin(BuiltinFunction(name, signature: signature, doc: doc, body))
        }
        add("help", "help(obj)", "Show the documentation of an object in the pager.") { interpreter, a throws(ScriptError) in
            try a.expect("help", 0...1)
            let text = a.positional.isEmpty
                ? "Recur script: Python-shaped code with PyTorch's vocabulary. Try help(len) or torch.nn.RNN?"
                : try interpreter.helpText(for: a.positional[0], detail: 1)
            interpreter.host.page(MimeBundle(plainText: text))
            return .none
        }
        add("dir", "dir([object])", "Return an alphabetized list of names in the object's scope (or the workspace's).") { interpreter, a throws(ScriptError) in
            try a.expect("dir", 0...1)
            guard let value = a.positional.first else {
                return .list(ListObject(interpreter.workspace.globalEntries.map(\.name).sorted().map { .str($0) }))
            }
            return .list(ListObject(interpreter.attributeNames(of: value).map { .str($0) }))
        }
        add("hasattr", "hasattr(obj, name, /)", "Return whether the object has an attribute with the given name.") { interpreter, a throws(ScriptError) in
            try a.expect("hasattr", 2...2)
            let name = try a.positional[1].asString("attribute name")
            return .bool(try interpreter.attributeIfPresent(a.positional[0], name) != nil)
        }
        add("getattr", "getattr(object, name[, default])", "Get a named attribute from an object.") { interpreter, a throws(ScriptError) in
            try a.expect("getattr", 2...3)
            let name = try a.positional[1].asString("attribute name")
            if let value = try interpreter.attributeIfPresent(a.positional[0], name) { return value }
            if a.positional.count == 3 { return a.positional[2] }
            return try interpreter.attribute(a.positional[0], name)
        }
        add("delattr", "delattr(obj, name, /)", "Delete the named attribute from the object.") { interpreter, a throws(ScriptError) in
            try a.expect("delattr", 2...2)
            try interpreter.deleteAttribute(a.positional[0], try a.positional[1].asString("attribute name"))
            return .none
        }
        add("vars", "vars(object)", "The __dict__ attribute of an object.") { interpreter, a throws(ScriptError) in
            try a.expect("vars", 1...1)
            guard let dict = try interpreter.attributeIfPresent(a.positional[0], "__dict__") else {
                throw .typeError("vars() argument must have __dict__ attribute")
            }
            return dict
        }
        add("setattr", "setattr(obj, name, value, /)", "Set the named attribute on the object.") { interpreter, a throws(ScriptError) in
            try a.expect("setattr", 3...3)
            try interpreter.setAttribute(a.positional[0], try a.positional[1].asString("attribute name"), a.positional[2])
            return .none
        }
        add("callable", "callable(obj, /)", "Return whether the object is callable.") { interpreter, a throws(ScriptError) in
            try a.expect("callable", 1...1)
            return .bool(interpreter.isCallable(a.positional[0]))
        }
        add("id", "id(obj, /)", "Return the identity of an object.") { _, a throws(ScriptError) in
            try a.expect("id", 1...1)
            guard let identity = a.positional[0].identity else { return .int(HashKey.pythonHash(a.positional[0])) }
            return .int(Int(bitPattern: UInt(bitPattern: identity.hashValue)))
        }
        add("hash", "hash(obj, /)", "Return the hash value for the given object.") { interpreter, a throws(ScriptError) in
            try a.expect("hash", 1...1)
            if let hash = try interpreter.instanceHash(a.positional[0]) { return .int(hash) }
            _ = try HashKey(a.positional[0])
            return .int(HashKey.pythonHash(a.positional[0]))
        }
        add("super", "super()", "The parent class of the method's class, bound to the method's receiver.") { interpreter, a throws(ScriptError) in
            try a.expect("super", 0...2)
            var start: TypeObject?
            var receiver: Value?
            if a.positional.count == 2, case .type(let t) = a.positional[0] {
                start = t
                receiver = a.positional[1]
            } else {
                start = interpreter.frameFunction?.owner
                receiver = interpreter.frameSelf
            }
            guard let start, let receiver else { throw .runtimeError("super(): no arguments") }
            return .object(SuperObject(start: start, receiver: receiver))
        }
    }

    static func addFunctional(_ table: inout [String: Value]) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            table[name] = .builtin(BuiltinFunction(name, signature: signature, doc: doc, body))
        }
        add("iter", "iter(iterable) / iter(callable, sentinel)", "Get an iterator from an object.") { interpreter, a throws(ScriptError) in
            try a.expect("iter", 1...2)
            guard a.positional.count == 2 else { return try interpreter.iteratorValue(a.positional[0]) }
            let function = a.positional[0], sentinel = a.positional[1]
            guard interpreter.isCallable(function) else { throw .typeError("iter(v, w): v must be callable") }
            var finished = false
            return .object(IteratorObject("callable_iterator", ClosureIterator { (interpreter) throws(ScriptError) -> Value? in
                guard !finished else { return nil }
                let item = try interpreter.call(function, Arguments())
                if try interpreter.equal(item, sentinel) {
                    finished = true
                    return nil
                }
                return item
            }))
        }
        add("next", "next(iterator[, default])", "Return the next item from the iterator.") { interpreter, a throws(ScriptError) in
            try a.expect("next", 1...2)
            if let item = try interpreter.nextItem(a.positional[0]) { return item }
            if a.positional.count == 2 { return a.positional[1] }
            if case .object(let object) = a.positional[0], let generator = object as? GeneratorObject {
                throw interpreter.stopIteration(generator.returnValue)
            }
            throw ScriptError(.stopIteration, "")
        }
        add("map", "map(function, iterable, ...)", "Make an iterator that computes the function using arguments from each iterable.") { interpreter, a throws(ScriptError) in
            try a.expect("map", 2...Int.max)
            let function = a.positional[0]
            var iterators: [any ValueIterator] = []
            for value in a.positional.dropFirst() { iterators.append(try interpreter.makeIterator(value)) }
            return .object(IteratorObject("map", ClosureIterator { (interpreter) throws(ScriptError) -> Value? in
                var items: [Value] = []
                for iterator in iterators {
                    guard let item = try iterator.next(interpreter: interpreter) else { return nil }
                    items.append(item)
                }
                return try interpreter.call(function, Arguments(items))
            }))
        }
        add("filter", "filter(function or None, iterable)", "Return an iterator yielding the items for which function(item) is true.") { interpreter, a throws(ScriptError) in
            try a.expect("filter", 2...2)
            let function = a.positional[0]
            let iterator = try interpreter.makeIterator(a.positional[1])
            return .object(IteratorObject("filter", ClosureIterator { (interpreter) throws(ScriptError) -> Value? in
                while let item = try iterator.next(interpreter: interpreter) {
                    let keep = function.isNone ? item : try interpreter.call(function, Arguments([item]))
                    if try interpreter.truth(keep) { return item }
                }
                return nil
            }))
        }
        add("any", "any(iterable, /)", "Return True if bool(x) is True for any x in the iterable.") { interpreter, a throws(ScriptError) in
            try a.expect("any", 1...1)
            // One item at a time: `any` stops at the first true item, as Python's does.
            let iterator = try interpreter.makeIterator(a.positional[0])
            while let item = try iterator.next(interpreter: interpreter) {
                if try interpreter.truth(item) { return .bool(true) }
                try interpreter.checkInterrupt()
            }
            return .bool(false)
        }
        add("all", "all(iterable, /)", "Return True if bool(x) is True for all values x in the iterable.") { interpreter, a throws(ScriptError) in
            try a.expect("all", 1...1)
            let iterator = try interpreter.makeIterator(a.positional[0])
            while let item = try iterator.next(interpreter: interpreter) {
                if try !interpreter.truth(item) { return .bool(false) }
                try interpreter.checkInterrupt()
            }
            return .bool(true)
        }
        add("divmod", "divmod(x, y, /)", "Return the tuple (x//y, x%y).") { interpreter, a throws(ScriptError) in
            try a.expect("divmod", 2...2)
            return try interpreter.divmod(a.positional[0], a.positional[1])
        }
        add("pow", "pow(base, exp, mod=None)", "Equivalent to base**exp.") { interpreter, a throws(ScriptError) in
            var a = a
            if let index = a.keywords.firstIndex(where: { $0.name == "mod" }), a.positional.count == 2 {
                a.positional.append(a.keywords.remove(at: index).value)
            }
            for (index, name) in ["base", "exp"].enumerated() where index >= a.positional.count {
                if let value = a.keyword(name) {
                    a.positional.append(value)
                    a.keywords.removeAll { $0.name == name }
                }
            }
            try a.expect("pow", 2...3)
            if a.positional.count == 3, !a.positional[2].isNone {
                return try ModularPower.pow(a.positional[0], a.positional[1], a.positional[2])
            }
            return try interpreter.binary(.power, a.positional[0], a.positional[1])
        }
        add("chr", "chr(i, /)", "Return a Unicode string of one character with ordinal i.") { interpreter, a throws(ScriptError) in
            try a.expect("chr", 1...1)
            let i = try interpreter.indexValue(a.positional[0])
            guard i >= 0, i < 0x110000, let scalar = Unicode.Scalar(UInt32(i)) else {
                throw .valueError("chr() arg not in range(0x110000)")
            }
            return .str(String(Character(scalar)))
        }
        add("ord", "ord(c, /)", "Return the Unicode code point for a one-character string.") { _, a throws(ScriptError) in
            try a.expect("ord", 1...1)
            let s = try a.positional[0].asString("ord() argument")
            guard s.unicodeScalars.count == 1, let scalar = s.unicodeScalars.first else {
                throw .typeError("ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(scalar.value))
        }
        for (name, prefix, radix) in [("hex", "0x", 16), ("oct", "0o", 8), ("bin", "0b", 2)] {
            add(name, "\(name)(number, /)", "Return the base-\(radix) representation of an integer.") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                let value = a.positional[0]
                let n: BigInteger
                if let big = value.bigInteger {
                    n = big
                } else {
                    n = BigInteger(try interpreter.indexValue(value))
                }
                return .str((n.negative ? "-" : "") + prefix + n.magnitude.text(radix: radix))
            }
        }
    }
}

extension HashKey {
    /// A deterministic hash for `hash()` (Python's int hash for ints).
    /// CPython's hash of a float (`_Py_HashDouble`): equal to the int's hash for integral
    /// values, the value modulo 2**61 - 1 otherwise.
    static func pythonHash(double value: Double) -> Int {
        if value.isInfinite { return value > 0 ? 314159 : -314159 }
        if value.isNaN { return 0 }
        let bits = 61
        let modulus: UInt64 = (1 << 61) - 1
        let parts = frexp(value.magnitude)
        var m = parts.0
        var e = Int(parts.1)
        let sign = value < 0 ? -1 : 1
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> UInt64(bits - 28)
            m *= 268435456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt64(e)) & modulus) | x >> UInt64(bits - e)
        let result = Int(x) * sign
        return result == -1 ? -2 : result
    }

    static func pythonHash(_ value: Value) -> Int {
        if let i = value.intLike { return BigInteger(i).pythonHash }
        if case .float(let d) = value { return pythonHash(double: d) }
        if case .object(let big as BigIntObject) = value { return big.value.pythonHash }
        // Other keys: the dict table's hash (equal keys alike; never -1, as in CPython).
        let hash = (try? hashValue(of: value)) ?? 0
        return hash == -1 ? -2 : hash
    }
}

/// `super()`: attribute lookup starting after `start` in the receiver's MRO.
package final class SuperObject: ScriptObject {
    package let start: TypeObject
    package let receiver: Value
    init(start: TypeObject, receiver: Value) {
        self.start = start
        self.receiver = receiver
    }
    package var typeName: String { "super" }
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        // In a classmethod the receiver is the class itself.
        let owner: TypeObject
        var receiverIsClass = false
        if case .type(let type) = receiver, type.isSubtype(of: start) {
            owner = type
            receiverIsClass = true
        } else {
            // An instance, or a class whose metaclass's method called super().
            owner = interpreter.typeObject(of: receiver)
        }
        let mro = owner.mro
        guard let position = mro.firstIndex(where: { $0 === start }) else { return nil }
        for type in mro[(position + 1)...] {
            guard let member = type.namespace[name] else { continue }
            if case .object(let descriptor as DescriptorObject) = member {
                return try descriptor.resolve(receiver: receiver, interpreter: interpreter)
            }
            // A plain function found through the class (super() in a classmethod) stays unbound.
            if receiverIsClass { return member }
            return interpreter.bindIfMethod(member, to: receiver)
        }
        return nil
    }
}
