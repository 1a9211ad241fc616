/// One plotted data set.
enum Series {
    /// `plot(x, y)`: points joined in order (and/or marked).
    case line(points: [(x: Double, y: Double)], style: SeriesStyle, color: PlotColor)
    /// `scatter(x, y)`: unjoined markers.
    case scatter(points: [(x: Double, y: Double)], style: SeriesStyle, color: PlotColor)
    /// `imshow(values)`: a heatmap, row 0 at the top.
    case image(Heatmap)
}

/// A 2-d grid of values drawn as coloured cells (`imshow`).
struct Heatmap: Equatable {
    let rows: Int
    let columns: Int
    /// Row-major values, `rows * columns` of them.
    let values: [Double]
    /// The values mapped to the scale's ends (`vmin=`, `vmax=`); default the finite extremes.
    var low: Double
    var high: Double

    init(values: [Double], rows: Int, columns: Int, low: Double? = nil, high: Double? = nil) throws(PlotError) {
        guard rows > 0, columns > 0, values.count == rows * columns else {
            throw PlotError("Invalid shape (\(rows), \(columns)) for image data")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
        let finite = values.filter(\.isFinite)
        self.low = low ?? finite.min() ?? 0
        self.high = high ?? finite.max() ?? 1
    }

    func value(row: Int, column: Int) -> Double { values[row * columns + column] }
}

/// Where the legend goes (`legend(loc=...)`); `best` picks the emptiest corner.
enum LegendLocation: Equatable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight

    /// Parses matplotlib's `loc` strings and codes (`'upper right'`, `1`).
    static func parse(_ text: String) throws(PlotError) -> LegendLocation {
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

/// One set of axes (`plt.gca()`, or the `ax` of `fig, ax = plt.subplots()`): its series,
/// labels, limits and legend. A class because the figure and the script's `ax` share it.
final class Axes {
    private(set) var series: [Series] = []
    var title = ""
    var xLabel = ""
    var yLabel = ""
    /// `legend()` was called; where to put it.
    var legend: LegendLocation?
    /// `xlim` / `ylim` set by the script; nil means autoscale.
    var xLimits: (low: Double, high: Double)?
    var yLimits: (low: Double, high: Double)?
    /// `colorbar()` was called for the last image.
    var showsColorbar = false
    var showsGrid = false
    /// How many series took a colour from the cycle (matplotlib advances it per series).
    private var cycleIndex = 0

    /// `plot([x,] y, fmt, **style)`. With no `x`, x is 0, 1, 2, ...
    func plot(x: [Double]?, y: [Double], style: SeriesStyle) throws(PlotError) {
        let xs = x ?? y.indices.map(Double.init)
        guard xs.count == y.count else {
            throw PlotError("x and y must have same first dimension, but have shapes (\(xs.count),) and (\(y.count),)")
        }
        let color = style.color ?? nextColor()
        series.append(.line(points: zip(xs, y).map { ($0, $1) }, style: style, color: color))
    }

    /// `scatter(x, y, **style)`.
    func scatter(x: [Double], y: [Double], style: SeriesStyle) throws(PlotError) {
        guard x.count == y.count else { throw PlotError("x and y must be the same size") }
        var style = style
        if style.marker == nil { style.marker = .circle }
        let color = style.color ?? nextColor()
        series.append(.scatter(points: zip(x, y).map { ($0, $1) }, style: style, color: color))
    }

    /// `imshow(values)`.
    func imshow(_ heatmap: Heatmap) {
        series.append(.image(heatmap))
    }

    /// The entries the legend lists: label, colour and style, in plotting order.
    var legendEntries: [(label: String, style: SeriesStyle, color: PlotColor, isScatter: Bool)] {
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
    var lastImage: Heatmap? {
        for s in series.reversed() {
            if case .image(let heatmap) = s { return heatmap }
        }
        return nil
    }

    /// `cla()`: forget everything drawn.
    func clear() {
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

/// A figure: its size and its axes (`plt.figure()`, `plt.subplots()`).
final class Figure {
    /// matplotlib's default `figsize` (inches) and `dpi`.
    static let defaultSize = (width: 6.4, height: 4.8)
    static let defaultDPI = 100.0

    /// `plt.figure(num)`: the number matplotlib shows and the SVG's element ids use.
    let number: Int
    var widthInches: Double
    var heightInches: Double
    var dpi: Double
    /// Centred above everything (`suptitle`).
    var superTitle = ""
    /// The axes, in the order they were added.
    private(set) var axes: [Axes] = []

    init(number: Int, widthInches: Double = Figure.defaultSize.width, heightInches: Double = Figure.defaultSize.height,
         dpi: Double = Figure.defaultDPI) throws(PlotError) {
        guard widthInches.isFinite, heightInches.isFinite, dpi.isFinite,
              widthInches > 0, heightInches > 0, dpi > 0,
              widthInches * dpi <= 4000, heightInches * dpi <= 4000 else {
            throw PlotError("figure size must be positive and at most 4000 pixels a side, got \(widthInches)x\(heightInches) inches at \(dpi) dpi")
        }
        self.number = number
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.dpi = dpi
    }

    /// Width and height in pixels.
    var pixelWidth: Int { Int((widthInches * dpi).rounded()) }
    var pixelHeight: Int { Int((heightInches * dpi).rounded()) }

    /// The current axes (`plt.gca()`), created on first use as matplotlib does.
    func currentAxes() -> Axes {
        if let last = axes.last { return last }
        let created = Axes()
        axes.append(created)
        return created
    }

    /// `plt.subplots()`: a fresh axes added to the figure (laid out left to right).
    func addAxes() -> Axes {
        let created = Axes()
        axes.append(created)
        return created
    }

    /// `<Figure size 640x480 with 1 Axes>`, matplotlib's repr and the `text/plain` fallback.
    var plainText: String {
        "<Figure size \(pixelWidth)x\(pixelHeight) with \(axes.count) Axes>"
    }
}
