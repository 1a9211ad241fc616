import Glibc

/// Fast elementwise transcendental functions. glibc's scalar `tanhf` dominates a recurrent
/// forward pass, so these are written as straight-line, branch-free scalar code over raw
/// buffers, which LLVM vectorises; the float-to-int steps use the 1.5 * 2^23 rounding trick
/// because generic SIMD conversions are slow. Accuracy is within a few float32 ulps.
enum VectorMath {
    /// e^x for x <= 88.3 (smaller arguments flush towards zero at -87.3).
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87.3), 88.3)
        let shifted = clamped * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        var r = clamped - n * 0.693_145_751_953_125
        r = r - n * 1.428_606_765_330_187e-06
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let bits = (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23
        return p * Float(bitPattern: bits)
    }

    /// tanh: an odd Taylor polynomial below 1/16, (1 - e)/(1 + e) with e = exp(-2|x|) above.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let ax = Swift.abs(x)
        let e = exp(-2 * ax)
        let large = (1 - e) / (1 + e)
        let x2 = ax * ax
        var small: Float = -17.0 / 315
        small = small * x2 + 2.0 / 15
        small = small * x2 - 1.0 / 3
        small = small * x2 * ax + ax
        let magnitude = ax < 0.0625 ? small : large
        return Float(sign: x.sign, exponentBitPattern: magnitude.exponentBitPattern, significandBitPattern: magnitude.significandBitPattern)
    }

    /// In-place tanh over a buffer.
    static func tanh(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { buffer[i] = tanh(buffer[i]) }
    }

    /// In-place exp over a buffer.
    static func exp(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { buffer[i] = exp(buffer[i]) }
    }
}
