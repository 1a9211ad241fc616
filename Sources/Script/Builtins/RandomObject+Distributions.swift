import Glibc

/// The rest of CPython 3.11's `random.Random`: `triangular`, `lognormvariate`,
/// `expovariate`, `vonmisesvariate`, `gammavariate`, `betavariate`, `paretovariate`,
/// `weibullvariate` and `randbytes`, drawing from the Mersenne Twister in CPython's order
/// with its formulas, so a seed gives CPython's numbers. Powers, remainders and divisions go
/// through the interpreter's float arithmetic, for Python's errors.
extension RandomObject {
    /// The methods that draw from one distribution, with Lib/random.py's signatures.
    enum Distribution: String, CaseIterable {
        case betavariate, expovariate, gammavariate, lognormvariate, paretovariate, randbytes, triangular, vonmisesvariate, weibullvariate

        var signature: String {
            switch self {
            case .triangular: "(self, low=0.0, high=1.0, mode=None)"
            case .lognormvariate: "(self, mu, sigma)"
            case .expovariate: "(self, lambd)"
            case .vonmisesvariate: "(self, mu, kappa)"
            case .gammavariate, .betavariate, .weibullvariate: "(self, alpha, beta)"
            case .paretovariate: "(self, alpha)"
            case .randbytes: "(self, n)"
            }
        }

        /// The first paragraph of CPython's docstring.
        var doc: String {
            switch self {
            case .betavariate: "Beta distribution."
            case .expovariate: "Exponential distribution."
            case .gammavariate: "Gamma distribution.  Not the gamma function!"
            case .lognormvariate: "Log normal distribution."
            case .paretovariate: "Pareto distribution.  alpha is the shape parameter."
            case .randbytes: "Generate n random bytes."
            case .triangular: "Triangular distribution."
            case .vonmisesvariate: "Circular data distribution."
            case .weibullvariate: "Weibull distribution."
            }
        }

        var method: NativeMethod<RandomObject> {
            NativeMethod(rawValue, signature, doc: doc) { random, a, interpreter throws(ScriptError) in
                try RandomObject.distribution(self, a, random.core, interpreter)
            }
        }
    }

    /// The module's constants (`random.TWOPI`, ...).
    static func addConstants(to module: ModuleObject) {
        module.namespace["NV_MAGICCONST"] = .float(4 * Glibc.exp(-0.5) / 2.0.squareRoot())
        module.namespace["TWOPI"] = .float(2.0 * Double.pi)
        module.namespace["LOG4"] = .float(Glibc.log(4.0))
        module.namespace["SG_MAGICCONST"] = .float(1.0 + Glibc.log(4.5))
        module.namespace["BPF"] = .int(53)
        module.namespace["RECIP_BPF"] = .float(0x1p-53)
    }

    static func distribution(_ kind: Distribution, _ values: BoundArguments, _ core: PythonRandom, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        func number(_ index: Int, _ fallback: Double? = nil) throws(ScriptError) -> Double {
            guard let value = values[index] ?? fallback.map(Value.float) else { return 0 }
            return try interpreter.doubleArgument(value, values.signature.parameters[index].name) ?? 0
        }
        func divide(_ x: Double, _ y: Double) throws(ScriptError) -> Double {
            guard y != 0 else { throw ScriptError(.zeroDivisionError, "float division by zero") }
            return x / y
        }
        func power(_ x: Double, _ y: Double) throws(ScriptError) -> Double {
            guard case .float(let result) = try interpreter.binary(.power, .float(x), .float(y)) else {
                // A negative base to a fractional power is complex in Python; Recur has no complex.
                throw .valueError("math domain error")
            }
            return result
        }
        let twoPi = 2.0 * Double.pi
        switch kind {
        case .triangular:
            var (low, high) = (try number(0, 0.0), try number(1, 1.0))
            var u = core.random()
            var c = 0.5
            if let mode = values[2], !mode.isNone {
                // `(mode - low) / (high - low)` in Python's arithmetic (its errors); low itself
                // when the division fails, as CPython returns it.
                let offset = try interpreter.binary(.subtract, mode, values[0] ?? .float(0.0))
                guard high - low != 0 else { return values[0] ?? .float(0.0) }
                c = (try interpreter.doubleArgument(offset, "mode") ?? 0) / (high - low)
            }
            if u > c {
                u = 1.0 - u
                c = 1.0 - c
                swap(&low, &high)
            }
            return .float(low + (high - low) * (u * c).squareRoot())
        case .lognormvariate:
            return .float(Glibc.exp(core.normalVariate(mu: try number(0), sigma: try number(1))))
        case .expovariate:
            return .float(try divide(-Glibc.log(1.0 - core.random()), try number(0)))
        case .vonmisesvariate:
            let (mu, kappa) = (try number(0), try number(1))
            if kappa <= 1e-6 { return .float(twoPi * core.random()) }
            let s = 0.5 / kappa
            let r = s + (1.0 + s * s).squareRoot()
            var z = 0.0
            while true {
                let u1 = core.random()
                z = Glibc.cos(Double.pi * u1)
                let d = z / (r + z)
                let u2 = core.random()
                if u2 < 1.0 - d * d || u2 <= (1.0 - d) * Glibc.exp(d) { break }
            }
            let q = 1.0 / r
            let f = (q + z) / (1.0 + q * z)
            let theta = core.random() > 0.5 ? mu + Glibc.acos(f) : mu - Glibc.acos(f)
            return try interpreter.binary(.modulo, .float(theta), .float(twoPi))
        case .gammavariate:
            return .float(try gamma(core, try number(0), try number(1), power))
        case .betavariate:
            let y = try gamma(core, try number(0), 1.0, power)
            if y == 0 { return .float(0.0) }
            return .float(y / (y + (try gamma(core, try number(1), 1.0, power))))
        case .paretovariate:
            let u = 1.0 - core.random()
            return .float(try power(u, try divide(-1.0, try number(0))))
        case .weibullvariate:
            let u = 1.0 - core.random()
            return .float(try number(0) * (try power(-Glibc.log(u), try divide(1.0, try number(1)))))
        case .randbytes:
            return try randomBytes(core, try interpreter.indexValue(values[0] ?? .none))
        }
    }

    /// `gammavariate(alpha, beta)`: Cheng's method above 1, Ahrens and Dieter's below.
    private static func gamma(_ core: PythonRandom, _ alpha: Double, _ beta: Double,
                              _ power: (Double, Double) throws(ScriptError) -> Double) throws(ScriptError) -> Double {
        guard alpha > 0.0, beta > 0.0 else { throw .valueError("gammavariate: alpha and beta must be > 0.0") }
        if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).squareRoot()
            let bbb = alpha - Glibc.log(4.0), ccc = alpha + ainv
            while true {
                let u1 = core.random()
                guard 1e-7 < u1, u1 < 0.9999999 else { continue }
                let u2 = 1.0 - core.random()
                let v = Glibc.log(u1 / (1.0 - u1)) / ainv
                let x = alpha * Glibc.exp(v)
                let z = u1 * u1 * u2
                let r = bbb + ccc * v - x
                if r + (1.0 + Glibc.log(4.5)) - 4.5 * z >= 0.0 || r >= Glibc.log(z) { return x * beta }
            }
        }
        if alpha == 1.0 { return -Glibc.log(1.0 - core.random()) * beta }
        var x = 0.0
        while true {
            let u = core.random()
            let b = (M_E + alpha) / M_E
            let p = b * u
            x = p <= 1.0 ? try power(p, 1.0 / alpha) : -Glibc.log((b - p) / alpha)
            let u1 = core.random()
            if p > 1.0 {
                if u1 <= (try power(x, alpha - 1.0)) { break }
            } else if u1 <= Glibc.exp(-x) {
                break
            }
        }
        return x * beta
    }

    /// `randbytes(n)`: `getrandbits(n * 8)` written little-endian, as CPython makes it.
    private static func randomBytes(_ core: PythonRandom, _ n: Int) throws(ScriptError) -> Value {
        let (bits, overflow) = n.multipliedReportingOverflow(by: 8)
        guard !overflow, bits >= 0 else {
            if n < 0 { throw .valueError("number of bits must be non-negative") }
            throw ScriptError(.overflowError, "Python int too large to convert to C int")
        }
        guard n <= Interpreter.maxContainerLength * 8 else { throw ScriptError(.memoryError, "") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(n + 4)
        var left = bits
        while left > 0 {
            var word = core.engine.nextUInt32()
            if left < 32 { word >>= UInt32(32 - left) }
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
            left -= 32
        }
        return .object(BytesObject(Array(bytes.prefix(n))))
    }
}
