import Glibc

/// `math.comb`, `math.perm`, `math.lcm`, `math.dist` and the `hypot` they share with it, as
/// CPython 3.11's: exact big-int results (interruptible, bounded like every big int), and
/// the norm computed as CPython's `vector_norm` does (scaled, squared and summed without
/// loss, then corrected), so `hypot` and `dist` give its last bit.
package enum MathCombinatorics {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) {
        module.namespace["comb"] = .builtin(BuiltinFunction("comb", signature: "math.comb(n, k, /)") { interpreter, a throws(ScriptError) in
            try expectCount(a, "comb", 2...2)
            let (n, k) = (try integer(a.positional[0]), try integer(a.positional[1]))
            guard !n.negative else { throw .valueError("n must be a non-negative integer") }
            guard !k.negative else { throw .valueError("k must be a non-negative integer") }
            if n < k { return .int(0) }
            let other = n - k
            let smaller = other < k ? other : k
            guard let count = smaller.intValue else {
                throw ScriptError(.overflowError, "min(n - k, k) must not exceed \(Int.max)")
            }
            return .integer(try fallingProduct(n, count, dividing: true, interpreter))
        })
        module.namespace["perm"] = .builtin(BuiltinFunction("perm", signature: "math.perm(n, k=None, /)") { interpreter, a throws(ScriptError) in
            try expectCount(a, "perm", 1...2)
            let n = try integer(a.positional[0])
            let withoutK = a.positional.count == 1 || a.positional[1].isNone
            let k = try integer(withoutK ? a.positional[0] : a.positional[1])
            // Without k, perm(n) is factorial(n), with its message.
            guard !n.negative else {
                throw .valueError(withoutK ? "factorial() not defined for negative values" : "n must be a non-negative integer")
            }
            guard !k.negative else { throw .valueError("k must be a non-negative integer") }
            if n < k { return .int(0) }
            guard let count = k.intValue else { throw ScriptError(.overflowError, "k must not exceed \(Int.max)") }
            return .integer(try fallingProduct(n, count, dividing: false, interpreter))
        })
        module.namespace["lcm"] = .builtin(BuiltinFunction("lcm", signature: "math.lcm(*integers)") { interpreter, a throws(ScriptError) in
            var result = BigInteger(1)
            for value in a.positional {
                let x = try integer(value).magnitude
                if x.isZero || result.isZero {
                    result = BigInteger(0)
                    continue
                }
                let divisor = gcd(result, x)
                guard result.bitWidth + x.bitWidth <= BigIntObject.maxBits else { throw ScriptError(.memoryError, "") }
                result = (result.floorDivided(by: divisor)?.quotient ?? result) * x
                try interpreter.checkInterrupt()
            }
            return .integer(result)
        })
        module.namespace["hypot"] = .builtin(BuiltinFunction("hypot", signature: "math.hypot(*coordinates)") { interpreter, a throws(ScriptError) in
            let values = try a.positional.map { (v) throws(ScriptError) in try StandardModules.number(interpreter, v) }
            return .float(norm(values))
        })
        module.namespace["dist"] = .builtin(BuiltinFunction("dist", signature: "math.dist(p, q, /)") { interpreter, a throws(ScriptError) in
            try expectCount(a, "dist", 2...2)
            // Any iterable, made a tuple first, as CPython does.
            let p = try interpreter.iterate(a.positional[0])
            let q = try interpreter.iterate(a.positional[1])
            guard p.count == q.count else { throw .valueError("both points must have the same number of dimensions") }
            var differences: [Double] = []
            for (x, y) in zip(p, q) {
                differences.append(try StandardModules.number(interpreter, x) - StandardModules.number(interpreter, y))
            }
            return .float(norm(differences))
        })
    }

    /// Argument Clinic's count messages (`comb expected 2 arguments, got 1`).
    private static func expectCount(_ a: Arguments, _ name: String, _ count: ClosedRange<Int>) throws(ScriptError) {
        if !a.keywords.isEmpty { throw .typeError("\(name)() takes no keyword arguments") }
        let n = a.positional.count
        guard !count.contains(n) else { return }
        if count.lowerBound == count.upperBound {
            throw .typeError("\(name) expected \(count.lowerBound) argument\(count.lowerBound == 1 ? "" : "s"), got \(n)")
        }
        if n < count.lowerBound {
            throw .typeError("\(name) expected at least \(count.lowerBound) argument\(count.lowerBound == 1 ? "" : "s"), got \(n)")
        }
        throw .typeError("\(name) expected at most \(count.upperBound) arguments, got \(n)")
    }

    private static func integer(_ value: Value) throws(ScriptError) -> BigInteger {
        guard let n = value.bigInteger else { throw .typeError("'\(value.typeName)' object cannot be interpreted as an integer") }
        return n
    }

    /// n (n-1) ... (n-count+1), divided step by step by 1 ... count for `comb` (each partial
    /// quotient is a binomial coefficient, so every division is exact).
    private static func fallingProduct(_ n: BigInteger, _ count: Int, dividing: Bool, _ interpreter: Interpreter) throws(ScriptError) -> BigInteger {
        var result = BigInteger(1)
        var i = 0
        while i < count {
            let factor = n - BigInteger(i)
            guard result.bitWidth + factor.bitWidth <= BigIntObject.maxBits else { throw ScriptError(.memoryError, "") }
            result = result * factor
            if dividing { result = result.floorDivided(by: BigInteger(i + 1))?.quotient ?? result }
            i += 1
            if i & 0x3FF == 0 { try interpreter.checkInterrupt() }
        }
        return result
    }

    /// Euclid's greatest common divisor of the magnitudes (`math.gcd`, `math.lcm`).
    static func gcd(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        var (x, y) = (a.magnitude, b.magnitude)
        while !y.isZero {
            let remainder = x.floorDivided(by: y)?.remainder ?? BigInteger(0)
            x = y
            y = remainder
        }
        return x
    }

    /// CPython's `vector_norm` over the coordinates (its `hypot` and `dist`).
    package static func norm(_ values: [Double]) -> Double {
        var magnitudes = values.map { Swift.abs($0) }
        let largest = magnitudes.max() ?? 0
        if magnitudes.contains(where: \.isInfinite) { return .infinity }
        if magnitudes.contains(where: \.isNaN) { return .nan }
        return vectorNorm(&magnitudes, largest)
    }

    private static func vectorNorm(_ vector: inout [Double], _ largest: Double) -> Double {
        if largest == 0 || vector.count <= 1 { return largest }
        var exponent: Int32 = 0
        _ = Glibc.frexp(largest, &exponent)
        if exponent < -1023 {
            // Subnormal values: scaled up first, as ldexp(1, -exponent) would overflow.
            for i in vector.indices { vector[i] /= Double.leastNormalMagnitude }
            return Double.leastNormalMagnitude * vectorNorm(&vector, largest / Double.leastNormalMagnitude)
        }
        let scale = Glibc.ldexp(1.0, -exponent)
        var total = 1.0, lowProducts = 0.0, lowSums = 0.0
        for value in vector {
            let x = value * scale
            let (high, low) = exactProduct(x, x)
            let (sum, sumLow) = fastSum(total, high)
            total = sum
            lowProducts += low
            lowSums += sumLow
        }
        var h = (total - 1.0 + (lowProducts + lowSums)).squareRoot()
        let (high, low) = exactProduct(-h, h)
        let (sum, sumLow) = fastSum(total, high)
        total = sum
        lowProducts += low
        lowSums += sumLow
        let x = total - 1.0 + (lowProducts + lowSums)
        h += x / (2.0 * h)
        return h / scale
    }

    /// `x * y` as a value and its exact rounding error.
    private static func exactProduct(_ x: Double, _ y: Double) -> (Double, Double) {
        let high = x * y
        return (high, Glibc.fma(x, y, -high))
    }

    /// `a + b` (|a| >= |b|) as a value and its exact rounding error.
    private static func fastSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let high = a + b
        return (high, (a - high) + b)
    }
}
