import Tensors

/// `bytes` and `bytearray`: a sequence of integers 0...255 with CPython's reprs, indexing,
/// slicing, comparison and concatenation. One class serves both; `isMutable` tells them apart
/// (a `bytearray` is unhashable and supports item assignment).
package final class BytesObject: ScriptObject {
    package var bytes: [UInt8]
    package let isMutable: Bool

    package init(_ bytes: [UInt8], mutable: Bool = false) {
        self.bytes = bytes
        self.isMutable = mutable
    }

    /// A new object of the same kind (slicing and operators keep the receiver's type).
    func sibling(_ bytes: [UInt8]) -> Value { .object(BytesObject(bytes, mutable: isMutable)) }

    package var typeName: String { isMutable ? "bytearray" : "bytes" }

    /// CPython's `bytes_repr`: single quotes unless the data holds `'` and no `"`; the quote
    /// in use is escaped (`bytearray_repr` escapes `'` whatever the quote). The text is
    /// measured first, as CPython sizes it, so a repr too big for memory is a MemoryError
    /// before anything is built; `checkpoint` runs every few megabytes (interrupts).
    package static func literal(_ bytes: [UInt8], ofBytearray: Bool = false,
                        checkpoint: () throws(ScriptError) -> Void = {}) throws(ScriptError) -> String {
        let quote: UInt8 = bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        let escaped = ofBytearray ? UInt8(ascii: "'") : quote
        var size = 3
        for byte in bytes {
            switch byte {
            case escaped, UInt8(ascii: "\\"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): size += 2
            case 0x20..<0x7F: size += 1
            default: size += 4
            }
        }
        guard MemoryBudget.allows(bytes: size) else { throw ScriptError(.memoryError, "") }
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: size)
        var at = 2
        out[0] = UInt8(ascii: "b")
        out[1] = quote
        let backslash = UInt8(ascii: "\\")
        for (index, byte) in bytes.enumerated() {
            if index & 0x3F_FFFF == 0x3F_FFFF { try checkpoint() }
            switch byte {
            case 0x20..<0x7F where byte != escaped && byte != backslash:
                out[at] = byte
                at += 1
            case escaped, backslash, UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                out[at] = backslash
                out[at + 1] = switch byte {
                case UInt8(ascii: "\t"): UInt8(ascii: "t")
                case UInt8(ascii: "\n"): UInt8(ascii: "n")
                case UInt8(ascii: "\r"): UInt8(ascii: "r")
                default: byte
                }
                at += 2
            default:
                out[at] = backslash
                out[at + 1] = UInt8(ascii: "x")
                out[at + 2] = hex[Int(byte >> 4)]
                out[at + 3] = hex[Int(byte & 0xF)]
                at += 4
            }
        }
        out[at] = quote
        return String(decoding: out, as: UTF8.self)
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        let text = try BytesObject.literal(bytes, ofBytearray: isMutable) { () throws(ScriptError) in try interpreter.checkInterrupt() }
        return isMutable ? "bytearray(\(text))" : text
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { bytes.count }
    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { !bytes.isEmpty }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator(bytes.map { .int(Int($0)) })
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .object(let slice as SliceObject) = key {
            let positions = try slice.positions(length: bytes.count, interpreter: interpreter)
            return sibling(positions.map { bytes[$0] })
        }
        let index = try interpreter.indexValue(key, container: typeName)
        let i = index < 0 ? index + bytes.count : index
        guard i >= 0 && i < bytes.count else { throw .indexError(isMutable ? "bytearray index out of range" : "index out of range") }
        return .int(Int(bytes[i]))
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard isMutable else { return false }
        if case .object(let slice as SliceObject) = key {
            let replacement = try BytesObject.bytesLike(value, interpreter, allowIterable: true)
            let (start, stop, step) = try slice.indices(length: bytes.count, interpreter: interpreter)
            if step == 1 {
                bytes.replaceSubrange(start..<max(start, stop), with: replacement)
                return true
            }
            let positions = Array(stride(from: start, to: stop, by: step))
            guard positions.count == replacement.count else {
                throw .valueError("attempt to assign bytes of size \(replacement.count) to extended slice of size \(positions.count)")
            }
            for (position, byte) in zip(positions, replacement) { bytes[position] = byte }
            return true
        }
        let index = try interpreter.normalize(try interpreter.indexValue(key, container: typeName), count: bytes.count, typeName)
        bytes[index] = try BytesObject.byte(value, interpreter)
        return true
    }

    package func deleteItem(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard isMutable else { return false }
        if case .object(let slice as SliceObject) = key {
            let doomed = Set(try slice.positions(length: bytes.count, interpreter: interpreter))
            bytes = bytes.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
            return true
        }
        bytes.remove(at: try interpreter.normalize(try interpreter.indexValue(key, container: typeName), count: bytes.count, typeName))
        return true
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard case .object(let rhs as BytesObject) = other else {
            return op.resultAgainstOtherType
        }
        let order = bytes.lexicographicallyPrecedes(rhs.bytes) ? -1 : (bytes == rhs.bytes ? 0 : 1)
        return op.result(forOrder: order)
    }

    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .add:
            guard case .object(let rhs as BytesObject) = other else {
                if reflected { return nil }
                throw .typeError("can't concat \(other.typeName) to \(typeName)")
            }
            let total = bytes.count + rhs.bytes.count
            guard MemoryBudget.allows(bytes: total) else { throw ScriptError(.memoryError, "") }
            return sibling(reflected ? rhs.bytes + bytes : bytes + rhs.bytes)
        case .multiply:
            if other.bigInteger != nil && other.intLike == nil {
                throw ScriptError(.overflowError, "cannot fit 'int' into an index-sized integer")
            }
            guard let count = other.intLike else { return nil }
            let (total, overflow) = bytes.count.multipliedReportingOverflow(by: max(count, 0))
            guard !overflow, MemoryBudget.allows(bytes: total) else { throw ScriptError(.memoryError, "") }
            var out: [UInt8] = []
            out.reserveCapacity(total)
            for _ in 0..<max(count, 0) { out += bytes }
            return sibling(out)
        case .modulo where !reflected:
            throw .typeError("Recur does not provide %-formatting of \(typeName); format a str and encode it (s.encode())")
        case .subtract, .divide, .floorDivide, .modulo, .power, .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            return nil
        }
    }

    /// `item in self`: an int is looked for as a byte, a bytes-like object as a substring.
    package func contains(_ item: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        if case .object(let needle as BytesObject) = item {
            return BytesObject.find(needle.bytes, in: bytes[...]) != nil
        }
        guard item.intLike != nil || item.bigInteger != nil else {
            throw .typeError("a bytes-like object is required, not '\(item.typeName)'")
        }
        return bytes.contains(try BytesObject.byte(item, interpreter))
    }

    package var attributeNames: [String] { BytesMethods.all(mutable: isMutable).keys.sorted() }

    /// Methods live on the registered `bytes`/`bytearray` type, built once per workspace.
    private func method(_ name: String, _ interpreter: Interpreter) -> BuiltinFunction? {
        guard case .builtin(let function)? = interpreter.typeObject(of: .object(self)).namespace[name] else { return nil }
        return function
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let function = method(name, interpreter) else { return nil }
        return .boundMethod(BoundMethod(receiver: .object(self), function: .builtin(function)))
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let body = method(name, interpreter)?.methodBody else { return nil }
        return try body(interpreter, .object(self), arguments)
    }

    // MARK: Conversions shared by the methods and constructors

    /// One byte from an int argument, with CPython's errors.
    package static func byte(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> UInt8 {
        if value.bigInteger != nil && value.intLike == nil { throw .valueError("byte must be in range(0, 256)") }
        let n = try interpreter.indexValue(value, container: "byte")
        guard let byte = UInt8(exactly: n) else { throw .valueError("byte must be in range(0, 256)") }
        return byte
    }

    /// The bytes of a bytes-like argument (or, when `allowIterable`, of an iterable of ints).
    package static func bytesLike(_ value: Value, _ interpreter: Interpreter, allowIterable: Bool = false) throws(ScriptError) -> [UInt8] {
        if case .object(let other as BytesObject) = value { return other.bytes }
        if allowIterable, !value.isStr {
            var out: [UInt8] = []
            for item in try interpreter.iterate(value) { out.append(try byte(item, interpreter)) }
            return out
        }
        throw .typeError("a bytes-like object is required, not '\(value.typeName)'")
    }

    /// The first position of `needle` in `haystack` (an index of `haystack`'s base), or nil.
    package static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        if needle.isEmpty { return haystack.startIndex }
        guard needle.count <= haystack.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension Value {
    var isStr: Bool {
        if case .str = self { return true }
        return false
    }
}
