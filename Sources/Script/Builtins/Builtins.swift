import Glibc

extension Interpreter {
    /// The builtins namespace.
    func makeBuiltins() -> [String: Value] {
        var table: [String: Value] = [:]
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            table[name] = .builtin(BuiltinFunction(name, signature: signature, doc: doc, body))
        }
        for type in [types.int, types.float, types.str, types.bool, types.list, types.tuple, types.dict,
                     types.set, types.frozenset, types.object, types.type] {
            table[type.name] = .type(type)
        }
        for kind in ExceptionKind.allCases { table[kind.rawValue] = .type(types.exception(kind)) }
        table["NotImplemented"] = .object(types.notImplemented)
        add("print", "print(*values, sep=' ', end='\\n', file=None, flush=False)",
            "Prints the values to a stream, or to sys.stdout by default, separated by sep and followed by end.",
            { (i, a) throws(ScriptError) in try BuiltinFunctions.print(i, a) })
        add("len", "len(obj, /)", "Return the number of items in a container.") { interpreter, a throws(ScriptError) in
            try a.expect("len", 1...1)
            return .int(try interpreter.length(a.positional[0]))
        }
        add("range", "range(stop) / range(start, stop[, step])",
            "Return an object that produces a sequence of integers from start (inclusive) to stop (exclusive) by step.",
            { (i, a) throws(ScriptError) in try BuiltinFunctions.range(i, a) })
        add("zip", "zip(*iterables, strict=False)",
            "Yield tuples until an input is exhausted; the i-th tuple holds the i-th element of each iterable.",
            { (i, a) throws(ScriptError) in try BuiltinFunctions.zip(i, a) })
        add("enumerate", "enumerate(iterable, start=0)",
            "Return an enumerate object yielding pairs (index, value) for the iterable.",
            { (i, a) throws(ScriptError) in try BuiltinFunctions.enumerate(i, a) })
        add("sorted", "sorted(iterable, /, *, key=None, reverse=False)",
            "Return a new list containing all items from the iterable in ascending order.") { interpreter, a throws(ScriptError) in
            try a.expect("sorted", 1...1, keywords: ["key", "reverse"])
            return .list(ListObject(try interpreter.sorted(try interpreter.iterate(a.positional[0]),
                                                          key: a.keyword("key"), reverse: a.keyword("reverse"))))
        }
        add("reversed", "reversed(sequence, /)", "Return a reverse iterator over the values of the given sequence.") { interpreter, a throws(ScriptError) in
            try a.expect("reversed", 1...1)
            let value = a.positional[0]
            if case .instance(let instance) = value {
                if let result = try interpreter.callSpecial(value, "__reversed__") { return result }
                guard let getItem = instance.type.lookup("__getitem__"), let n = try interpreter.instanceLength(value) else {
                    throw .typeError("'\(value.typeName)' object is not reversible")
                }
                var position = n
                return .object(IteratorObject("reversed", ClosureIterator { (interpreter) throws(ScriptError) -> Value? in
                    guard position > 0 else { return nil }
                    position -= 1
                    return try interpreter.callBound(getItem, receiver: value, Arguments([.int(position)]))
                }))
            }
            switch value {
            case .set: throw .typeError("'\(value.typeName)' object is not reversible")
            default: break
            }
            return .object(IteratorObject("reversed", ArrayIterator(try interpreter.iterate(value).reversed())))
        }
        add("min", "min(iterable, *[, default=obj, key=func]) / min(arg1, arg2, *args, *[, key=func])",
            "With a single iterable argument, return its smallest item; with two or more arguments, the smallest argument.") { interpreter, a throws(ScriptError) in
            try BuiltinFunctions.extreme(interpreter, a, "min", .less)
        }
        add("max", "max(iterable, *[, default=obj, key=func]) / max(arg1, arg2, *args, *[, key=func])",
            "With a single iterable argument, return its biggest item; with two or more arguments, the largest argument.") { interpreter, a throws(ScriptError) in
            try BuiltinFunctions.extreme(interpreter, a, "max", .greater)
        }
        add("sum", "sum(iterable, /, start=0)",
            "Return the sum of a 'start' value (default: 0) plus an iterable of numbers.") { interpreter, a throws(ScriptError) in
            try a.expect("sum", 1...2, keywords: ["start"])
            var total = a.value(1, "start") ?? .int(0)
            if case .str = total { throw .typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            let iterator = try interpreter.makeIterator(a.positional[0])
            while let item = try iterator.next(interpreter: interpreter) {
                total = try interpreter.binary(.add, total, item)
                try interpreter.checkInterrupt()
            }
            return total
        }
        add("abs", "abs(x, /)", "Return the absolute value of the argument.") { interpreter, a throws(ScriptError) in
            try a.expect("abs", 1...1)
            switch a.positional[0] {
            case .int(let i):
                if i == Int.min { return .integer(BigInteger(i).magnitude) }
                return .int(Swift.abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(Swift.abs(d))
            case .object(let big as BigIntObject):
                return .integer(big.value.magnitude)
            case .object(let object):
                if let attribute = try object.attribute("abs", interpreter: interpreter) {
                    return try interpreter.call(attribute, Arguments())
                }
            case .instance:
                if let result = try interpreter.callSpecial(a.positional[0], "__abs__") { return result }
            case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .module:
                break
            }
            throw .typeError("bad operand type for abs(): '\(a.positional[0].typeName)'")
        }
        add("round", "round(number, ndigits=None)",
            "Round a number to a given precision in decimal digits; with ndigits omitted it returns the nearest integer (ties to even).",
            { (i, a) throws(ScriptError) in try BuiltinFunctions.round(i, a) })
        add("isinstance", "isinstance(obj, class_or_tuple, /)",
            "Return whether an object is an instance of a class or of a subclass thereof.") { interpreter, a throws(ScriptError) in
            try a.expect("isinstance", 2...2)
            let type = interpreter.typeObject(of: a.positional[0])
            return .bool(try BuiltinFunctions.matches(type, a.positional[1], "isinstance"))
        }
        add("issubclass", "issubclass(cls, class_or_tuple, /)",
            "Return whether 'cls' is derived from another class or is the same class.") { _, a throws(ScriptError) in
            try a.expect("issubclass", 2...2)
            guard case .type(let type) = a.positional[0] else { throw .typeError("issubclass() arg 1 must be a class") }
            return .bool(try BuiltinFunctions.matches(type, a.positional[1], "issubclass"))
        }
        add("input", "input(prompt='', /)",
            "Read a string from standard input (the notebook's input box). The trailing newline is stripped.") { interpreter, a throws(ScriptError) in
            try a.expect("input", 0...1)
            let prompt = try a.positional.first.map { (v) throws(ScriptError) in try interpreter.str(v) } ?? ""
            do {
                return .str(try interpreter.servingComms { () throws(InputUnavailable) in
                    try interpreter.host.readInput(prompt: prompt, password: false)
                })
            } catch {
                // An interrupt while waiting for input is the user stopping the cell.
                if interpreter.host.interruptRequested { throw ScriptError(.keyboardInterrupt, "") }
                throw ScriptError(.stdinNotImplementedError, "raw_input was called, but this frontend does not support input requests.")
            }
        }
        add("open", "open(file, mode='r', encoding=None, errors=None, newline=None)",
            "Open a text file (relative to the notebook's directory) and return a file object.",
            { (i, a) throws(ScriptError) in try FileObject.open(i, a) })
        add("slice", "slice(stop) / slice(start, stop[, step])", "A slice object, as written a[start:stop:step].") { _, a throws(ScriptError) in
            try SliceObject.make(a)
        }
        add("ascii", "ascii(obj, /)", "repr(obj) with non-ASCII characters escaped.") { interpreter, a throws(ScriptError) in
            try a.expect("ascii", 1...1)
            var out = ""
            for scalar in try interpreter.repr(a.positional[0]).unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    out.unicodeScalars.append(scalar)
                } else {
                    let (prefix, width) = v < 0x100 ? ("\\x", 2) : v < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                    let hex = String(v, radix: 16)
                    out += prefix + String(repeating: "0", count: width - hex.count) + hex
                }
            }
            return .str(out)
        }
        add("repr", "repr(obj, /)", "Return the canonical string representation of the object.") { interpreter, a throws(ScriptError) in
            try a.expect("repr", 1...1)
            return .str(try interpreter.repr(a.positional[0]))
        }
        add("format", "format(value, format_spec='', /)", "Return value.__format__(format_spec).") { interpreter, a throws(ScriptError) in
            try a.expect("format", 1...2)
            let spec = try a.positional.count > 1 ? a.positional[1].asString("format() argument 2") : ""
            return .str(try interpreter.format(a.positional[0], spec: spec))
        }
        BytesObject.register(in: &table, types: types)
        table["__name__"] = .str("__main__")
        table.merge(DescriptorObject.builtins()) { _, new in new }
        BuiltinFunctions.addIntrospection(&table, interpreter: self)
        BuiltinFunctions.addEvaluation(&table)
        BuiltinFunctions.addFunctional(&table)
        return table
    }
}
