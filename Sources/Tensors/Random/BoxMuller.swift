/// PyTorch's vectorised normal fill for float tensors of 16 or more elements, lane for lane.
///
/// PyTorch draws all the uniforms first, then turns each block of 16 into 16 normals with
/// Box-Muller, using Cephes polynomial `log` and `sincos` (its `avx_mathfun.h`) compiled
/// with fused multiply-adds. The same operations in the same order, each fused where the
/// compiler fuses them there, give the same bits on any machine.
enum BoxMuller {
    static let twoPi = Float(2.0 * Double.pi)

    /// Turns 16 uniforms in [0, 1) at `data` into normals with the given mean and std.
    ///
    /// Without hardware FMA in the build, a fused multiply-add is a library call; the fast
    /// path computes it in double instead (the product is exact, the sum rounds once), which
    /// gives the fused result unless that sum lands exactly halfway between two floats (or
    /// among subnormals). Such a block, about one in ten million, is redone with real fused
    /// operations, so the result is always exact.
    @inline(__always)
    static func fill16(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        var fast = DoubleFused()
        var out = (SIMD8<Float>(), SIMD8<Float>())
        for j in 0..<8 {
            let (a, b) = pair(data[j], data[j + 8], mean: mean, std: std, &fast)
            out.0[j] = a
            out.1[j] = b
        }
        if fast.ambiguous != 0 {
            var exact = LibraryFused()
            for j in 0..<8 {
                let (a, b) = pair(data[j], data[j + 8], mean: mean, std: std, &exact)
                out.0[j] = a
                out.1[j] = b
            }
        }
        for j in 0..<8 {
            data[j] = out.0[j]
            data[j + 8] = out.1[j]
        }
    }

    /// One Box-Muller pair from the uniforms u (radius) and v (angle).
    @inline(__always)
    static func pair<F: FusedArithmetic>(_ u: Float, _ v: Float, mean: Float, std: Float, _ f: inout F) -> (Float, Float) {
        let radius = (-2 * log(1 - u, &f)).squareRoot()
        let (s, c) = sinCos(twoPi * v, &f)
        return (f.fma(radius * c, std, mean), f.fma(radius * s, std, mean))
    }

    /// Normals for `data[0..<count]` (count >= 16), the uniforms already in place; the last,
    /// partial block is redrawn as 16 fresh uniforms over the tail, as PyTorch does.
    static func fill(_ data: UnsafeMutablePointer<Float>, count: Int, mean: Float, std: Float, generator: Generator) {
        var i = 0
        while i + 16 <= count {
            fill16(data + i, mean: mean, std: std)
            i += 16
        }
        if count % 16 != 0 {
            let tail = data + count - 16
            generator.fillUniformFloats(UnsafeMutableBufferPointer(start: tail, count: 16))
            fill16(tail, mean: mean, std: std)
        }
    }

    /// Cephes `logf` for x in (0, 1] as `log256_ps` computes it.
    @inline(__always)
    static func log<F: FusedArithmetic>(_ input: Float, _ f: inout F) -> Float {
        var x = Swift.max(input, Float(bitPattern: 0x0080_0000))
        let exponent = Int32(bitPattern: x.bitPattern >> 23) &- 0x7F
        x = Float(bitPattern: (x.bitPattern & ~UInt32(0x7F80_0000)) | Float(0.5).bitPattern)
        var e = Float(exponent) + 1
        let below = x < Float(0.707106781186547524)
        let tmp: Float = below ? x : 0
        x = x - 1
        e = e - (below ? 1 : 0)
        x = x + tmp
        let z = x * x
        var y: Float = 7.0376836292E-2
        y = f.fma(y, x, Float(-1.1514610310E-1))
        y = f.fma(y, x, Float(1.1676998740E-1))
        y = f.fma(y, x, Float(-1.2420140846E-1))
        y = f.fma(y, x, Float(1.4249322787E-1))
        y = f.fma(y, x, Float(-1.6668057665E-1))
        y = f.fma(y, x, Float(2.0000714765E-1))
        y = f.fma(y, x, Float(-2.4999993993E-1))
        y = f.fma(y, x, Float(3.3333331174E-1))
        y = y * x
        y = f.fma(y, z, (e * Float(-2.12194440e-4)))
        y = f.fma(-z, 0.5, y)
        x = x + y
        return f.fma(e, 0.693359375, x)
    }

    /// Cephes `sinf` and `cosf` together, as `sincos256_ps` computes them.
    @inline(__always)
    static func sinCos<F: FusedArithmetic>(_ input: Float, _ f: inout F) -> (sin: Float, cos: Float) {
        var signSin = input.bitPattern & 0x8000_0000
        var x = Float(bitPattern: input.bitPattern & 0x7FFF_FFFF)
        var j = Int32(x * Float(1.27323954473516))
        j = (j &+ 1) & ~1
        let y = Float(j)
        let swapSin = UInt32(bitPattern: (j & 4) << 29)
        let sinPolynomial = (j & 2) == 0
        x = f.fma(y, -0.78515625, x)
        x = f.fma(y, -2.4187564849853515625e-4, x)
        x = f.fma(y, -3.77489497744594108e-8, x)
        let signCos = UInt32(bitPattern: (~(j &- 2) & 4) << 29)
        signSin ^= swapSin
        let z = x * x
        var c: Float = 2.443315711809948E-005
        c = f.fma(c, z, Float(-1.388731625493765E-003))
        c = f.fma(c, z, Float(4.166664568298827E-002))
        c = c * z
        c = f.fma(c, z, (-(z * 0.5)))
        c = c + 1
        var s: Float = -1.9515295891E-4
        s = f.fma(s, z, Float(8.3321608736E-3))
        s = f.fma(s, z, Float(-1.6666654611E-1))
        s = s * z
        s = f.fma(s, x, x)
        // The masked selects of the original, kept as arithmetic so signed zeros agree.
        let sin2: Float = sinPolynomial ? s : 0
        let sin1: Float = sinPolynomial ? 0 : c
        let sinValue = sin1 + sin2
        let cosValue = (c - sin1) + (s - sin2)
        return (Float(bitPattern: sinValue.bitPattern ^ signSin), Float(bitPattern: cosValue.bitPattern ^ signCos))
    }
}

/// How `BoxMuller` evaluates a fused multiply-add `a * b + c` (one rounding).
protocol FusedArithmetic {
    mutating func fma(_ a: Float, _ b: Float, _ c: Float) -> Float
}

/// The library's fused multiply-add (a call to `fmaf` unless the build targets FMA).
struct LibraryFused: FusedArithmetic {
    @inline(__always)
    mutating func fma(_ a: Float, _ b: Float, _ c: Float) -> Float { c.addingProduct(a, b) }
}

/// a * b + c in double, rounded once to float, noting sums that may round differently.
struct DoubleFused: FusedArithmetic {
    /// Non-zero once a sum was exactly halfway between two floats, or subnormal.
    var ambiguous: UInt32 = 0

    @inline(__always)
    mutating func fma(_ a: Float, _ b: Float, _ c: Float) -> Float {
        let d = Double(a) * Double(b) + Double(c)
        // The 29 bits below float precision reading 1000...0: a float midpoint.
        let halfway = d.bitPattern & 0x1FFF_FFFF == 0x1000_0000
        let tiny = d.magnitude < 0x1p-125 && d != 0
        ambiguous |= (halfway ? 1 : 0) | (tiny ? 1 : 0)
        return Float(d)
    }
}
