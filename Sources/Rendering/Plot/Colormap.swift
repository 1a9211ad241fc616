/// A named colour map for `imshow(cmap=)`: the viridis-like default, greys, two sequential
/// single-hue maps and three diverging maps (for weights, whose sign matters), each also
/// reversed with matplotlib's `_r` suffix. The stops are a few anchor colours joined by
/// interpolation in OKLab, so steps look even, rather than matplotlib's tables.
package struct Colormap: Equatable, Sendable {
    package enum Family: String, CaseIterable, Sendable {
        case viridis, gray, Greys, Blues, Reds, coolwarm, RdBu, bwr
    }

    package let family: Family
    package let isReversed: Bool

    package static let viridis = Colormap(family: .viridis, isReversed: false)

    /// The names `imshow` accepts, sorted as matplotlib lists them in its error.
    package static var names: [String] {
        Family.allCases.flatMap { [$0.rawValue, $0.rawValue + "_r"] }.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// Looks up a matplotlib name (`'viridis'`, `'gray'`, `'RdBu_r'`, ...); `grey` is `gray`.
    package init(name: String) throws(PlotError) {
        let reversed = name.hasSuffix("_r")
        var base = reversed ? String(name.dropLast(2)) : name
        if base == "grey" { base = "gray" }
        if base == "Grays" { base = "Greys" }
        guard let family = Family(rawValue: base) else {
            let supported = Colormap.names.map { "'\($0)'" }.joined(separator: ", ")
            throw PlotError("'\(name)' is not a valid value for cmap; supported values are \(supported)")
        }
        self.init(family: family, isReversed: reversed)
    }

    package init(family: Family, isReversed: Bool) {
        self.family = family
        self.isReversed = isReversed
    }

    /// The colour for `t` in 0...1 (clamped; NaN maps to the low end).
    package func color(_ t: Double) -> PlotColor {
        var t = t.isNaN ? 0 : min(1, max(0, t))
        if isReversed { t = 1 - t }
        switch family {
        case .viridis: return ColorScale.viridis(t)
        case .gray: return PlotColor(red: t, green: t, blue: t)
        case .Greys: return PlotColor(red: 1 - t, green: 1 - t, blue: 1 - t)
        case .Blues: return ColorScale.blend([0xF7FBFF, 0x6BAED6, 0x08306B], t)
        case .Reds: return ColorScale.blend([0xFFF5F0, 0xFB6A4A, 0x67000D], t)
        case .coolwarm: return ColorScale.blend([0x3B4CC0, 0xDDDDDD, 0xB40426], t)
        case .RdBu: return ColorScale.blend([0x67001F, 0xF7F7F7, 0x053061], t)
        case .bwr: return ColorScale.blend([0x0000FF, 0xFFFFFF, 0xFF0000], t)
        }
    }

    /// Maps `value` between `low` and `high` onto the map (a flat range maps to the middle).
    package func color(for value: Double, low: Double, high: Double) -> PlotColor {
        guard high > low else { return color(0.5) }
        return color((value - low) / (high - low))
    }
}
