/// Where the legend goes (`legend(loc=...)`); `best` picks the emptiest corner.
package enum LegendLocation: Equatable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight

    /// Parses matplotlib's `loc` strings and codes (`'upper right'`, `1`).
    package static func parse(_ text: String) throws(PlotError) -> LegendLocation {
        switch text {
        case "best", "0": return .best
        case "upper right", "1": return .upperRight
        case "upper left", "2": return .upperLeft
        case "lower left", "3": return .lowerLeft
        case "lower right", "4": return .lowerRight
        default:
            throw PlotError("'\(text)' is not a valid value for loc; supported values are 'best', 'upper right', 'upper left', 'lower left', 'lower right'")
        }
    }
}
