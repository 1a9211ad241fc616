import Glibc
import Script

/// `Generator.standard_normal` and `standard_exponential`: NumPy's 256-layer ziggurats over
/// the tables in `ZigguratTables` (measured from NumPy), in NumPy's arithmetic so that every
/// draw, including the rare wedge and tail ones, is NumPy's to the bit.
extension PCG64 {
    /// `random_standard_normal`.
    mutating func standardNormal() -> Double {
        while true {
            var r = next64()
            let layer = Int(r & 0xff)
            r >>= 8
            let magnitude = (r >> 1) & 0x000f_ffff_ffff_ffff
            var x = Double(magnitude) * ZigguratTables.normalW[layer]
            if r & 1 == 1 { x = -x }
            if magnitude < ZigguratTables.normalK[layer] { return x }
            if layer == 0 {
                while true {
                    // 1 - U rather than U keeps log away from 0 (NumPy's gh-13361).
                    let xx = -ZigguratTables.normalInverseR * log1p(-nextDouble())
                    let yy = -log1p(-nextDouble())
                    if yy + yy > xx * xx {
                        return (magnitude >> 8) & 1 == 1 ? -(ZigguratTables.normalR + xx) : ZigguratTables.normalR + xx
                    }
                }
            }
            let f = ZigguratTables.normalF
            if (f[layer - 1] - f[layer]) * nextDouble() + f[layer] < exp(-0.5 * x * x) { return x }
        }
    }

    /// `random_standard_normal_f`: the float32 ziggurat over one 32-bit draw.
    mutating func standardNormalFloat() -> Float {
        while true {
            let r = next32()
            let layer = Int(r & 0xff)
            let magnitude = (r >> 9) & 0x7f_ffff
            var x = Float(magnitude) * ZigguratTables.normalW32[layer]
            if (r >> 8) & 1 == 1 { x = -x }
            if magnitude < ZigguratTables.normalK32[layer] { return x }
            if layer == 0 {
                while true {
                    let xx = -ZigguratTables.normalInverseR32 * log1pf(-nextFloat())
                    let yy = -log1pf(-nextFloat())
                    if yy + yy > xx * xx {
                        return (magnitude >> 8) & 1 == 1 ? -(ZigguratTables.normalR32 + xx) : ZigguratTables.normalR32 + xx
                    }
                }
            }
            let f = ZigguratTables.normalF32
            let wedge = (f[layer - 1] - f[layer]) * nextFloat() + f[layer]
            // NumPy compares the float wedge with a double exp of the float x.
            if Double(wedge) < exp(-0.5 * Double(x) * Double(x)) { return x }
        }
    }

    /// `random_standard_exponential`.
    mutating func standardExponential() -> Double {
        while true {
            var r = next64() >> 3
            let layer = Int(r & 0xff)
            r >>= 8
            let x = Double(r) * ZigguratTables.exponentialW[layer]
            if r < ZigguratTables.exponentialK[layer] { return x }
            if layer == 0 { return ZigguratTables.exponentialR - log1p(-nextDouble()) }
            let f = ZigguratTables.exponentialF
            if (f[layer - 1] - f[layer]) * nextDouble() + f[layer] < exp(-x) { return x }
        }
    }
}
