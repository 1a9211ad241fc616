/// PyTorch's vectorised normal fill for float tensors of 16 or more elements, lane for lane.
///
/// PyTorch draws all the uniforms first, then turns each block of 16 into 16 normals with
/// Box-Muller, using Cephes polynomial `log` and `sincos` (its `avx_mathfun.h`) compiled
/// with fused multiply-adds. The same operations in the same order, each fused where the
/// compiler fuses them there, give the same bits on any machine. The build targets baseline
/// x86-64, so each fused operation is a call to the C library's `fmaf` (which uses the FMA
/// instruction where the CPU has one): exact, but several times slower than PyTorch's AVX2
/// loop (see the randn_1m benchmark).
enum BoxMuller {
    static let twoPi = Float(2.0 * Double.pi)

    /// Turns 16 uniforms in [0, 1) at `data` into normals with the given mean and std.
    @inline(__always)
    static func fill16(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        for j in 0..<8 {
            let radius = (-2 * log(1 - data[j])).squareRoot()
            let (s, c) = sinCos(twoPi * data[j + 8])
            data[j] = mean.addingProduct(radius * c, std)
            data[j + 8] = mean.addingProduct(radius * s, std)
        }
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
    static func log(_ input: Float) -> Float {
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
        y = Float(-1.1514610310E-1).addingProduct(y, x)
        y = Float(1.1676998740E-1).addingProduct(y, x)
        y = Float(-1.2420140846E-1).addingProduct(y, x)
        y = Float(1.4249322787E-1).addingProduct(y, x)
        y = Float(-1.6668057665E-1).addingProduct(y, x)
        y = Float(2.0000714765E-1).addingProduct(y, x)
        y = Float(-2.4999993993E-1).addingProduct(y, x)
        y = Float(3.3333331174E-1).addingProduct(y, x)
        y = y * x
        y = (e * Float(-2.12194440e-4)).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        x = x + y
        return x.addingProduct(e, 0.693359375)
    }

    /// Cephes `sinf` and `cosf` together, as `sincos256_ps` computes them.
    @inline(__always)
    static func sinCos(_ input: Float) -> (sin: Float, cos: Float) {
        var signSin = input.bitPattern & 0x8000_0000
        var x = Float(bitPattern: input.bitPattern & 0x7FFF_FFFF)
        var j = Int32(x * Float(1.27323954473516))
        j = (j &+ 1) & ~1
        let y = Float(j)
        let swapSin = UInt32(bitPattern: (j & 4) << 29)
        let sinPolynomial = (j & 2) == 0
        x = x.addingProduct(y, -0.78515625)
        x = x.addingProduct(y, -2.4187564849853515625e-4)
        x = x.addingProduct(y, -3.77489497744594108e-8)
        let signCos = UInt32(bitPattern: (~(j &- 2) & 4) << 29)
        signSin ^= swapSin
        let z = x * x
        var c: Float = 2.443315711809948E-005
        c = Float(-1.388731625493765E-003).addingProduct(c, z)
        c = Float(4.166664568298827E-002).addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1
        var s: Float = -1.9515295891E-4
        s = Float(8.3321608736E-3).addingProduct(s, z)
        s = Float(-1.6666654611E-1).addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)
        // The masked selects of the original, kept as arithmetic so signed zeros agree.
        let sin2: Float = sinPolynomial ? s : 0
        let sin1: Float = sinPolynomial ? 0 : c
        let sinValue = sin1 + sin2
        let cosValue = (c - sin1) + (s - sin2)
        return (Float(bitPattern: sinValue.bitPattern ^ signSin), Float(bitPattern: cosValue.bitPattern ^ signCos))
    }
}
