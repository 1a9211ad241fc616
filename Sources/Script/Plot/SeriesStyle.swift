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
