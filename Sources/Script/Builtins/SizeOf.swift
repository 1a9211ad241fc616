import Tensors

/// `sys.getsizeof(object[, default])`: the bytes CPython 3.11 (64-bit) reports for the same
/// value. Exact for None, bools, ints, floats, str (by its widest character), bytes, tuples,
/// ranges, dicts and sets built by insertion (CPython's table growth is followed), lists
/// without spare capacity, tensors (PyTorch's 80) and NumPy arrays (header, plus the data when
/// the array owns it); other objects get the size of a plain instance. As in CPython, the
/// elements a container refers to are not counted.
package enum SizeOf {
    package static func install(in module: ModuleObject) {
        module.namespace["getsizeof"] = .builtin(BuiltinFunction("getsizeof", signature: "sys.getsizeof(object[, default])",
                                                                 doc: "Return the size of object in bytes.") { interpreter, a throws(ScriptError) in
            if !a.keywords.isEmpty { throw .typeError("getsizeof() takes no keyword arguments") }
            guard let value = a.positional.first else { throw .typeError("getsizeof() missing required argument 'object' (pos 1)") }
            guard a.positional.count <= 2 else { throw .typeError("getsizeof() takes at most 2 arguments (\(a.positional.count) given)") }
            return .int(size(of: value, interpreter))
        })
    }

    package static func size(of value: Value, _ interpreter: Interpreter) -> Int {
        switch value {
        case .none: return 16
        case .bool: return 28
        case .int(let n): return intSize(bits: Int.bitWidth - n.magnitude.leadingZeroBitCount)
        case .float: return 24
        case .str(let s): return stringSize(s)
        case .tuple(let items): return 40 + 8 * items.count
        case .list(let list): return 56 + 8 * list.items.count
        case .dict(let dict): return dictSize(dict)
        case .set(let set): return setSize(set.storage.count)
        case .function: return 152
        case .builtin, .boundMethod: return 72
        case .type(let type):
            if case .user = type.kind { return 1688 }
            return 424
        case .module: return 72
        case .instance(let instance):
            if let payload = instance.payload { return size(of: payload, interpreter) + 16 }
            return 56
        case .object(let object):
            if let big = object as? BigIntObject { return intSize(bits: big.value.bitWidth) }
            if let bytes = object as? BytesObject { return bytes.isMutable ? (bytes.bytes.isEmpty ? 56 : 57 + bytes.bytes.count) : 33 + bytes.bytes.count }
            if object is RangeObject { return 48 }
            if let sized = object as? SizedObject { return sized.sizeInBytes }
            return 56
        }
    }

    /// CPython's int: a 24-byte header and 30-bit digits (zero has one).
    private static func intSize(bits: Int) -> Int { 24 + 4 * Swift.max(1, (bits + 29) / 30) }

    /// A compact str: ASCII, Latin-1, UCS-2 or UCS-4 by its widest character.
    private static func stringSize(_ s: String) -> Int {
        let widest = s.unicodeScalars.reduce(0) { Swift.max($0, $1.value) }
        let count = s.unicodeScalars.count
        if widest < 0x80 { return 49 + count }
        if widest < 0x100 { return 73 + count }
        if widest < 0x10000 { return 74 + 2 * count }
        return 76 + 4 * count
    }

    /// A dict filled by insertion: its keys table grows to the power of two at least three
    /// times the entries when full (two thirds usable), entries of 24 bytes (16 when every
    /// key is a str), indices of 1, 2, 4 or 8 bytes.
    private static func dictSize(_ dict: DictObject) -> Int {
        let n = dict.count
        guard n > 0 else { return 64 }
        var size = 8
        var used = 0
        for _ in 0..<n {
            if used >= (2 * size) / 3 {
                var grown = 8
                while grown < used * 3 { grown <<= 1 }
                size = grown
            }
            used += 1
        }
        let entry = dict.keys.allSatisfy { if case .str = $0 { true } else { false } } ? 16 : 24
        let index = size <= 0x80 ? 1 : size <= 0x8000 ? 2 : size <= 0x8000_0000 ? 4 : 8
        return 64 + 32 + size * index + (2 * size / 3) * entry
    }

    /// A set filled by insertion: its table grows to the next power of two past four times
    /// (twice, past 50,000) the entries once three fifths of it are filled.
    private static func setSize(_ n: Int) -> Int {
        var size = 8
        for filled in Swift.stride(from: 1, through: n, by: 1) where filled * 5 >= (size - 1) * 3 {
            let target = filled > 50_000 ? filled * 2 : filled * 4
            var grown = 8
            while grown <= target { grown <<= 1 }
            size = grown
        }
        // Up to eight entries live in the set object itself.
        return size == 8 ? 216 : 216 + 16 * size
    }
}
