import Glibc

/// Python's arithmetic on 64-bit ints and doubles: floor division and modulo take the
/// divisor's sign; `/` always gives a float; overflow is an error rather than a wrap.
enum Arithmetic {
    static let overflow = ScriptError(.overflowError, "integer overflow: Recur script ints are 64-bit")

    /// A float truncated to an int, or Python's error when it has no 64-bit int value.
    static func truncatedInt(_ d: Double) throws(ScriptError) -> Int {
        if d.isNaN { throw .valueError("cannot convert float NaN to integer") }
        guard d.isFinite else { throw ScriptError(.overflowError, "cannot convert float infinity to integer") }
        guard let i = Int(exactly: d.rounded(.towardZero)) else { throw overflow }
        return i
    }

    static func int(_ op: BinaryOp, _ a: Int, _ b: Int) throws(ScriptError) -> Value {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            if o { throw overflow }
            return .int(r)
        case .subtract:
            let (r, o) = a.subtractingReportingOverflow(b)
            if o { throw overflow }
            return .int(r)
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if o { throw overflow }
            return .int(r)
        case .divide:
            if b == 0 { throw .zeroDivision("division by zero") }
            return .float(Double(a) / Double(b))
        case .floorDivide:
            if b == 0 { throw .zeroDivision("integer division or modulo by zero") }
            if a == Int.min && b == -1 { throw overflow }
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
                    if o { throw overflow }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow }
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
            if b >= 63 || (a != 0 && (a << b) >> b != a) { throw overflow }
            return .int(a << b)
        case .shiftRight:
            if b < 0 { throw .valueError("negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        }
    }

    static func float(_ op: BinaryOp, _ a: Double, _ b: Double) throws(ScriptError) -> Value {
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
            if b == 0 { throw .zeroDivision("float modulo by zero") }
            var r = a.truncatingRemainder(dividingBy: b)
            if r != 0 && ((r < 0) != (b < 0)) { r += b }
            return .float(r)
        case .power:
            if a == 0 && b < 0 { throw .zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() {
                throw .valueError("math domain error: negative number to a fractional power")
            }
            return .float(pow(a, b))
        case .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            throw .typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }
}
