/// An sRGB colour with components in 0...1, as matplotlib's colour arguments name them.
package struct PlotColor: Equatable {
    package var red: Double
    package var green: Double
    package var blue: Double

    package init(red: Double, green: Double, blue: Double) {
        self.red = min(1, max(0, red.isNaN ? 0 : red))
        self.green = min(1, max(0, green.isNaN ? 0 : green))
        self.blue = min(1, max(0, blue.isNaN ? 0 : blue))
    }

    /// `#rrggbb`, or nil when `hex` is not one (`#rgb` is accepted too).
    package init?(hex: String) {
        guard hex.hasPrefix("#") else { return nil }
        var digits = Array(hex.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6 || digits.count == 8 else { return nil }
        var components: [Double] = []
        for i in stride(from: 0, to: 6, by: 2) {
            guard let byte = UInt8(String(digits[i...i + 1]), radix: 16) else { return nil }
            components.append(Double(byte) / 255)
        }
        self.init(red: components[0], green: components[1], blue: components[2])
    }

    /// `#rrggbb` for SVG attributes.
    package var hex: String {
        func byte(_ v: Double) -> String {
            let b = Int((v * 255).rounded())
            let text = String(b, radix: 16)
            return b < 16 ? "0" + text : text
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// Relative luminance (WCAG), for choosing readable text over a cell.
    package var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : PlotMath.pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// matplotlib's default property cycle (the "tab10" colours), used for `C0`...`C9` and
    /// for series without an explicit colour.
    package static let cycle: [PlotColor] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ].compactMap(PlotColor.init(hex:))

    /// The colour for a series without one: the cycle, in order.
    package static func cycled(_ index: Int) -> PlotColor {
        cycle.isEmpty ? PlotColor(red: 0, green: 0, blue: 0) : cycle[index % cycle.count]
    }

    package static let black = PlotColor(red: 0, green: 0, blue: 0)
    package static let white = PlotColor(red: 1, green: 1, blue: 1)

    /// Parses a matplotlib colour argument: a single-letter base colour (`r`, `k`), a name
    /// (`red`, `tab:orange`), a cycle reference (`C1`), hex (`#ff8800`) or a grey level
    /// string (`"0.5"`).
    package static func parse(_ text: String) throws(PlotError) -> PlotColor {
        let key = text.lowercased()
        if let hex = PlotColor(hex: key) { return hex }
        if key.count == 2, key.hasPrefix("c"), let digit = Int(String(key.dropFirst())) { return cycled(digit) }
        if let named = named[key] { return named }
        if key.hasPrefix("tab:"), let index = tableau.firstIndex(of: String(key.dropFirst(4))) { return cycled(index) }
        if let grey = Double(key), grey >= 0, grey <= 1 { return PlotColor(red: grey, green: grey, blue: grey) }
        throw PlotError("'\(text)' is not a valid color value.")
    }

    private static let tableau = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"]

    /// Base colours and the common CSS names a lesson uses.
    private static let named: [String: PlotColor] = {
        let table: [(String, String)] = [
            ("b", "#0000ff"), ("g", "#008000"), ("r", "#ff0000"), ("c", "#00bfbf"), ("m", "#bf00bf"),
            ("y", "#bfbf00"), ("k", "#000000"), ("w", "#ffffff"),
            ("blue", "#0000ff"), ("green", "#008000"), ("red", "#ff0000"), ("cyan", "#00ffff"),
            ("magenta", "#ff00ff"), ("yellow", "#ffff00"), ("black", "#000000"), ("white", "#ffffff"),
            ("orange", "#ffa500"), ("purple", "#800080"), ("brown", "#a52a2a"), ("pink", "#ffc0cb"),
            ("gray", "#808080"), ("grey", "#808080"), ("olive", "#808000"), ("navy", "#000080"),
            ("teal", "#008080"), ("lime", "#00ff00"), ("maroon", "#800000"), ("gold", "#ffd700"),
            ("silver", "#c0c0c0"), ("darkblue", "#00008b"), ("darkgreen", "#006400"), ("darkred", "#8b0000"),
            ("lightblue", "#add8e6"), ("lightgreen", "#90ee90"), ("lightgray", "#d3d3d3"), ("lightgrey", "#d3d3d3"),
            ("darkgray", "#a9a9a9"), ("darkgrey", "#a9a9a9"), ("darkorange", "#ff8c00"), ("crimson", "#dc143c"),
            ("indigo", "#4b0082"), ("violet", "#ee82ee"), ("skyblue", "#87ceeb"), ("steelblue", "#4682b4"),
            ("tomato", "#ff6347"), ("coral", "#ff7f50"), ("salmon", "#fa8072"), ("turquoise", "#40e0d0"),
        ]
        var result: [String: PlotColor] = [:]
        for (name, hex) in table { result[name] = PlotColor(hex: hex) }
        return result
    }()
}
