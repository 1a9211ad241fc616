/// matplotlib's line styles (`linestyle=` / `ls=`).
enum LineStyle: Equatable {
    case solid, dashed, dotted, dashDot, none

    /// Parses `'-'`, `'--'`, `':'`, `'-.'`, `'None'`, `''`, `' '` or the long names.
    static func parse(_ text: String) throws(PlotError) -> LineStyle {
        switch text {
        case "-", "solid": return .solid
        case "--", "dashed": return .dashed
        case ":", "dotted": return .dotted
        case "-.", "dashdot": return .dashDot
        case "None", "none", "", " ": return .none
        default:
            throw PlotError("'\(text)' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")
        }
    }

    /// The SVG dash pattern for a line `width` pixels wide (matplotlib scales its patterns
    /// with the line width), nil for solid.
    func dashArray(width: Double) -> [Double]? {
        switch self {
        case .solid, .none: return nil
        case .dashed: return [3.7, 1.6].map { $0 * width }
        case .dotted: return [1, 1.65].map { $0 * width }
        case .dashDot: return [6.4, 1.6, 1, 1.6].map { $0 * width }
        }
    }
}

/// matplotlib's marker symbols (the common ones).
enum Marker: Equatable {
    case point, pixel, circle, square, triangleUp, triangleDown, diamond, plus, cross, star

    /// Parses `'.'`, `','`, `'o'`, `'s'`, `'^'`, `'v'`, `'D'`, `'d'`, `'+'`, `'x'`, `'*'`;
    /// nil for `'None'`, `''` and `' '` (no marker).
    static func parse(_ text: String) throws(PlotError) -> Marker? {
        switch text {
        case ".": return .point
        case ",": return .pixel
        case "o": return .circle
        case "s": return .square
        case "^": return .triangleUp
        case "v": return .triangleDown
        case "D", "d": return .diamond
        case "+": return .plus
        case "x", "X": return .cross
        case "*": return .star
        case "None", "none", "", " ": return nil
        default: throw PlotError("Unrecognized marker style '\(text)'")
        }
    }
}

/// What `plot` and `scatter` take besides the data.
struct SeriesStyle: Equatable {
    /// `label=`: the legend entry; nil (or one starting with `_`) is left out of the legend.
    var label: String?
    /// `color=`; nil takes the next colour of the cycle.
    var color: PlotColor?
    var lineStyle: LineStyle = .solid
    var marker: Marker?
    /// Line width in points (matplotlib's default 1.5).
    var lineWidth: Double = 1.5
    /// Marker size in points (`markersize=`, default 6); for scatter, `s=` is the area in
    /// points squared and is converted by the caller.
    var markerSize: Double = 6

    /// Applies a matplotlib format string (`'ro--'`, `'b.'`, `'k'`): a colour letter, a
    /// marker and a line style in any order. A marker without a line style means no line.
    mutating func apply(format: String) throws(PlotError) {
        var rest = Substring(format)
        var sawLine = false
        var sawMarker = false
        while let first = rest.first {
            if rest.hasPrefix("--") || rest.hasPrefix("-.") {
                lineStyle = try LineStyle.parse(String(rest.prefix(2)))
                sawLine = true
                rest = rest.dropFirst(2)
            } else if first == "-" || first == ":" {
                lineStyle = try LineStyle.parse(String(first))
                sawLine = true
                rest = rest.dropFirst()
            } else if "bgrcmykw".contains(first) {
                color = try PlotColor.parse(String(first))
                rest = rest.dropFirst()
            } else if first == "C", let digit = rest.dropFirst().first, digit.isNumber {
                color = try PlotColor.parse("C" + String(digit))
                rest = rest.dropFirst(2)
            } else if let marker = try? Marker.parse(String(first)) {
                self.marker = marker
                sawMarker = true
                rest = rest.dropFirst()
            } else {
                throw PlotError("'\(format)' is not a valid format string (unrecognized character '\(first)')")
            }
        }
        if sawMarker && !sawLine { lineStyle = .none }
    }
}
