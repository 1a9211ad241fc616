/// matplotlib's line styles (`linestyle=` / `ls=`).
package enum LineStyle: Equatable {
    case solid, dashed, dotted, dashDot, none

    /// Parses `'-'`, `'--'`, `':'`, `'-.'`, `'None'`, `''`, `' '` or the long names.
    package static func parse(_ text: String) throws(PlotError) -> LineStyle {
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
    package func dashArray(width: Double) -> [Double]? {
        switch self {
        case .solid, .none: return nil
        case .dashed: return [3.7, 1.6].map { $0 * width }
        case .dotted: return [1, 1.65].map { $0 * width }
        case .dashDot: return [6.4, 1.6, 1, 1.6].map { $0 * width }
        }
    }
}
