/// Writes plain data as CPython's C pickler does at protocols 4 and 5: the same opcodes,
/// memo numbering, batching and 64 KiB frames, so `pickle.dumps` of a vocabulary or a list of
/// numbers is byte for byte CPython's. Only data is written (None, bools, ints, floats, str,
/// bytes, bytearray, lists, tuples, dicts, sets, frozensets); anything else is refused.
package struct PlainPickler {
    package enum Opcode: UInt8 {
        case mark = 0x28, stop = 0x2E, binFloat = 0x47, binInt = 0x4A, binInt1 = 0x4B, binInt2 = 0x4D, none = 0x4E
        case reduce = 0x52, binUnicode = 0x58, append = 0x61, appends = 0x65, binGet = 0x68, longBinGet = 0x6A
        case emptyList = 0x5D, setItem = 0x73, tuple = 0x74, setItems = 0x75, emptyDict = 0x7D, emptyTuple = 0x29
        case binBytes = 0x42, shortBinBytes = 0x43
        case proto = 0x80, tuple1 = 0x85, tuple2 = 0x86, tuple3 = 0x87, newTrue = 0x88, newFalse = 0x89
        case long1 = 0x8A, long4 = 0x8B, shortBinUnicode = 0x8C, binUnicode8 = 0x8D, binBytes8 = 0x8E
        case emptySet = 0x8F, addItems = 0x90, frozenSet = 0x91, stackGlobal = 0x93, memoize = 0x94, frame = 0x95
        case byteArray8 = 0x96
    }

    /// CPython's BATCHSIZE, FRAME_SIZE_TARGET and FRAME_SIZE_MIN.
    package static let batchSize = 1000
    static let frameTarget = 64 * 1024
    static let frameMinimum = 4
    static let frameHeader = 9

    private enum MemoKey: Hashable {
        case object(ObjectIdentifier)
        /// CPython memoizes by identity; equal strings are usually one object there (literals,
        /// interned names), so Recur, whose strings are values, memoizes them by value.
        case string(String)
        case global(String)
    }

    package let version: Int
    private(set) var output: [UInt8]
    private var frameStart: Int?
    private var memo: [MemoKey: Int] = [:]
    private var depth = 0
    private let interpreter: Interpreter

    init(version: Int, interpreter: Interpreter) {
        self.version = version
        self.interpreter = interpreter
        output = [Opcode.proto.rawValue, UInt8(version)]
    }

    /// The whole pickle of `value`.
    package mutating func pickle(_ value: Value) throws(ScriptError) -> [UInt8] {
        try save(value)
        op(.stop)
        commitFrame()
        return output
    }

    // MARK: Output and frames

    private mutating func write(_ bytes: [UInt8]) {
        if frameStart == nil {
            frameStart = output.count
            output += [UInt8](repeating: 0, count: Self.frameHeader)
        }
        output += bytes
    }

    private mutating func op(_ code: Opcode) { write([code.rawValue]) }

    private mutating func op(_ code: Opcode, _ payload: [UInt8]) { write([code.rawValue] + payload) }

    /// After each object: a frame that reached 64 KiB is closed.
    private mutating func opcodeBoundary() {
        if let start = frameStart, output.count - start - Self.frameHeader >= Self.frameTarget { commitFrame() }
    }

    /// Writes the open frame's header, or drops the reserved header of a frame under 4 bytes.
    private mutating func commitFrame() {
        guard let start = frameStart else { return }
        let length = output.count - start - Self.frameHeader
        if length >= Self.frameMinimum {
            output[start] = Opcode.frame.rawValue
            for i in 0..<8 { output[start + 1 + i] = UInt8(truncatingIfNeeded: UInt64(length) >> (8 * i)) }
        } else {
            output.removeSubrange(start..<(start + Self.frameHeader))
        }
        frameStart = nil
    }

    /// A str or bytes of 64 KiB or more goes outside frames, as CPython writes it.
    private mutating func writeLarge(_ header: [UInt8], _ data: [UInt8]) {
        if data.count >= Self.frameTarget {
            commitFrame()
            output += header
            output += data
        } else {
            write(header + data)
        }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    // MARK: Memo

    private mutating func getIfMemoized(_ key: MemoKey) -> Bool {
        guard let index = memo[key] else { return false }
        if index < 256 { op(.binGet, [UInt8(index)]) } else { op(.longBinGet, Self.littleEndian(UInt32(truncatingIfNeeded: index))) }
        return true
    }

    private mutating func memoize(_ key: MemoKey?) {
        let index = memo.count + anonymous
        if let key { memo[key] = index } else { anonymous += 1 }
        op(.memoize)
    }

    /// Memo entries nothing can refer to again (tuples, which Recur cannot tell apart).
    private var anonymous = 0

    // MARK: Values

    private mutating func save(_ value: Value) throws(ScriptError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Interpreter.recursionLimit else {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded while pickling an object")
        }
        try interpreter.checkInterrupt()
        switch value {
        case .none: op(.none)
        case .bool(let b): op(b ? .newTrue : .newFalse)
        case .int(let i): integer(i)
        case .float(let d): op(.binFloat, Array(Self.littleEndian(d.bitPattern).reversed()))
        case .str(let s): string(s)
        case .list(let list): try saveList(list)
        case .tuple(let items): try saveTuple(items)
        case .dict(let dict): try saveDict(dict)
        case .set(let set): try saveSet(set)
        case .object(let bytes as BytesObject): try saveBytes(bytes)
        case .object(let big as BigIntObject): long(big.value)
        case .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            throw try PickleModule.error("PicklingError", interpreter,
                "Recur's pickle writes plain data only (None, bool, int, float, str, bytes, bytearray, list, tuple, "
                + "dict, set, frozenset), not '\(value.typeName)' objects; torch.save writes tensors and state dicts")
        }
        opcodeBoundary()
    }

    private mutating func integer(_ i: Int) {
        if i >= 0 && i <= 0xFF {
            op(.binInt1, [UInt8(i)])
        } else if i >= 0 && i <= 0xFFFF {
            op(.binInt2, [UInt8(i & 0xFF), UInt8(i >> 8)])
        } else if let small = Int32(exactly: i) {
            op(.binInt, Self.littleEndian(small))
        } else {
            long(BigInteger(i))
        }
    }

    /// LONG1 / LONG4: the shortest two's-complement little-endian bytes.
    private mutating func long(_ value: BigInteger) {
        let encoded = value.twosComplementLittleEndian()
        if encoded.count < 256 {
            op(.long1, [UInt8(encoded.count)] + encoded)
        } else {
            op(.long4, Self.littleEndian(Int32(truncatingIfNeeded: encoded.count)) + encoded)
        }
    }

    private mutating func string(_ s: String) {
        guard !getIfMemoized(.string(s)) else { return }
        let utf8 = Array(s.utf8)
        if utf8.count < 256 {
            write([Opcode.shortBinUnicode.rawValue, UInt8(utf8.count)] + utf8)
        } else if utf8.count > 0xFFFF_FFFF {
            writeLarge([Opcode.binUnicode8.rawValue] + Self.littleEndian(UInt64(utf8.count)), utf8)
        } else {
            writeLarge([Opcode.binUnicode.rawValue] + Self.littleEndian(UInt32(utf8.count)), utf8)
        }
        memoize(.string(s))
    }

    private mutating func saveBytes(_ bytes: BytesObject) throws(ScriptError) {
        let key = MemoKey.object(ObjectIdentifier(bytes))
        guard !getIfMemoized(key) else { return }
        let data = bytes.bytes
        if bytes.isMutable {
            if version >= 5 {
                writeLarge([Opcode.byteArray8.rawValue] + Self.littleEndian(UInt64(data.count)), data)
                memoize(key)
                return
            }
            // Protocol 4: bytearray(b'...') by reduction, as CPython's __reduce_ex__ gives it.
            global("builtins", "bytearray")
            try save(.object(BytesObject(data)))
            op(.tuple1)
            memoize(nil)
            op(.reduce)
            memoize(key)
            return
        }
        if data.count <= 0xFF {
            write([Opcode.shortBinBytes.rawValue, UInt8(data.count)] + data)
        } else if data.count <= 0xFFFF_FFFF {
            writeLarge([Opcode.binBytes.rawValue] + Self.littleEndian(UInt32(data.count)), data)
        } else {
            writeLarge([Opcode.binBytes8.rawValue] + Self.littleEndian(UInt64(data.count)), data)
        }
        memoize(key)
    }

    /// STACK_GLOBAL of a module and a name, each a memoized string, the global memoized.
    private mutating func global(_ module: String, _ name: String) {
        let key = MemoKey.global(module + "." + name)
        guard !getIfMemoized(key) else { return }
        string(module)
        string(name)
        op(.stackGlobal)
        memoize(key)
    }

    private mutating func saveTuple(_ items: [Value]) throws(ScriptError) {
        if items.isEmpty {
            op(.emptyTuple)
            return
        }
        if items.count > 3 { op(.mark) }
        for item in items { try save(item) }
        switch items.count {
        case 1: op(.tuple1)
        case 2: op(.tuple2)
        case 3: op(.tuple3)
        default: op(.tuple)
        }
        memoize(nil)
    }

    private mutating func saveList(_ list: ListObject) throws(ScriptError) {
        let key = MemoKey.object(ObjectIdentifier(list))
        guard !getIfMemoized(key) else { return }
        op(.emptyList)
        memoize(key)
        let items = list.items
        if items.count == 1 {
            try save(items[0])
            op(.append)
            return
        }
        try saveBatches(items, closing: .appends)
    }

    /// Items in batches of 1000, each between MARK and `closing` (APPENDS, ADDITEMS).
    private mutating func saveBatches(_ items: [Value], closing: Opcode) throws(ScriptError) {
        var index = 0
        while index < items.count {
            op(.mark)
            for item in items[index..<min(index + Self.batchSize, items.count)] { try save(item) }
            index += Self.batchSize
            op(closing)
        }
    }

    private mutating func saveDict(_ dict: DictObject) throws(ScriptError) {
        let key = MemoKey.object(ObjectIdentifier(dict))
        guard !getIfMemoized(key) else { return }
        op(.emptyDict)
        memoize(key)
        let keys = dict.keys, values = dict.values
        if keys.count == 1 {
            try save(keys[0])
            try save(values[0])
            op(.setItem)
            return
        }
        var index = 0
        while index < keys.count {
            op(.mark)
            for i in index..<min(index + Self.batchSize, keys.count) {
                try save(keys[i])
                try save(values[i])
            }
            index += Self.batchSize
            op(.setItems)
        }
    }

    private mutating func saveSet(_ set: SetObject) throws(ScriptError) {
        let key = MemoKey.object(ObjectIdentifier(set))
        guard !getIfMemoized(key) else { return }
        let items = set.storage.keys
        if set.isFrozen {
            op(.mark)
            for item in items { try save(item) }
            op(.frozenSet)
            memoize(key)
            return
        }
        op(.emptySet)
        memoize(key)
        try saveBatches(items, closing: .addItems)
    }
}

extension BigInteger {
    /// The shortest two's-complement little-endian bytes of the value (pickle's encode_long;
    /// empty for zero).
    func twosComplementLittleEndian() -> [UInt8] {
        if isZero { return [] }
        let hex = magnitude.text(radix: 16)
        var bytes: [UInt8] = []
        var end = hex.endIndex
        while end > hex.startIndex {
            let start = hex.index(end, offsetBy: -2, limitedBy: hex.startIndex) ?? hex.startIndex
            bytes.append(UInt8(hex[start..<end], radix: 16) ?? 0)
            end = start
        }
        if self < BigInteger(0) {
            // -m is ~(m - 1): invert after subtracting one, through the bytes.
            var borrow = true
            for i in bytes.indices {
                let (value, under) = borrow ? bytes[i].subtractingReportingOverflow(1) : (bytes[i], false)
                bytes[i] = ~value
                borrow = under
            }
            if bytes.last.map({ $0 & 0x80 == 0 }) ?? true { bytes.append(0xFF) }
        } else if bytes.last.map({ $0 & 0x80 != 0 }) ?? false {
            bytes.append(0)
        }
        while bytes.count > 1 {
            let last = bytes[bytes.count - 1], next = bytes[bytes.count - 2]
            guard (last == 0 && next & 0x80 == 0) || (last == 0xFF && next & 0x80 != 0) else { break }
            bytes.removeLast()
        }
        return bytes
    }

    /// The integer of two's-complement little-endian bytes (pickle's decode_long).
    package init(twosComplementLittleEndian bytes: [UInt8]) {
        guard let last = bytes.last else {
            self.init(0)
            return
        }
        let hex = bytes.reversed().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        let unsigned = BigInteger(Substring(hex), radix: 16) ?? BigInteger(0)
        self = last & 0x80 == 0 ? unsigned : unsigned - BigInteger(1).shiftedLeft(8 * bytes.count)
    }
}
