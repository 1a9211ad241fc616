/// A viridis-like sequential colour scale, computed rather than tabulated: lightness rises
/// linearly in OKLab (so equal steps in value look like equal steps in colour, and the
/// scale still reads in greyscale) while the hue turns from purple through blue, teal and
/// green to yellow. Colours outside sRGB are pulled in by reducing chroma.
enum ColorScale {
    /// The colour for `t` in 0...1 (clamped; NaN maps to the low end).
    static func viridis(_ t: Double) -> PlotColor {
        let t = t.isNaN ? 0 : min(1, max(0, t))
        let lightness = 0.27 + 0.66 * t
        let hue = (316 - 206 * t) * Double.pi / 180
        var chroma = 0.14 + 0.05 * t - 0.08 * PlotMath.sin(Double.pi * t)
        // Shrink chroma until the colour fits in sRGB; a few halvings of the excess suffice.
        var rgb = linearRGB(lightness: lightness, chroma: chroma, hue: hue)
        var low = 0.0
        if !inGamut(rgb) {
            var high = chroma
            for _ in 0..<24 {
                let mid = (low + high) / 2
                if inGamut(linearRGB(lightness: lightness, chroma: mid, hue: hue)) { low = mid } else { high = mid }
            }
            chroma = low
            rgb = linearRGB(lightness: lightness, chroma: chroma, hue: hue)
        }
        return PlotColor(red: encode(rgb.0), green: encode(rgb.1), blue: encode(rgb.2))
    }

    /// Maps `value` between `low` and `high` onto the scale (a flat range maps to the middle).
    static func color(for value: Double, low: Double, high: Double) -> PlotColor {
        guard high > low else { return viridis(0.5) }
        return viridis((value - low) / (high - low))
    }

    /// OKLCh to linear sRGB (Björn Ottosson's OKLab matrices).
    private static func linearRGB(lightness: Double, chroma: Double, hue: Double) -> (Double, Double, Double) {
        let a = chroma * PlotMath.cos(hue)
        let b = chroma * PlotMath.sin(hue)
        let l1 = lightness + 0.3963377774 * a + 0.2158037573 * b
        let m1 = lightness - 0.1055613458 * a - 0.0638541728 * b
        let s1 = lightness - 0.0894841775 * a - 1.2914855480 * b
        let l = l1 * l1 * l1, m = m1 * m1 * m1, s = s1 * s1 * s1
        return (
            4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s
        )
    }

    private static func inGamut(_ rgb: (Double, Double, Double)) -> Bool {
        let epsilon = 1e-9
        return [rgb.0, rgb.1, rgb.2].allSatisfy { $0 >= -epsilon && $0 <= 1 + epsilon }
    }

    /// The sRGB transfer function.
    private static func encode(_ c: Double) -> Double {
        let c = min(1, max(0, c))
        return c <= 0.0031308 ? 12.92 * c : 1.055 * PlotMath.pow(c, 1 / 2.4) - 0.055
    }
}
