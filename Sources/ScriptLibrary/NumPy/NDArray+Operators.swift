import Glibc
import Tensors
import Script

/// An operand of a NumPy operation: an array (strong: its dtype counts) or a Python number
/// (weak: it takes the array's kind when it fits, NEP 50).
package enum NumPyOperand {
    case array(NDArray)
    case int(Int)
    case float(Double)
    case bool(Bool)

    /// The operand's shape in NumPy's broadcasting errors (`()` for a number).
    var dims: [Int] {
        if case .array(let a) = self { return a.dims }
        return []
    }

    var strongDType: DType? {
        if case .array(let a) = self { return a.dtype }
        return nil
    }
}

extension Interpreter {
    /// An operand, or nil for a value NumPy would not take (so the other side may try).
    func numpyOperand(_ value: Value) throws(ScriptError) -> NumPyOperand? {
        switch value {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .list, .tuple: return .array(try ndarray(value))
        case .object(let o):
            if let a = o as? NDArray { return .array(a) }
            if let s = o as? NumPyScalar, let a = s.array { return .array(a) }
            return nil
        case .none, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
            return nil
        }
    }
}

package enum NumPyOperations {
    /// NumPy's result dtype for operands (NEP 50: Python numbers are weak).
    static func resultType(_ operands: [NumPyOperand]) throws(ScriptError) -> DType {
        var strong: DType?
        for o in operands { if let d = o.strongDType { strong = strong.map { DType.numpyPromoted($0, d) } ?? d } }
        var result = strong
        for o in operands {
            switch o {
            case .array: continue
            case .bool: result = result ?? .bool
            case .int(let i):
                if let r = result, let range = r.integerRange {
                    guard range.contains(i) else { throw ScriptError(.overflowError, "Python integer \(i) out of bounds for \(r.name)") }
                } else if result == nil || result == .bool {
                    result = .int64
                }
            case .float:
                if !(result?.isFloatingPoint ?? false) { result = .float64 }
            }
        }
        return result ?? .float64
    }

    /// The operand as an array of `dtype`.
    package static func array(_ o: NumPyOperand, _ dtype: DType) throws(ScriptError) -> NDArray {
        let scalar: ScalarValue
        switch o {
        case .array(let a): return a.converted(to: dtype)
        case .int(let i): scalar = .int(Int64(i))
        case .float(let d): scalar = .float(d)
        case .bool(let b): scalar = .bool(b)
        }
        return try NDArray(ElementArray.filled(scalar, count: 1, dtype: dtype), [])
    }

    /// `fill` copied into a new array of `dims`, as `np.copyto` broadcasts it (leading
    /// dimensions of size 1 beyond `dims` dropped), or NumPy's error when it cannot.
    static func filling(_ fill: NDArray, into dims: [Int]) throws(ScriptError) -> NDArray {
        var source = fill.dims
        while source.count > dims.count, source.first == 1 { source.removeFirst() }
        let fits = source.count <= dims.count && zip(source.reversed(), dims.reversed()).allSatisfy { $0 == $1 || $0 == 1 }
        guard fits else {
            func text(_ d: [Int]) -> String { "(" + d.map(String.init).joined(separator: ",") + (d.count == 1 ? ",)" : ")") }
            throw .valueError("could not broadcast input array from shape \(text(fill.dims)) into shape \(text(dims))")
        }
        let squeezed = source == fill.dims ? fill : try NDArray(fill.elements, source)
        return broadcast(squeezed, to: dims).copied()
    }

    /// The array broadcast to `dims` (a view with zero strides; no copy).
    static func broadcast(_ a: NDArray, to dims: [Int]) -> NDArray {
        if a.dims == dims { return a }
        var strides = [Int](repeating: 0, count: dims.count)
        let own = a.tensor.strides
        for (k, d) in a.dims.enumerated() {
            let r = dims.count - a.dims.count + k
            strides[r] = d == 1 ? 0 : own[k]
        }
        return NDArray(a.tensor.strided(dims, strides: strides, offset: a.tensor.storageOffset))
    }

    /// Applies an element-wise binary function in `dtype` over broadcast operands.
    static func elementwise(_ x: NDArray, _ y: NDArray, dtype: DType, output: DType? = nil,
                            double: (Double, Double) -> Double, integer: (Int64, Int64) throws(ScriptError) -> Int64) throws(ScriptError) -> NDArray {
        let dims = try NumPyShapes.broadcast([x.dims, y.dims])
        let a = broadcast(x.converted(to: dtype), to: dims).elements
        let b = broadcast(y.converted(to: dtype), to: dims).elements
        let out: ElementArray
        switch (a, b) {
        case (.float64(let p), .float64(let q)): out = .float64(zip(p, q).map(double))
        case (.float32(let p), .float32(let q)): out = .float32(zip(p, q).map { Float(double(Double($0), Double($1))) })
        default:
            let p = a.converted(to: .int64), q = b.converted(to: .int64)
            guard case .int64(let pv) = p, case .int64(let qv) = q else { throw .typeError("unsupported operand types") }
            var r: [Int64] = []
            r.reserveCapacity(pv.count)
            for i in 0..<pv.count { r.append(try integer(pv[i], qv[i])) }
            out = ElementArray.int64(r).converted(to: dtype)
        }
        return try NDArray(output.map { out.converted(to: $0) } ?? out, dims)
    }

    /// Whether NumPy's scalar integer arithmetic (`+`, `-`, `*`; not `**`) overflows `dtype` (`range`) for these operands.
    static func overflows(_ op: BinaryOp, _ lhs: NumPyOperand, _ rhs: NumPyOperand, _ range: ClosedRange<Int>, _ dtype: DType) throws(ScriptError) -> Bool {
        let x = Int(try array(lhs, dtype).elements.scalar(at: 0).int64Value)
        let y = Int(try array(rhs, dtype).elements.scalar(at: 0).int64Value)
        func fits(_ r: (partialValue: Int, overflow: Bool)) -> Bool { !r.overflow && range.contains(r.partialValue) }
        switch op {
        case .add: return !fits(x.addingReportingOverflow(y))
        case .subtract: return !fits(x.subtractingReportingOverflow(y))
        case .multiply: return !fits(x.multipliedReportingOverflow(by: y))
        case .power, .divide, .floorDivide, .modulo, .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            return false
        }
    }

    package static func binary(_ op: BinaryOp, _ lhs: NumPyOperand, _ rhs: NumPyOperand) throws(ScriptError) -> NDArray {
        let r = try resultType([lhs, rhs])
        if r.isFloatingPoint && (op == .bitAnd || op == .bitOr || op == .bitXor) {
            throw .typeError("ufunc 'bitwise_\(op == .bitAnd ? "and" : op == .bitOr ? "or" : "xor")' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
        let a = try array(lhs, r), b = try array(rhs, r)
        // matmul broadcasts only its batch dimensions, and checks its core ones first.
        let dims = op == .matmul ? [] : try NumPyShapes.broadcast([a.dims, b.dims])
        func tensorOp(_ t: ArithmeticOp, _ dtype: DType) throws(ScriptError) -> NDArray {
            let x = a.converted(to: dtype), y = b.converted(to: dtype)
            if x.dims == y.dims || x.rank == 0 || y.rank == 0,
               let values = NumPyKernels.arithmetic(t, x.elements, y.elements) {
                return try NDArray(values, dims)
            }
            return NDArray(try tensorCall { () throws(TensorError) in try x.tensor.arithmetic(t, y.tensor) }.to(dtype))
        }
        switch op {
        case .add:
            if r == .bool { return try elementwise(a, b, dtype: .bool, double: { $0 != 0 || $1 != 0 ? 1 : 0 }, integer: { x, y in x != 0 || y != 0 ? 1 : 0 }) }
            return try tensorOp(.add, r)
        case .subtract:
            if r == .bool {
                throw .typeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            }
            return try tensorOp(.sub, r)
        case .multiply:
            if r == .bool { return try elementwise(a, b, dtype: .bool, double: { $0 != 0 && $1 != 0 ? 1 : 0 }, integer: { x, y in x != 0 && y != 0 ? 1 : 0 }) }
            return try tensorOp(.mul, r)
        case .divide:
            return try tensorOp(.div, r.isFloatingPoint ? r : .float64)
        case .floorDivide, .modulo, .power, .matmul, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            if r == .bool && (op == .floorDivide || op == .modulo || op == .power) { throw int8Result(op) }
            return try integerLike(op, a, b, r, dims)
        }
    }

    private static func integerLike(_ op: BinaryOp, _ a: NDArray, _ b: NDArray, _ r: DType, _ dims: [Int]) throws(ScriptError) -> NDArray {
        switch op {
        case .add, .subtract, .multiply, .divide:
            throw .typeError("unsupported operand types for \(op.rawValue)")
        case .floorDivide:
            return try elementwise(a, b, dtype: r, double: { x, y in
                if y == 0 { return x / y }
                let m = fmod(x, y)
                var div = (x - m) / y
                if m != 0 && ((y < 0) != (m < 0)) { div -= 1 }
                guard div != 0 else { return copysign(0, x / y) }
                let floorDiv = div.rounded(.down)
                return div - floorDiv > 0.5 ? floorDiv + 1 : floorDiv
            }, integer: { x, y in
                guard y != 0 else {
                    NumPyFloatError.divide.raise()
                    return 0
                }
                if x == Int64.min && y == -1 { return Int64.min }
                let q = x / y
                return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q
            })
        case .modulo:
            return try elementwise(a, b, dtype: r, double: { x, y in
                if y == 0 {
                    // fmod's invalid operation, which NumPy reports.
                    if !x.isNaN { NumPyFloatError.invalid.raise() }
                    return .nan
                }
                var m = fmod(x, y)
                if m != 0 { if (y < 0) != (m < 0) { m += y } } else { m = copysign(0, y) }
                return m
            }, integer: { x, y in
                if y == 0 { NumPyFloatError.divide.raise() }
                guard y != 0, !(x == Int64.min && y == -1) else { return 0 }
                let m = x % y
                return m != 0 && ((m < 0) != (y < 0)) ? m + y : m
            })
        case .power:
            if r.integerRange != nil || r == .bool {
                let exponents = broadcast(b, to: dims).elements.converted(to: .int64)
                if case .int64(let e) = exponents, e.contains(where: { $0 < 0 }) {
                    throw .valueError("Integers to negative integer powers are not allowed.")
                }
            }
            return try elementwise(a, b, dtype: r, double: { x, y in
                // NumPy's float64 power on AVX512 machines (Intel's SVML) signals overflow for an
                // infinite exponent once |x| reaches 2**512; the C library's pow does not.
                if r == .float64 && y == .infinity && x.isFinite && x.magnitude >= 0x1p512 { NumPyFloatError.over.raise() }
                return Glibc.pow(x, y)
            }, integer: { x, y in
                var result: Int64 = 1, base = x, e = y
                while e > 0 {
                    if e & 1 == 1 { result = result &* base }
                    base = base &* base
                    e >>= 1
                }
                return result
            })
        case .matmul:
            guard a.rank > 0, b.rank > 0 else {
                throw .valueError("matmul: Input operand \(a.rank == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
            }
            let inner = a.dims[a.rank - 1], other = b.rank == 1 ? b.dims[0] : b.dims[b.rank - 2]
            guard inner == other else {
                throw .valueError("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(other) is different from \(inner))")
            }
            let computeType: DType = r == .bool ? .int64 : r
            if a.rank <= 2, b.rank <= 2 {
                // NumPy's MemoryError for a product too big for memory (operands with a zero
                // inner size can make one), before anything is allocated.
                _ = try NumPyShapes.checkedCount((a.rank == 2 ? [a.dims[0]] : []) + (b.rank == 2 ? [b.dims[1]] : []), dtype: r)
            }
            let x = a.converted(to: computeType), y = b.converted(to: computeType)
            if let product = NumPyBLAS.product(x, y) { return product }
            let product = try tensorCall { () throws(TensorError) in try x.tensor.matmul(y.tensor) }
            return NDArray(product.to(r))
        case .bitAnd, .bitOr, .bitXor:
            guard !r.isFloatingPoint else {
                throw .typeError("ufunc 'bitwise_\(op == .bitAnd ? "and" : op == .bitOr ? "or" : "xor")' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return try elementwise(a, b, dtype: r, double: { x, _ in x }, integer: { x, y in
                op == .bitAnd ? x & y : op == .bitOr ? x | y : x ^ y
            })
        case .shiftLeft, .shiftRight:
            guard r.integerRange != nil else {
                throw .typeError("ufunc '\(op == .shiftLeft ? "left_shift" : "right_shift")' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return try elementwise(a, b, dtype: r, double: { x, _ in x }, integer: { x, y in
                guard y >= 0 && y < 64 else { return op == .shiftLeft ? 0 : (x < 0 ? -1 : 0) }
                return op == .shiftLeft ? x << y : x >> y
            })
        }
    }

    /// NumPy computes `//`, `%` and `**` of booleans in int8, a dtype Recur's arrays do not hold.
    static func int8Result(_ op: BinaryOp) -> ScriptError {
        .typeError("'\(op.rawValue)' of two boolean arrays gives int8 in NumPy, which Recur's numpy does not provide (it provides \(NumPyDTypes.providedList); see docs/NUMPY.md)")
    }

    package static func compare(_ op: CompareOp, _ lhs: NumPyOperand, _ rhs: NumPyOperand) throws(ScriptError) -> NDArray? {
        // A Python int out of the array's range still compares (NumPy 2 widens for comparisons).
        let r = (try? resultType([lhs, rhs])) ?? .int64
        let a = try array(lhs, r), b = try array(rhs, r)
        _ = try NumPyShapes.broadcast([a.dims, b.dims])
        let c: ComparisonOp
        switch op {
        case .equal: c = .eq
        case .notEqual: c = .ne
        case .less: c = .lt
        case .lessEqual: c = .le
        case .greater: c = .gt
        case .greaterEqual: c = .ge
        case .in, .notIn, .is, .isNot: return nil
        }
        if a.dims == b.dims || a.rank == 0 || b.rank == 0, let values = NumPyKernels.compare(c, a.elements, b.elements) {
            return try NDArray(.bool(values), a.rank == 0 ? b.dims : a.dims)
        }
        return NDArray(try tensorCall { () throws(TensorError) in try a.tensor.compare(c, b.tensor) })
    }
}

extension NDArray {
    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try operatorBinary(op, other, reflected: reflected, scalar: false, interpreter: interpreter)
    }

    /// `self op other` as NumPy's operator: the array ufunc, or NumPy's scalar arithmetic when
    /// `scalar` (both sides numbers), with its floating-point error handling.
    func operatorBinary(_ op: BinaryOp, _ other: Value, reflected: Bool, scalar: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let o = try interpreter.numpyOperand(other) else { return nil }
        let me = NumPyOperand.array(self)
        let (lhs, rhs) = reflected ? (o, me) : (me, o)
        return try interpreter.numpyChecked((scalar ? "scalar " : "") + NumPyOut.ufuncName(op)) { () throws(ScriptError) in
            let result = try NumPyOperations.binary(op, lhs, rhs)
            if scalar, let range = result.dtype.integerRange, try NumPyOperations.overflows(op, lhs, rhs, range, result.dtype) {
                NumPyFloatError.over.raise()
            }
            return result
        }.result
    }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard let o = try interpreter.numpyOperand(other) else {
            if op == .equal || op == .notEqual, case .object(let obj) = other, obj is Tensor { return nil }
            if op == .equal { return .bool(false) }
            if op == .notEqual { return .bool(true) }
            return nil
        }
        return try NumPyOperations.compare(op, .array(self), o)?.result
    }

    package func unary(_ op: UnaryOp, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch op {
        case .negate:
            if dtype == .bool {
                throw .typeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            }
            return NDArray(try tensorCall { () throws(TensorError) in try tensor.neg() }).result
        case .plus: return NDArray(tensor.clone()).result
        case .invert:
            if dtype == .bool { return NDArray(tensor.logicalNot()).result }
            guard dtype.integerRange != nil else {
                throw .typeError("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            let values = elements.converted(to: .int64)
            guard case .int64(let v) = values else { return nil }
            return try NDArray(ElementArray.int64(v.map { ~$0 }).converted(to: dtype), dims).result
        case .not: return nil
        }
    }
}
