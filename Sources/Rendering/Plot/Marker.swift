/// matplotlib's marker symbols (the common ones).
package enum Marker: Equatable {
    case point, pixel, circle, square, triangleUp, triangleDown, diamond, plus, cross, star

    /// Parses `'.'`, `','`, `'o'`, `'s'`, `'^'`, `'v'`, `'D'`, `'d'`, `'+'`, `'x'`, `'*'`;
    /// nil for `'None'`, `''` and `' '` (no marker).
    package static func parse(_ text: String) throws(PlotError) -> Marker? {
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
