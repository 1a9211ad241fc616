/// Reads pickles of plain data written by CPython at any protocol (0 to 5) or by Recur: the
/// opcodes for None, bools, ints, floats, str, bytes, bytearray, lists, tuples, dicts, sets
/// and frozensets, the memo, marks and frames. It never runs pickled code: the only globals
/// it accepts are the constructors plain data is reduced to (`builtins.set`, `frozenset`,
/// `bytearray`, `bytes`, `_codecs.encode`, `collections.OrderedDict`); anything else is an
/// `UnpicklingError` naming the global.
package struct PlainUnpickler {
    private let data: [UInt8]
    private var position = 0
    private var stack: [Value] = []
    private var marks: [Int] = []
    private var memo: [Int: Value] = [:]
    private let interpreter: Interpreter

    init(_ data: [UInt8], interpreter: Interpreter) {
        self.data = data
        self.interpreter = interpreter
    }

    /// Where the reader stopped: `pickle.load` leaves a file there.
    package var consumed: Int { position }

    private func failure(_ message: String) throws(ScriptError) -> ScriptError {
        try PickleModule.error("UnpicklingError", interpreter, message)
    }

    private mutating func byte() throws(ScriptError) -> UInt8 {
        guard position < data.count else { throw try failure("pickle data was truncated") }
        position += 1
        return data[position - 1]
    }

    private mutating func bytes(_ count: Int) throws(ScriptError) -> [UInt8] {
        guard count >= 0, count <= data.count - position else { throw try failure("pickle data was truncated") }
        position += count
        return Array(data[(position - count)..<position])
    }

    private mutating func unsigned(_ size: Int) throws(ScriptError) -> Int {
        let raw = try bytes(size)
        var value: UInt64 = 0
        for (i, b) in raw.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
        guard value <= UInt64(Int.max) else { throw try failure("pickle data was truncated") }
        return Int(value)
    }

    /// A line (protocol 0), without its newline.
    private mutating func lineBytes() throws(ScriptError) -> ArraySlice<UInt8> {
        guard let end = data[position...].firstIndex(of: 0x0A) else { throw try failure("pickle data was truncated") }
        defer { position = end + 1 }
        return data[position..<end]
    }

    /// A text line (protocol 0's numbers and names are ASCII).
    private mutating func line() throws(ScriptError) -> String { String(decoding: try lineBytes(), as: UTF8.self) }

    private mutating func pop() throws(ScriptError) -> Value {
        guard let last = stack.popLast(), stack.count >= (marks.last ?? 0) else { throw try failure("unpickling stack underflow") }
        return last
    }

    /// The items above the last mark, which is removed.
    private mutating func popMark() throws(ScriptError) -> [Value] {
        guard let mark = marks.popLast() else { throw try failure("could not find MARK") }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return items
    }

    private func text(_ raw: [UInt8]) throws(ScriptError) -> String {
        guard let s = String(validating: raw, as: UTF8.self) else {
            throw ScriptError(.unicodeDecodeError, "'utf-8' codec can't decode bytes in pickle data")
        }
        return s
    }

    /// Reads one pickle up to its STOP.
    package mutating func load() throws(ScriptError) -> Value {
        if data.isEmpty { throw ScriptError(.eofError, "Ran out of input") }
        while true {
            try interpreter.checkInterrupt()
            let code = try byte()
            switch code {
            case 0x80: _ = try byte()                                            // PROTO
            case 0x95: _ = try unsigned(8)                                       // FRAME
            case 0x2E: return try pop()                                          // STOP
            case 0x28: marks.append(stack.count)                                 // MARK
            case 0x30: _ = try pop()                                             // POP
            case 0x31: _ = try popMark()                                         // POP_MARK
            case 0x32: stack.append(try top())                                   // DUP
            case 0x4E: stack.append(.none)
            case 0x88: stack.append(.bool(true))
            case 0x89: stack.append(.bool(false))
            case 0x4B: stack.append(.int(Int(try byte())))                       // BININT1
            case 0x4D: stack.append(.int(try unsigned(2)))                       // BININT2
            case 0x4A: stack.append(.int(Int(Int32(truncatingIfNeeded: try unsigned(4)))))   // BININT
            case 0x8A: stack.append(.integer(BigInteger(twosComplementLittleEndian: try bytes(Int(try byte())))))
            case 0x8B:
                let count = Int(Int32(truncatingIfNeeded: try unsigned(4)))
                guard count >= 0 else { throw try failure("LONG pickle has negative byte count") }
                stack.append(.integer(BigInteger(twosComplementLittleEndian: try bytes(count))))
            case 0x49:                                                           // INT (text)
                let text = try line()
                switch text {
                case "00": stack.append(.bool(false))
                case "01": stack.append(.bool(true))
                default:
                    guard let value = BigInteger(Substring(text), radix: 10) else { throw try failure("could not convert string to int") }
                    stack.append(.integer(value))
                }
            case 0x4C:                                                           // LONG (text)
                var text = try line()
                if text.hasSuffix("L") { text.removeLast() }
                guard let value = BigInteger(Substring(text), radix: 10) else { throw try failure("could not convert string to int") }
                stack.append(.integer(value))
            case 0x47:                                                           // BINFLOAT
                let raw = try bytes(8)
                stack.append(.float(Double(bitPattern: raw.reduce(0) { $0 << 8 | UInt64($1) })))
            case 0x46:                                                           // FLOAT (text)
                guard let value = Double(try line()) else { throw try failure("could not convert string to float") }
                stack.append(.float(value))
            case 0x8C: stack.append(.str(try text(try bytes(Int(try byte())))))          // SHORT_BINUNICODE
            case 0x58: stack.append(.str(try text(try bytes(try unsigned(4)))))           // BINUNICODE
            case 0x8D: stack.append(.str(try text(try bytes(try unsigned(8)))))           // BINUNICODE8
            case 0x56: stack.append(.str(try rawUnicodeEscape(try lineBytes())))         // UNICODE (text)
            case 0x55: stack.append(.str(String(decoding: try bytes(Int(try byte())), as: UTF8.self)))  // SHORT_BINSTRING
            case 0x54: stack.append(.str(String(decoding: try bytes(try unsigned(4)), as: UTF8.self)))  // BINSTRING
            case 0x43: stack.append(.object(BytesObject(try bytes(Int(try byte())))))     // SHORT_BINBYTES
            case 0x42: stack.append(.object(BytesObject(try bytes(try unsigned(4)))))     // BINBYTES
            case 0x8E: stack.append(.object(BytesObject(try bytes(try unsigned(8)))))     // BINBYTES8
            case 0x96: stack.append(.object(BytesObject(try bytes(try unsigned(8)), mutable: true)))  // BYTEARRAY8
            case 0x29: stack.append(.tuple([]))                                 // EMPTY_TUPLE
            case 0x85, 0x86, 0x87:                                              // TUPLE1-3
                let count = Int(code - 0x84)
                guard stack.count - count >= (marks.last ?? 0) else { throw try failure("unpickling stack underflow") }
                let items = Array(stack.suffix(count))
                stack.removeLast(count)
                stack.append(.tuple(items))
            case 0x74: stack.append(.tuple(try popMark()))                      // TUPLE
            case 0x5D: stack.append(.list(ListObject([])))                      // EMPTY_LIST
            case 0x6C: stack.append(.list(ListObject(try popMark())))           // LIST
            case 0x61:                                                           // APPEND
                let item = try pop()
                try list(try top()).items.append(item)
            case 0x65:                                                           // APPENDS
                let items = try popMark()
                try list(try top()).items += items
            case 0x7D: stack.append(.dict(DictObject()))                        // EMPTY_DICT
            case 0x64:                                                           // DICT
                let items = try popMark()
                let dict = DictObject()
                try fill(dict, items)
                stack.append(.dict(dict))
            case 0x73:                                                           // SETITEM
                let value = try pop(), key = try pop()
                try fill(try dictionary(try top()), [key, value])
            case 0x75:                                                           // SETITEMS
                let items = try popMark()
                try fill(try dictionary(try top()), items)
            case 0x8F: stack.append(.set(SetObject()))                          // EMPTY_SET
            case 0x90:                                                           // ADDITEMS
                let items = try popMark()
                guard case .set(let set) = try top() else { throw try failure("ADDITEMS on a non-set") }
                for item in items { try set.storage.set(item, .none) }
            case 0x91:                                                           // FROZENSET
                let set = SetObject(frozen: true)
                for item in try popMark() { try set.storage.set(item, .none) }
                stack.append(.set(set))
            case 0x94: memo[memo.count] = try top()                             // MEMOIZE
            case 0x71: memo[Int(try byte())] = try top()                        // BINPUT
            case 0x72: memo[try unsigned(4)] = try top()                        // LONG_BINPUT
            case 0x70:                                                           // PUT (text)
                guard let index = Int(try line()) else { throw try failure("invalid PUT index") }
                memo[index] = try top()
            case 0x68: try get(Int(try byte()))                                 // BINGET
            case 0x6A: try get(try unsigned(4))                                 // LONG_BINGET
            case 0x67:                                                           // GET (text)
                guard let index = Int(try line()) else { throw try failure("invalid GET index") }
                try get(index)
            case 0x63:                                                           // GLOBAL
                let module = try line(), name = try line()
                stack.append(try global(module, name))
            case 0x93:                                                           // STACK_GLOBAL
                let name = try pop(), module = try pop()
                guard case .str(let n) = name, case .str(let m) = module else { throw try failure("STACK_GLOBAL requires str") }
                stack.append(try global(m, n))
            case 0x52:                                                           // REDUCE
                let arguments = try pop(), callable = try pop()
                stack.append(try reduce(callable, arguments))
            default:
                throw try failure(refused(code))
            }
        }
    }

    private mutating func top() throws(ScriptError) -> Value {
        guard let last = stack.last, stack.count > (marks.last ?? 0) else { throw try failure("unpickling stack underflow") }
        return last
    }

    private mutating func get(_ index: Int) throws(ScriptError) {
        guard let value = memo[index] else { throw try failure("Memo value not found at index \(index)") }
        stack.append(value)
    }

    private func list(_ value: Value) throws(ScriptError) -> ListObject {
        guard case .list(let list) = value else { throw try failure("APPEND to a non-list") }
        return list
    }

    private func dictionary(_ value: Value) throws(ScriptError) -> DictObject {
        guard case .dict(let dict) = value else { throw try failure("SETITEM on a non-dict") }
        return dict
    }

    private func fill(_ dict: DictObject, _ items: [Value]) throws(ScriptError) {
        guard items.count % 2 == 0 else { throw try failure("odd number of items for SETITEMS") }
        for i in stride(from: 0, to: items.count, by: 2) { try dict.set(items[i], items[i + 1]) }
    }

    /// The name of an opcode Recur does not load, as the error says it.
    private func refused(_ code: UInt8) -> String {
        switch code {
        case 0x62, 0x69, 0x6F, 0x81, 0x92: "Recur's pickle loads plain data only: objects of classes (BUILD, INST, OBJ, NEWOBJ) are not loaded"
        case 0x50, 0x51: "Recur's pickle loads plain data only: persistent ids are not loaded (torch.load reads checkpoints)"
        case 0x82, 0x83, 0x84: "Recur's pickle loads plain data only: extension registry codes are not loaded"
        case 0x97, 0x98: "Recur's pickle loads plain data only: out-of-band buffers are not loaded"
        default:
            "invalid load key, '\(code >= 0x20 && code < 0x7F ? String(UnicodeScalar(code)) : "\\x" + String(format2: code))'."
        }
    }

    /// The constructor a global names, when it is one plain data is reduced to.
    private func global(_ module: String, _ name: String) throws(ScriptError) -> Value {
        switch (module, name) {
        case ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytearray"), ("builtins", "bytes"),
             ("__builtin__", "set"), ("__builtin__", "frozenset"), ("__builtin__", "bytearray"):
            if let value = interpreter.builtins[name] { return value }
        case ("_codecs", "encode"):
            // Protocol 2's bytes: _codecs.encode(text, 'latin1').
            return .builtin(BuiltinFunction("encode") { (_, a) throws(ScriptError) -> Value in
                guard a.positional.count == 2, case .str(let text) = a.positional[0] else {
                    throw .typeError("encode() takes a str and an encoding")
                }
                return .object(BytesObject(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            })
        case ("collections", "OrderedDict"):
            return try interpreter.attribute(.module(try interpreter.loadModule("collections")), "OrderedDict")
        default:
            break
        }
        throw try failure("Recur's pickle loads plain data only; it does not load the global '\(module).\(name)' "
                          + "(torch.load reads tensors and state dicts)")
    }

    /// REDUCE: a constructor `global` returned (nothing else puts a callable on the stack),
    /// called with its argument tuple.
    private func reduce(_ callable: Value, _ arguments: Value) throws(ScriptError) -> Value {
        guard case .tuple(let items) = arguments else { throw try failure("REDUCE needs an argument tuple") }
        switch callable {
        case .builtin, .type: return try interpreter.call(callable, Arguments(items))
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .boundMethod, .instance, .module, .object:
            throw try failure("Recur's pickle loads plain data only: REDUCE of a '\(callable.typeName)' is not loaded")
        }
    }

    /// Protocol 0's raw-unicode-escape text: bytes are Latin-1 code points, with `\uXXXX`
    /// and `\UXXXXXXXX` escapes for the others.
    private func rawUnicodeEscape(_ raw: ArraySlice<UInt8>) throws(ScriptError) -> String {
        var out = String.UnicodeScalarView()
        let scalars = raw.map { Unicode.Scalar($0) }
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\", i + 1 < scalars.count, scalars[i + 1] == "u" || scalars[i + 1] == "U" {
                let width = scalars[i + 1] == "u" ? 4 : 8
                let digits = String(String.UnicodeScalarView(scalars[(i + 2)..<min(i + 2 + width, scalars.count)]))
                guard digits.count == width, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw ScriptError(.unicodeDecodeError, "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX")
                }
                out.append(scalar)
                i += 2 + width
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}

private extension String {
    /// Two lowercase hex digits.
    init(format2 byte: UInt8) {
        let digits = String(byte, radix: 16)
        self = digits.count == 1 ? "0" + digits : digits
    }
}
