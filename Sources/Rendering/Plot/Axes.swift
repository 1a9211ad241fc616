/// One set of axes (`plt.gca()`, or the `ax` of `fig, ax = plt.subplots()`): its series,
/// labels, limits and legend. A class because the figure and the script's `ax` share it.
package final class Axes {
    private(set) var series: [Series] = []
    package var title = ""
    package var xLabel = ""
    package var yLabel = ""
    /// `legend()` was called; where to put it.
    package var legend: LegendLocation?
    /// `xlim` / `ylim` set by the script; nil means autoscale.
    package var xLimits: (low: Double, high: Double)?
    package var yLimits: (low: Double, high: Double)?
    /// `colorbar()` was called for the last image.
    package var showsColorbar = false
    package var showsGrid = false
    /// How many series took a colour from the cycle (matplotlib advances it per series).
    private var cycleIndex = 0

    /// `plot([x,] y, fmt, **style)`. With no `x`, x is 0, 1, 2, ...
    package func plot(x: [Double]?, y: [Double], style: SeriesStyle) throws(PlotError) {
        let xs = x ?? y.indices.map(Double.init)
        guard xs.count == y.count else {
            throw PlotError("x and y must have same first dimension, but have shapes (\(xs.count),) and (\(y.count),)")
        }
        let color = style.color ?? nextColor()
        series.append(.line(points: zip(xs, y).map { ($0, $1) }, style: style, color: color))
    }

    /// `scatter(x, y, **style)`.
    package func scatter(x: [Double], y: [Double], style: SeriesStyle) throws(PlotError) {
        guard x.count == y.count else { throw PlotError("x and y must be the same size") }
        var style = style
        if style.marker == nil { style.marker = .circle }
        let color = style.color ?? nextColor()
        series.append(.scatter(points: zip(x, y).map { ($0, $1) }, style: style, color: color))
    }

    /// `imshow(values)`.
    package func imshow(_ heatmap: Heatmap) {
        series.append(.image(heatmap))
    }

    /// The entries the legend lists: label, colour and style, in plotting order.
    package var legendEntries: [(label: String, style: SeriesStyle, color: PlotColor, isScatter: Bool)] {
        series.compactMap { s in
            switch s {
            case .line(_, let style, let color):
                guard let label = style.label, !label.hasPrefix("_") else { return nil }
                return (label, style, color, false)
            case .scatter(_, let style, let color):
                guard let label = style.label, !label.hasPrefix("_") else { return nil }
                return (label, style, color, true)
            case .image:
                return nil
            }
        }
    }

    /// The last image shown, for the colour bar.
    package var lastImage: Heatmap? {
        for s in series.reversed() {
            if case .image(let heatmap) = s { return heatmap }
        }
        return nil
    }

    /// `cla()`: forget everything drawn.
    package func clear() {
        series = []
        title = ""
        xLabel = ""
        yLabel = ""
        legend = nil
        xLimits = nil
        yLimits = nil
        showsColorbar = false
        showsGrid = false
        cycleIndex = 0
    }

    private func nextColor() -> PlotColor {
        defer { cycleIndex += 1 }
        return PlotColor.cycled(cycleIndex)
    }
}
