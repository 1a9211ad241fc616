/// Draws one `Axes` into an SVG: data limits and ticks, images, lines, markers, spines,
/// labels, legend and colour bar. Bounded whatever the data: at most `maxSeries` series,
/// `maxLinePoints` vertices per line (min/max decimation keeps the envelope),
/// `maxMarkers` markers per series and `maxImageCells` cells a side per image.
package struct AxesRenderer {
    package static let maxSeries = 64
    package static let maxLinePoints = 4000
    package static let maxMarkers = 4000
    package static let maxImageCells = 64
    package static let maxLabel = 200

    package let axes: Axes
    /// The axes' rectangle before any aspect or colour-bar adjustment.
    package let frame: PixelRect
    /// Pixels per point (`dpi / 72`).
    package let scale: Double
    /// Prefix for element ids, unique per figure and axes.
    package let idPrefix: String

    package var fontSize: Double { 10 * scale }
    package var titleSize: Double { 12 * scale }
    package var tickLength: Double { 3.5 * scale }
    package var pad: Double { 3.5 * scale }

    /// The data range shown on each axis, and whether y runs downwards (images).
    package struct View {
        package var xLow: Double, xHigh: Double
        package var yLow: Double, yHigh: Double
        package var yInverted: Bool
    }

    package var series: ArraySlice<Series> { axes.series.prefix(AxesRenderer.maxSeries) }

    /// The view: data extents plus 5% margins (none around images), the script's limits
    /// when set, widened when empty or flat as matplotlib's `nonsingular` does.
    package func view() -> View {
        var xs: [Double] = []
        var ys: [Double] = []
        var hasImage = false
        var hasData = false
        for s in series {
            switch s {
            case .line(let points, _, _), .scatter(let points, _, _):
                for p in points where p.x.isFinite && p.y.isFinite {
                    xs.append(p.x)
                    ys.append(p.y)
                    hasData = true
                }
            case .image(let heatmap):
                hasImage = true
                xs += [-0.5, Double(heatmap.columns) - 0.5]
                ys += [-0.5, Double(heatmap.rows) - 0.5]
            }
        }
        func range(_ values: [Double], margin: Bool) -> (Double, Double) {
            guard var low = values.min(), var high = values.max() else { return (0, 1) }
            if high - low <= 1e-12 * max(1, Swift.abs(low)) {
                let widen = low == 0 ? 0.05 : Swift.abs(low) * 0.05
                low -= widen
                high += widen
            }
            if margin {
                let m = (high - low) * 0.05
                return (low - m, high + m)
            }
            return (low, high)
        }
        var (xLow, xHigh) = range(xs, margin: !hasImage && hasData)
        var (yLow, yHigh) = range(ys, margin: !hasImage && hasData)
        if let limits = axes.xLimits, limits.low.isFinite, limits.high.isFinite, limits.low != limits.high {
            (xLow, xHigh) = (limits.low, limits.high)
        }
        if let limits = axes.yLimits, limits.low.isFinite, limits.high.isFinite, limits.low != limits.high {
            (yLow, yHigh) = (limits.low, limits.high)
        }
        return View(xLow: xLow, xHigh: xHigh, yLow: yLow, yHigh: yHigh, yInverted: hasImage)
    }

    /// The plotting rectangle: the frame, less the colour bar's share, shrunk to square
    /// data units around images (matplotlib's `aspect='equal'` for `imshow`).
    package func plotBox(view: View) -> PixelRect {
        var box = frame
        if axes.showsColorbar, axes.lastImage != nil { box.width *= 0.8 }
        if view.yInverted {
            let unitsX = Swift.abs(view.xHigh - view.xLow)
            let unitsY = Swift.abs(view.yHigh - view.yLow)
            guard unitsX > 0, unitsY > 0 else { return box }
            let perUnit = min(box.width / unitsX, box.height / unitsY)
            let width = unitsX * perUnit
            let height = unitsY * perUnit
            box = PixelRect(x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width: width, height: height)
        }
        return box
    }

    /// Data to pixel coordinates for a view and box.
    package struct Mapping {
        package let view: View
        package let box: PixelRect
        package func x(_ value: Double) -> Double {
            box.x + (value - view.xLow) / (view.xHigh - view.xLow) * box.width
        }
        package func y(_ value: Double) -> Double {
            let t = (value - view.yLow) / (view.yHigh - view.yLow)
            return view.yInverted ? box.y + t * box.height : box.bottom - t * box.height
        }
    }

    package func render(into out: inout MarkupWriter) {
        let view = view()
        let box = plotBox(view: view)
        let map = Mapping(view: view, box: box)
        let clipID = idPrefix + "-clip"
        out.open("defs")
        out.open("clipPath", ["id": clipID])
        out.empty("rect", ["x": SVGNumber.format(box.x), "y": SVGNumber.format(box.y),
                           "width": SVGNumber.format(box.width), "height": SVGNumber.format(box.height)])
        out.close("clipPath")
        out.close("defs")
        out.empty("rect", ["x": SVGNumber.format(box.x), "y": SVGNumber.format(box.y),
                           "width": SVGNumber.format(box.width), "height": SVGNumber.format(box.height), "fill": "#ffffff"])
        let locatorX = TickLocator(integerOnly: view.yInverted)
        let locatorY = TickLocator(integerOnly: view.yInverted)
        let xTicks = locatorX.ticks(low: min(view.xLow, view.xHigh), high: max(view.xLow, view.xHigh))
        let yTicks = locatorY.ticks(low: min(view.yLow, view.yHigh), high: max(view.yLow, view.yHigh))
        if axes.showsGrid { drawGrid(&out, map: map, xTicks: xTicks, yTicks: yTicks) }
        out.open("g", ["clip-path": "url(#\(clipID))"])
        for s in series {
            switch s {
            case .image(let heatmap): drawImage(&out, heatmap, map: map)
            case .line(let points, let style, let color): drawLine(&out, points, style: style, color: color, map: map)
            case .scatter(let points, let style, let color): drawMarkers(&out, points, style: style, color: color, map: map)
            }
        }
        out.close("g")
        drawFrame(&out, box: box)
        drawTicks(&out, map: map, xTicks: xTicks, yTicks: yTicks)
        if axes.legend != nil { drawLegend(&out, map: map) }
        if axes.showsColorbar, let image = axes.lastImage { drawColorbar(&out, image, box: box) }
    }
}
