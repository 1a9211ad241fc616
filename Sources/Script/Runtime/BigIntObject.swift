/// A Python `int` beyond 64 bits. Results that fit 64 bits go back to `Value.int`, so a
/// value is a `BigIntObject` exactly when it does not fit.
package final class BigIntObject: DeclaredObject {
    /// CPython's limit on decimal conversion (`sys.set_int_max_str_digits`), which keeps
    /// printing a huge int from taking quadratic time.
    static let maxStringDigits = 4300
    /// The largest int Recur builds (in bits): past it, MemoryError rather than exhausting the
    /// machine.
    static let maxBits = 1 << 26

    package let value: BigInteger

    package init(_ value: BigInteger) {
        self.value = value
    }

    package var typeName: String { "int" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { try decimalText() }

    /// The decimal digits, refused past CPython's default limit as CPython refuses them.
    func decimalText() throws(ScriptError) -> String {
        let digits = try magnitudeDigits(radix: 10)
        return value.negative ? "-" + digits : digits
    }

    /// The magnitude's digits in `radix` for `format()`: the decimal limit applies, as in
    /// CPython; power-of-two radices have none (their conversion is linear).
    func magnitudeDigits(radix: Int) throws(ScriptError) -> String {
        guard radix & (radix - 1) != 0 else { return value.magnitude.text(radix: radix) }
        let limitError = ScriptError.valueError(
            "Exceeds the limit (\(BigIntObject.maxStringDigits) digits) for integer string conversion; "
                + "use sys.set_int_max_str_digits() to increase the limit")
        // log10(2) digits per bit: far past the limit, refused before the (quadratic) conversion.
        if Double(value.bitWidth) * 0.30103 > Double(BigIntObject.maxStringDigits) + 1 { throw limitError }
        let digits = value.magnitude.text(radix: radix)
        if digits.utf8.count > BigIntObject.maxStringDigits { throw limitError }
        return digits
    }

    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? { !value.isZero }

    package func index(interpreter: Interpreter) throws(ScriptError) -> Int? {
        throw ScriptError(.indexError, "cannot fit 'int' into an index-sized integer")
    }

    package func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double? {
        let d = value.doubleValue
        guard d.isFinite else { throw ScriptError(.overflowError, "int too large to convert to float") }
        return d
    }

    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let mine = value
        let theirs: BigInteger
        switch other {
        case .int(let i): theirs = BigInteger(i)
        case .bool(let b): theirs = BigInteger(b ? 1 : 0)
        case .object(let object):
            guard let big = object as? BigIntObject else { return nil }
            theirs = big.value
        case .float(let d):
            guard let own = try floatValue(interpreter: interpreter) else { return nil }
            return try reflected ? Arithmetic.float(op, d, own) : Arithmetic.float(op, own, d)
        case .str, .list, .tuple:
            // A repetition count must fit an index before any memory is considered.
            guard op == .multiply else { return nil }
            throw ScriptError(.overflowError, "cannot fit 'int' into an index-sized integer")
        case .none, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
            return nil
        }
        return try reflected ? Arithmetic.big(op, theirs, mine) : Arithmetic.big(op, mine, theirs)
    }

    package func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .negate: .integer(-value)
        case .plus: .object(self)
        case .invert: .integer(-value - BigInteger(1))
        case .not: .bool(value.isZero)
        }
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        let order: Int
        switch other {
        case .int(let i): order = BigInteger.compare(value, BigInteger(i))
        case .bool(let b): order = BigInteger.compare(value, BigInteger(b ? 1 : 0))
        case .float(let d):
            if d.isNaN { return .bool(op == .notEqual) }
            if d.isInfinite { order = d > 0 ? -1 : 1 } else {
                // Compare exactly: the float's integer part, then its fraction.
                let whole = BigInteger(exactly: d.rounded(.down)) ?? BigInteger(0)
                let c = BigInteger.compare(value, whole)
                order = c != 0 ? c : (d == d.rounded(.down) ? 0 : -1)
            }
        case .object(let object):
            guard let big = object as? BigIntObject else { return nil }
            order = BigInteger.compare(value, big.value)
        case .none, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
            switch op {
            case .equal: return .bool(false)
            case .notEqual: return .bool(true)
            case .less, .lessEqual, .greater, .greaterEqual, .in, .notIn, .is, .isNot: return nil
            }
        }
        return op.result(forOrder: order)
    }

    package static let declaration = NativeType<BigIntObject>(properties: [
        NativeProperty("denominator") { _, _ throws(ScriptError) in .int(1) },
        NativeProperty("imag") { _, _ throws(ScriptError) in .int(0) },
        NativeProperty("numerator") { n, _ throws(ScriptError) in .object(n) },
        NativeProperty("real") { n, _ throws(ScriptError) in .object(n) },
    ], methods: [
        NativeMethod("bit_length", "()", .noArguments, owner: "int", doc: "Number of bits necessary to represent self in binary.") {
            n, _, _ throws(ScriptError) in
            .int(n.value.bitWidth)
        },
    ])
}

extension Value {
    var isBoolValue: Bool {
        if case .bool = self { return true }
        return false
    }

    /// An int value: `.int` when it fits 64 bits, a `BigIntObject` otherwise.
    package static func integer(_ value: BigInteger) -> Value {
        if let small = value.intValue { return .int(small) }
        return .object(BigIntObject(value))
    }

    /// The value as an arbitrary-precision integer, for ints of either size and bools.
    package var bigInteger: BigInteger? {
        switch self {
        case .int(let i): return BigInteger(i)
        case .bool(let b): return BigInteger(b ? 1 : 0)
        case .object(let object): return (object as? BigIntObject)?.value
        case .none, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance,
             .module:
            return nil
        }
    }
}
