/// What `plot` and `scatter` take besides the data.
package struct SeriesStyle: Equatable {
    /// `label=`: the legend entry; nil (or one starting with `_`) is left out of the legend.
    package var label: String?
    /// `color=`; nil takes the next colour of the cycle.
    package var color: PlotColor?
    package var lineStyle: LineStyle = .solid
    package var marker: Marker?
    /// Line width in points (matplotlib's default 1.5).
    package var lineWidth: Double = 1.5
    /// Marker size in points (`markersize=`, default 6); for scatter, `s=` is the area in
    /// points squared and is converted by the caller.
    package var markerSize: Double = 6

    package init(label: String? = nil, color: PlotColor? = nil, lineStyle: LineStyle = .solid, marker: Marker? = nil,
                 lineWidth: Double = 1.5, markerSize: Double = 6) {
        self.label = label
        self.color = color
        self.lineStyle = lineStyle
        self.marker = marker
        self.lineWidth = lineWidth
        self.markerSize = markerSize
    }

    /// Applies a matplotlib format string (`'ro--'`, `'b.'`, `'k'`): a colour letter, a
    /// marker and a line style in any order. A marker without a line style means no line.
    package mutating func apply(format: String) throws(PlotError) {
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
