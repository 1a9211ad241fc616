/// A viridis-like sequential colour scale, computed rather than tabulated: lightness rises
/// linearly in OKLab (so equal steps in value look like equal steps in colour, and the
/// scale still reads in greyscale) while the hue turns from purple through blue, teal and
/// green to yellow. Colours outside sRGB are pulled in by reducing chroma.
package enum ColorScale {
    /// The colour for `t` in 0...1 (clamped; NaN maps to the low end).
    package static func viridis(_ t: Double) -> PlotColor {
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
    package static func color(for value: Double, low: Double, high: Double) -> PlotColor {
        guard high > low else { return viridis(0.5) }
        return viridis((value - low) / (high - low))
    }

    /// The colour at `t` in 0...1 along evenly spaced `stops` (`0xRRGGBB`), interpolated in
    /// OKLab so that the steps between anchors look even.
    package static func blend(_ stops: [UInt32], _ t: Double) -> PlotColor {
        guard let first = stops.first else { return PlotColor(red: 0, green: 0, blue: 0) }
        guard stops.count > 1 else { return color(hex: first) }
        let position = min(1, max(0, t.isNaN ? 0 : t)) * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let fraction = position - Double(index)
        let a = okLab(color(hex: stops[index])), b = okLab(color(hex: stops[index + 1]))
        let mixed = (a.0 + (b.0 - a.0) * fraction, a.1 + (b.1 - a.1) * fraction, a.2 + (b.2 - a.2) * fraction)
        let rgb = linearRGB(lab: mixed)
        return PlotColor(red: encode(rgb.0), green: encode(rgb.1), blue: encode(rgb.2))
    }

    private static func color(hex: UInt32) -> PlotColor {
        PlotColor(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255, blue: Double(hex & 0xFF) / 255)
    }

    /// sRGB to OKLab.
    private static func okLab(_ color: PlotColor) -> (Double, Double, Double) {
        let r = decode(color.red), g = decode(color.green), b = decode(color.blue)
        let l = PlotMath.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = PlotMath.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = PlotMath.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)
    }

    /// OKLCh to linear sRGB (Björn Ottosson's OKLab matrices).
    private static func linearRGB(lightness: Double, chroma: Double, hue: Double) -> (Double, Double, Double) {
        linearRGB(lab: (lightness, chroma * PlotMath.cos(hue), chroma * PlotMath.sin(hue)))
    }

    /// OKLab to linear sRGB.
    private static func linearRGB(lab: (Double, Double, Double)) -> (Double, Double, Double) {
        let (lightness, a, b) = lab
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

    /// The inverse of the sRGB transfer function.
    private static func decode(_ c: Double) -> Double {
        c <= 0.04045 ? c / 12.92 : PlotMath.pow((c + 0.055) / 1.055, 2.4)
    }

    /// The sRGB transfer function.
    private static func encode(_ c: Double) -> Double {
        let c = min(1, max(0, c))
        return c <= 0.0031308 ? 12.92 * c : 1.055 * PlotMath.pow(c, 1 / 2.4) - 0.055
    }
}
