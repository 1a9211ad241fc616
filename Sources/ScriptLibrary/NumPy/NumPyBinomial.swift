import Glibc
import Tensors
import Script

/// A bit generator's 53-bit uniform doubles in [0, 1) (NumPy's `next_double`).
protocol UniformDoubleDrawing {
    mutating func nextDouble() -> Double
}

extension LegacyRandom: UniformDoubleDrawing {}
extension PCG64: UniformDoubleDrawing {}

/// NumPy's binomial sampler (`random_binomial` in its distributions): inversion while
/// n·min(p, 1-p) ≤ 30, else Kachitvichyanukul and Schmeiser's BTPE, drawing from the bit
/// generator exactly as NumPy does, so the same seed gives the same numbers.
enum NumPyBinomial {
    /// One draw. `legacy` is `RandomState`'s variant, which also draws for n = 0 or p = 0.
    static func sample<G: UniformDoubleDrawing>(_ g: inout G, n: Int64, p: Double, legacy: Bool) -> Int64 {
        if !legacy && (n == 0 || p == 0) { return 0 }
        if p <= 0.5 {
            return p * Double(n) <= 30 ? inversion(&g, n: n, p: p) : btpe(&g, n: n, p: p)
        }
        let q = 1 - p
        return n &- (q * Double(n) <= 30 ? inversion(&g, n: n, p: q) : btpe(&g, n: n, p: q))
    }

    /// Sequential search of the cumulative distribution from 0, restarting past a bound.
    static func inversion<G: UniformDoubleDrawing>(_ g: inout G, n: Int64, p: Double) -> Int64 {
        let q = 1 - p
        let qn = Glibc.exp(Double(n) * Glibc.log(q))
        let np = Double(n) * p
        let bound = integer(Swift.min(Double(n), np + 10 * (np * q + 1).squareRoot())) ?? n
        var x: Int64 = 0
        var px = qn
        var u = g.nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = g.nextDouble()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    /// BTPE: a triangle, two parallelograms and exponential tails over the mode, accepted by
    /// the ratio of successive probabilities near it and by Stirling bounds far from it.
    static func btpe<G: UniformDoubleDrawing>(_ g: inout G, n: Int64, p: Double) -> Int64 {
        let nd = Double(n)
        let r = Swift.min(p, 1 - p)
        let q = 1 - r
        let fm = nd * r + r
        let m = integer(fm.rounded(.down)) ?? 0
        let md = Double(m)
        let p1 = (2.195 * (nd * r * q).squareRoot() - 4.6 * q).rounded(.down) + 0.5
        let xm = md + 0.5
        let xl = xm - p1, xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + md)
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1 + a / 2)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1 + a / 2)
        let p2 = p1 * (1 + 2 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr
        let nrq = nd * r * q
        while true {
            let u = g.nextDouble() * p4
            var v = g.nextDouble()
            var y: Int64
            if u <= p1 {
                // The triangle: accepted at once.
                guard let t = integer((xm - p1 * v + u).rounded(.down)) else { continue }
                return t
            } else if u <= p2 {
                let x = xl + (u - p1) / c
                v = v * c + 1 - Swift.abs(md - x + 0.5) / p1
                if v > 1 { continue }
                guard let t = integer(x.rounded(.down)) else { continue }
                y = t
            } else if u <= p3 {
                // v = 0 is rejected (NumPy's cast of -inf is undefined there).
                guard v != 0, let t = integer((xl + Glibc.log(v) / laml).rounded(.down)), t >= 0 else { continue }
                y = t
                v = v * (u - p2) * laml
            } else {
                guard v != 0, let t = integer((xr - Glibc.log(v) / lamr).rounded(.down)), t <= n else { continue }
                y = t
                v = v * (u - p3) * lamr
            }
            let k = Int64(clamping: (y &- m).magnitude)
            if k <= 20 || Double(k) >= nrq / 2 - 1 {
                // Near the mode: the product of successive probability ratios.
                let s = r / q
                let aa = s * Double(n &+ 1)
                var f = 1.0
                if m < y {
                    var i = m + 1
                    while i <= y { f *= aa / Double(i) - s; i += 1 }
                } else if m > y {
                    var i = y + 1
                    while i <= m { f /= aa / Double(i) - s; i += 1 }
                }
                if v > f { continue }
                return y
            }
            let kd = Double(k)
            let rho = (kd / nrq) * ((kd * (kd / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5)
            let t = Double(0 &- k &* k) / (2 * nrq)
            let logV = Glibc.log(v)
            if logV < t - rho { return y }
            if logV > t + rho { continue }
            let x1 = Double(y &+ 1), f1 = Double(m &+ 1), z = Double(n &+ 1 &- m), w = Double(n &- y &+ 1)
            let x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w
            func stirling(_ a: Double, _ a2: Double) -> Double {
                (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / a2) / a2) / a2) / a2) / a / 166320.0
            }
            let bound = xm * Glibc.log(f1 / x1) + (Double(n &- m) + 0.5) * Glibc.log(z / w)
                + Double(y &- m) * Glibc.log(w * r / (x1 * q))
                + stirling(f1, f2) + stirling(z, z2) + stirling(x1, x2) + stirling(w, w2)
            if logV > bound { continue }
            return y
        }
    }

    /// A whole float as an Int64, nil when it is not finite or out of range.
    private static func integer(_ x: Double) -> Int64? {
        x.isFinite && x.magnitude < 9.2e18 ? Int64(x) : nil
    }

    /// `binomial(n, p, size=None)` as NumPy's `RandomState` and `Generator` take it: numbers
    /// or arrays broadcast together (and into `size`), a Python int for numbers and no size.
    /// `one` draws a variate for (n, p) from the caller's generator.
    package static func draw(_ a: Arguments, _ interpreter: Interpreter, _ one: (Int64, Double) -> Int64) throws(ScriptError) -> Value {
        let given = a.positional.count + a.keywords.filter { $0.name == "n" || $0.name == "p" }.count
        guard given >= 2 else { throw .typeError("binomial() takes at least 2 positional arguments (\(given) given)") }
        let args = try NumPyArguments(a, "binomial", ["n", "p", "size"], required: 2, interpreter: interpreter)
        guard let nValue = args["n"], let pValue = args["p"] else { throw .typeError("binomial() takes at least 2 positional arguments (1 given)") }
        if case .str = nValue { throw .typeError("an integer is required") }
        let nArray = try interpreter.ndarray(nValue).converted(to: .int64)
        let pArray = try interpreter.ndarray(pValue).converted(to: .float64)
        guard case .int64(let ns) = nArray.elements, case .float64(let ps) = pArray.elements else { return .none }
        if ns.contains(where: { $0 < 0 }) { throw .valueError("n < 0") }
        if ps.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .valueError(pArray.rank == 0 ? "p < 0, p > 1 or p is NaN" : "p < 0, p > 1 or p contains NaNs")
        }
        var dims = try NumPyShapes.broadcast([nArray.dims, pArray.dims])
        if let size = args["size"] {
            let wanted = try interpreter.numpyShape(size)
            if wanted.contains(where: { $0 < 0 }) { throw .valueError("negative dimensions are not allowed") }
            for (k, other) in [(1, pArray.dims), (2, nArray.dims)] where (try? NumPyShapes.broadcast([wanted, other])) != wanted {
                throw .valueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape \(NumPyShapes.compactText(wanted)) and arg \(k) with shape \(NumPyShapes.compactText(other)).")
            }
            dims = wanted
        } else if dims.isEmpty {
            return .int(Int(one(ns[0], ps[0])))
        }
        let count = try NumPyShapes.checkedCount(dims, dtype: .int64)
        guard case .int64(let nAll) = NumPyOperations.broadcast(nArray, to: dims).elements,
              case .float64(let pAll) = NumPyOperations.broadcast(pArray, to: dims).elements else { return .none }
        var values = [Int64](repeating: 0, count: count)
        for k in 0..<count {
            try interpreter.checkInterrupt()
            values[k] = one(nAll[k], pAll[k])
        }
        return .object(try NDArray(.int64(values), dims))
    }
}
