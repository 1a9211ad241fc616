import Glibc

/// Vectorised transcendental functions. glibc's scalar `tanhf` dominates a recurrent forward
/// pass, so the hot ones run eight lanes at a time.
enum VectorMath {
    typealias V = SIMD8<Float>

    /// exp over eight lanes: 2^n * p(r) with r = x - n ln2 in [-ln2/2, ln2/2].
    @inline(__always)
    static func exp(_ x: V) -> V {
        let clamped = x.clamped(lowerBound: V(repeating: -87.3), upperBound: V(repeating: 88.3))
        let n = (clamped * 1.442_695_04).rounded(.toNearestOrEven)
        var r = clamped - n * 0.693_145_751_953_125
        r = r - n * 1.428_606_765_330_187e-06
        var p = V(repeating: 1.0 / 5040)
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let bits = (SIMD8<Int32>(n, rounding: .toNearestOrEven) &+ 127) &<< 23
        return p * unsafeBitCast(bits, to: V.self)
    }

    /// tanh over eight lanes: an odd polynomial near zero, (e^2x - 1)/(e^2x + 1) elsewhere.
    @inline(__always)
    static func tanh(_ x: V) -> V {
        let ax = abs(x)
        let e = exp(2 * ax.replacing(with: 20, where: ax .> 20))
        var big = (e - 1) / (e + 1)
        big.replace(with: -big, where: x .< 0)
        let x2 = x * x
        var small = V(repeating: -17.0 / 315)
        small = small * x2 + 2.0 / 15
        small = small * x2 - 1.0 / 3
        small = small * x2 * x + x
        return small.replacing(with: big, where: ax .>= 0.0625)
    }

    /// In-place tanh over a buffer.
    static func tanh(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let raw = UnsafeMutableRawPointer(buffer)
        while i + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: V.self)
            raw.storeBytes(of: tanh(v), toByteOffset: i * 4, as: V.self)
            i += 8
        }
        while i < count {
            buffer[i] = tanhf(buffer[i])
            i += 1
        }
    }

    /// In-place exp over a buffer.
    static func exp(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let raw = UnsafeMutableRawPointer(buffer)
        while i + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: V.self)
            raw.storeBytes(of: exp(v), toByteOffset: i * 4, as: V.self)
            i += 8
        }
        while i < count {
            buffer[i] = expf(buffer[i])
            i += 1
        }
    }
}

extension SIMD8 where Scalar == Float {
    @inline(__always)
    func clamped(lowerBound: Self, upperBound: Self) -> Self {
        pointwiseMin(pointwiseMax(self, lowerBound), upperBound)
    }
}

@inline(__always)
func abs(_ v: SIMD8<Float>) -> SIMD8<Float> {
    v.replacing(with: -v, where: v .< 0)
}
