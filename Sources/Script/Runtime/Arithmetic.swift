import Glibc
import Tensors

/// Python's arithmetic on ints and doubles: floor division and modulo take the divisor's
/// sign; `/` always gives a float; ints that outgrow 64 bits continue as big integers.
package enum Arithmetic {

    /// A float truncated to an int, or Python's error when it has no 64-bit int value.
    static func truncatedInt(_ d: Double) throws(ScriptError) -> Int {
        if d.isNaN { throw .valueError("cannot convert float NaN to integer") }
        guard d.isFinite else { throw ScriptError(.overflowError, "cannot convert float infinity to integer") }
        guard let i = Int(exactly: d.rounded(.towardZero)) else {
            throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return i
    }

    /// A float's integer part as a Python int of any size.
    package static func integer(truncating d: Double) throws(ScriptError) -> Value {
        if d.isNaN { throw .valueError("cannot convert float NaN to integer") }
        guard d.isFinite else { throw ScriptError(.overflowError, "cannot convert float infinity to integer") }
        return .integer(BigInteger(exactly: d.rounded(.towardZero)) ?? BigInteger(0))
    }

    @inline(__always)
    package static func int(_ op: BinaryOp, _ a: Int, _ b: Int) throws(ScriptError) -> Value {
        if let result = try smallInt(op, a, b) { return result }
        return try big(op, BigInteger(a), BigInteger(b))
    }

    /// The 64-bit fast path; nil when the result needs more bits.
    private static func smallInt(_ op: BinaryOp, _ a: Int, _ b: Int) throws(ScriptError) -> Value? {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            if o { return nil }
            return .int(r)
        case .subtract:
            let (r, o) = a.subtractingReportingOverflow(b)
            if o { return nil }
            return .int(r)
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if o { return nil }
            return .int(r)
        case .divide:
            if b == 0 { throw .zeroDivision("division by zero") }
            // Both exact as doubles: one rounding, as CPython. Otherwise the exact quotient.
            let limit = 1 << 53
            if a.magnitude <= limit && b.magnitude <= limit { return .float(Double(a) / Double(b)) }
            return BigInteger.trueQuotient(BigInteger(a), BigInteger(b)).map { .float($0) }
        case .floorDivide:
            if b == 0 { throw .zeroDivision("integer division or modulo by zero") }
            if a == Int.min && b == -1 { return nil }
            let q = a / b
            return .int((a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q)
        case .modulo:
            if b == 0 { throw .zeroDivision("integer modulo by zero") }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int((r != 0 && ((r < 0) != (b < 0))) ? r + b : r)
        case .power:
            if b < 0 {
                if a == 0 { throw .zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(pow(Double(a), Double(b)))
            }
            var result = 1, base = a, exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { return nil }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { return nil }
                    base = sq
                }
            }
            return .int(result)
        case .matmul:
            throw .typeError("unsupported operand type(s) for @: 'int' and 'int'")
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .shiftLeft:
            if b < 0 { throw .valueError("negative shift count") }
            if a == 0 { return .int(0) }
            if b >= 63 || (a << b) >> b != a { return nil }
            return .int(a << b)
        case .shiftRight:
            if b < 0 { throw .valueError("negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        }
    }

    package static func float(_ op: BinaryOp, _ a: Double, _ b: Double) throws(ScriptError) -> Value {
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .divide:
            if b == 0 { throw .zeroDivision("float division by zero") }
            return .float(a / b)
        case .floorDivide:
            if b == 0 { throw .zeroDivision("float floor division by zero") }
            return .float((a / b).rounded(.down))
        case .modulo:
            if b == 0 { throw .zeroDivision("float modulo") }
            var r = a.truncatingRemainder(dividingBy: b)
            if r != 0 && ((r < 0) != (b < 0)) { r += b }
            // A zero remainder takes the divisor's sign, as CPython's float_rem gives it.
            if r == 0 { r = Double(signOf: b, magnitudeOf: 0) }
            return .float(r)
        case .power:
            if a == 0 && b < 0 { throw .zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() {
                throw .valueError("math domain error: negative number to a fractional power")
            }
            let result = pow(a, b)
            // C's ERANGE, as CPython reports it.
            if result.isInfinite && a.isFinite && b.isFinite {
                throw ScriptError(.overflowError, "(34, 'Numerical result out of range')")
            }
            return .float(result)
        case .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            throw .typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    /// Int arithmetic past 64 bits, with Python's rules; sizes are bounded so that no
    /// expression can exhaust memory (MemoryError instead).
    package static func big(_ op: BinaryOp, _ a: BigInteger, _ b: BigInteger) throws(ScriptError) -> Value {
        switch op {
        case .add: return .integer(a + b)
        case .subtract: return .integer(a - b)
        case .multiply:
            guard a.bitWidth + b.bitWidth <= BigIntObject.maxBits else { throw ScriptError(.memoryError, "") }
            return .integer(try BigInteger.interruptibleProduct(a, b))
        case .divide:
            guard let q = BigInteger.trueQuotient(a, b) else { throw .zeroDivision("division by zero") }
            guard q.isFinite else { throw ScriptError(.overflowError, "integer division result too large for a float") }
            return .float(q)
        case .floorDivide:
            guard let (q, _) = try a.interruptibleFloorDivision(by: b) else {
                throw .zeroDivision("integer division or modulo by zero")
            }
            return .integer(q)
        case .modulo:
            guard let (_, r) = try a.interruptibleFloorDivision(by: b) else { throw .zeroDivision("integer modulo by zero") }
            return .integer(r)
        case .power:
            if b.negative {
                guard !a.isZero else { throw .zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(pow(a.doubleValue, b.doubleValue))
            }
            if a.isZero || a == BigInteger(1) { return .integer(a.isZero && b.isZero ? BigInteger(1) : a) }
            if a == BigInteger(-1) { return .int(b.isZero || (b.limbs.first ?? 0) & 1 == 0 ? 1 : -1) }
            guard let exponent = b.intValue, exponent <= BigIntObject.maxBits,
                  a.bitWidth * exponent <= BigIntObject.maxBits else { throw ScriptError(.memoryError, "") }
            var result = BigInteger(1), base = a, e = exponent
            while e > 0 {
                if e & 1 == 1 { result = try BigInteger.interruptibleProduct(result, base) }
                e >>= 1
                if e > 0 { base = try BigInteger.interruptibleProduct(base, base) }
            }
            return .integer(result)
        case .matmul:
            throw .typeError("unsupported operand type(s) for @: 'int' and 'int'")
        case .bitAnd: return .integer(BigInteger.bitwise(a, b, &))
        case .bitOr: return .integer(BigInteger.bitwise(a, b, |))
        case .bitXor: return .integer(BigInteger.bitwise(a, b, ^))
        case .shiftLeft:
            if b.negative { throw .valueError("negative shift count") }
            if a.isZero { return .int(0) }
            guard let shift = b.intValue, shift <= BigIntObject.maxBits - a.bitWidth else {
                throw ScriptError(.memoryError, "")
            }
            return .integer(a.shiftedLeft(shift))
        case .shiftRight:
            if b.negative { throw .valueError("negative shift count") }
            guard let shift = b.intValue else { return .int(a.negative ? -1 : 0) }
            return .integer(a.shiftedRight(shift))
        }
    }
}
