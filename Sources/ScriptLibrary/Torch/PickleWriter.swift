import Script
/// Writes pickle protocol 2 as CPython's C pickler does for the values PyTorch's checkpoints
/// hold: the same opcodes, the same memo numbering and batching, so a checkpoint's
/// `data.pkl` is byte for byte what `torch.save` writes.
package struct PickleWriter {
    /// What the memo remembers: an object by identity, a string by value (CPython shares
    /// equal literals and interned names, which is what checkpoints repeat), a global by name.
    package enum MemoKey: Hashable {
        case object(ObjectIdentifier)
        case string(String)
        /// A storage's key in its persistent id: `str(len(id_map))` makes a new object, not
        /// the one an equal literal in the pickled data is.
        case storageKey(String)
        case global(String)
    }

    /// CPython's BATCHSIZE for APPENDS and SETITEMS.
    static let batchSize = 1000

    private(set) var bytes: [UInt8] = [PickleOpcode.proto.rawValue, 2]
    private var memo: [MemoKey: Int] = [:]
    private var memoCount = 0

    mutating func op(_ code: PickleOpcode) { bytes.append(code.rawValue) }

    /// Writes BINGET for `key` if it was memoized; true when it did.
    mutating func getIfMemoized(_ key: MemoKey) -> Bool {
        guard let index = memo[key] else { return false }
        memoOperation(index, short: .binGet, long: .longBinGet)
        return true
    }

    /// Records the value just written under the next memo index (BINPUT); `key` nil for a
    /// value nothing can refer to again (CPython still numbers it).
    mutating func memoize(_ key: MemoKey?) {
        let index = memoCount
        memoCount += 1
        if let key { memo[key] = index }
        memoOperation(index, short: .binPut, long: .longBinPut)
    }

    /// A memo opcode with a one-byte index below 256, else its four-byte form.
    private mutating func memoOperation(_ index: Int, short: PickleOpcode, long: PickleOpcode) {
        if index < 256 {
            op(short)
            bytes.append(UInt8(index))
        } else {
            op(long)
            appendLittleEndian(UInt32(truncatingIfNeeded: index))
        }
    }

    package mutating func int(_ value: Int) {
        if value >= 0 && value <= 0xFF {
            op(.binInt1)
            bytes.append(UInt8(value))
        } else if value >= 0 && value <= 0xFFFF {
            op(.binInt2)
            bytes.append(UInt8(value & 0xFF))
            bytes.append(UInt8(value >> 8))
        } else if let small = Int32(exactly: value) {
            op(.binInt)
            appendLittleEndian(UInt32(bitPattern: small))
        } else {
            // LONG1: the shortest two's-complement little-endian bytes (pickle's encode_long).
            var encoded: [UInt8] = []
            withUnsafeBytes(of: value.littleEndian) { encoded.append(contentsOf: $0) }
            while encoded.count > 1 {
                let last = encoded[encoded.count - 1], next = encoded[encoded.count - 2]
                guard (last == 0 && next & 0x80 == 0) || (last == 0xFF && next & 0x80 != 0) else { break }
                encoded.removeLast()
            }
            op(.long1)
            bytes.append(UInt8(encoded.count))
            bytes += encoded
        }
    }

    mutating func float(_ value: Double) {
        op(.binFloat)
        withUnsafeBytes(of: value.bitPattern.bigEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func bool(_ value: Bool) { op(value ? .newTrue : .newFalse) }

    /// BINUNICODE, memoized under `key` (by default the string's value).
    package mutating func string(_ value: String, key: MemoKey? = nil) {
        let key = key ?? .string(value)
        guard !getIfMemoized(key) else { return }
        op(.binUnicode)
        let utf8 = Array(value.utf8)
        appendLittleEndian(UInt32(truncatingIfNeeded: utf8.count))
        bytes += utf8
        memoize(key)
    }

    /// GLOBAL `module name`, memoized by its full name.
    mutating func global(_ module: String, _ name: String) {
        let key = MemoKey.global(module + "." + name)
        guard !getIfMemoized(key) else { return }
        op(.global)
        bytes += Array((module + "\n" + name + "\n").utf8)
        memoize(key)
    }

    /// Starts a tuple of `count` elements: `)` when empty (nothing more to write), MARK
    /// when it has more than three.
    mutating func beginTuple(count: Int) {
        if count == 0 { op(.emptyTuple) } else if count > 3 { op(.mark) }
    }

    /// Ends a tuple begun with `beginTuple` once its elements are written, and memoizes it.
    mutating func endTuple(count: Int) {
        switch count {
        case 0: return
        case 1: op(.tuple1)
        case 2: op(.tuple2)
        case 3: op(.tuple3)
        default: op(.tuple)
        }
        memoize(nil)
    }

    /// How CPython splits `count` items added to a container: one alone (APPEND, SETITEM),
    /// else batches of BATCHSIZE between MARK and APPENDS/SETITEMS (`marked`). `exact` is
    /// CPython's path for a list or dict itself; an iterator (an OrderedDict's items) writes
    /// a lone trailing item unmarked.
    static func batches(count: Int, exact: Bool) -> [(range: Range<Int>, marked: Bool)] {
        guard count > 0 else { return [] }
        if count == 1 { return [(0..<1, false)] }
        var result: [(range: Range<Int>, marked: Bool)] = []
        var next = 0
        while next < count {
            let end = min(next + batchSize, count)
            result.append((next..<end, exact || end - next > 1))
            next = end
        }
        return result
    }

    package mutating func finish() -> [UInt8] {
        op(.stop)
        return bytes
    }

    private mutating func appendLittleEndian(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
