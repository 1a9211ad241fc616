extension AxesRenderer {
    package func drawGrid(_ out: inout MarkupWriter, map: Mapping, xTicks: [Double], yTicks: [Double]) {
        out.open("g", ["stroke": "#b0b0b0", "stroke-width": SVGNumber.format(0.8 * scale)])
        for t in xTicks {
            let x = SVGNumber.format(map.x(t))
            out.empty("line", ["x1": x, "y1": SVGNumber.format(map.box.y), "x2": x, "y2": SVGNumber.format(map.box.bottom)])
        }
        for t in yTicks {
            let y = SVGNumber.format(map.y(t))
            out.empty("line", ["x1": SVGNumber.format(map.box.x), "y1": y, "x2": SVGNumber.format(map.box.right), "y2": y])
        }
        out.close("g")
    }

    package func drawFrame(_ out: inout MarkupWriter, box: PixelRect) {
        out.empty("rect", ["x": SVGNumber.format(box.x), "y": SVGNumber.format(box.y),
                           "width": SVGNumber.format(box.width), "height": SVGNumber.format(box.height),
                           "fill": "none", "stroke": "#000000", "stroke-width": SVGNumber.format(0.8 * scale)])
    }

    /// Tick marks and labels on the bottom and left, the axis labels and the title.
    package func drawTicks(_ out: inout MarkupWriter, map: Mapping, xTicks: [Double], yTicks: [Double]) {
        let box = map.box
        let (xLabels, xExponent) = TickLocator.labels(xTicks)
        let (yLabels, yExponent) = TickLocator.labels(yTicks)
        out.open("g", ["stroke": "#000000", "stroke-width": SVGNumber.format(0.8 * scale)])
        for t in xTicks {
            let x = SVGNumber.format(map.x(t))
            out.empty("line", ["x1": x, "y1": SVGNumber.format(box.bottom), "x2": x, "y2": SVGNumber.format(box.bottom + tickLength)])
        }
        for t in yTicks {
            let y = SVGNumber.format(map.y(t))
            out.empty("line", ["x1": SVGNumber.format(box.x - tickLength), "y1": y, "x2": SVGNumber.format(box.x), "y2": y])
        }
        out.close("g")
        let fontSize = SVGNumber.format(self.fontSize)
        out.open("g", ["font-size": fontSize, "fill": "#000000"])
        let xBaseline = box.bottom + tickLength + pad + self.fontSize * 0.76
        for (t, label) in zip(xTicks, xLabels) {
            out.element("text", ["x": SVGNumber.format(map.x(t)), "y": SVGNumber.format(xBaseline), "text-anchor": "middle"], text: label)
        }
        for (t, label) in zip(yTicks, yLabels) {
            out.element("text", ["x": SVGNumber.format(box.x - tickLength - pad), "y": SVGNumber.format(map.y(t) + self.fontSize * 0.35),
                                 "text-anchor": "end"], text: label)
        }
        if let xExponent {
            out.element("text", ["x": SVGNumber.format(box.right), "y": SVGNumber.format(xBaseline + self.fontSize * 1.2), "text-anchor": "end"],
                        text: "1e\(xExponent)")
        }
        if let yExponent {
            out.element("text", ["x": SVGNumber.format(box.x), "y": SVGNumber.format(box.y - 4 * scale), "text-anchor": "start"],
                        text: "1e\(yExponent)")
        }
        if !axes.xLabel.isEmpty {
            let y = xBaseline + 4 * scale + self.fontSize
            out.element("text", ["x": SVGNumber.format(box.x + box.width / 2), "y": SVGNumber.format(y), "text-anchor": "middle"],
                        text: Markup.clip(axes.xLabel, to: AxesRenderer.maxLabel))
        }
        if !axes.yLabel.isEmpty {
            let widest = yLabels.map { TextMetrics.width($0, fontSize: self.fontSize) }.max() ?? 0
            let x = SVGNumber.format(box.x - tickLength - pad - widest - 4 * scale)
            let y = SVGNumber.format(box.y + box.height / 2)
            out.element("text", ["x": x, "y": y, "text-anchor": "middle", "transform": "rotate(-90 \(x) \(y))"],
                        text: Markup.clip(axes.yLabel, to: AxesRenderer.maxLabel))
        }
        out.close("g")
        if !axes.title.isEmpty {
            out.element("text", ["x": SVGNumber.format(box.x + box.width / 2), "y": SVGNumber.format(box.y - 6 * scale),
                                 "text-anchor": "middle", "font-size": SVGNumber.format(titleSize)],
                        text: Markup.clip(axes.title, to: AxesRenderer.maxLabel))
        }
    }

    /// Entries listed at most; a legend is for a handful of series.
    package static let maxLegendEntries = 20

    /// The legend box in the requested corner, or for `best` the corner covering the
    /// fewest data points (ties go to upper right, upper left, lower left, lower right).
    package func legendBox(map: Mapping, entries: Int, widestLabel: Double) -> PixelRect {
        let border = 0.4 * fontSize
        let width = 2 * border + 2 * fontSize + 0.8 * fontSize + widestLabel
        let height = 2 * border + Double(entries) * fontSize * 1.3
        let margin = 0.5 * fontSize
        let box = map.box
        func corner(_ location: LegendLocation) -> PixelRect {
            switch location {
            case .upperRight, .best: return PixelRect(x: box.right - margin - width, y: box.y + margin, width: width, height: height)
            case .upperLeft: return PixelRect(x: box.x + margin, y: box.y + margin, width: width, height: height)
            case .lowerLeft: return PixelRect(x: box.x + margin, y: box.bottom - margin - height, width: width, height: height)
            case .lowerRight: return PixelRect(x: box.right - margin - width, y: box.bottom - margin - height, width: width, height: height)
            }
        }
        guard axes.legend == .best || axes.legend == nil else { return corner(axes.legend ?? .best) }
        var points: [(Double, Double)] = []
        for s in series {
            switch s {
            case .line(let data, _, _), .scatter(let data, _, _):
                let stride = max(1, data.count / 2000)
                var i = 0
                while i < data.count {
                    if data[i].x.isFinite && data[i].y.isFinite { points.append((map.x(data[i].x), map.y(data[i].y))) }
                    i += stride
                }
            case .image:
                break
            }
        }
        let candidates: [LegendLocation] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight]
        var best = corner(.upperRight)
        var fewest = Int.max
        for location in candidates {
            let rect = corner(location)
            let covered = points.filter { rect.contains($0.0, $0.1) }.count
            if covered < fewest {
                fewest = covered
                best = rect
            }
        }
        return best
    }

    package func drawLegend(_ out: inout MarkupWriter, map: Mapping) {
        let entries = Array(axes.legendEntries.prefix(AxesRenderer.maxLegendEntries))
        guard !entries.isEmpty else { return }
        let labels = entries.map { Markup.clip($0.label, to: 80) }
        let widest = labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
        let rect = legendBox(map: map, entries: entries.count, widestLabel: widest)
        let border = 0.4 * fontSize
        out.open("g", ["class": "legend"])
        out.empty("rect", ["x": SVGNumber.format(rect.x), "y": SVGNumber.format(rect.y),
                           "width": SVGNumber.format(rect.width), "height": SVGNumber.format(rect.height),
                           "rx": SVGNumber.format(2 * scale), "fill": "#ffffff", "fill-opacity": "0.8",
                           "stroke": "#cccccc", "stroke-width": SVGNumber.format(scale)])
        for (i, entry) in entries.enumerated() {
            let centre = rect.y + border + (Double(i) + 0.5) * fontSize * 1.3
            let handleStart = rect.x + border
            let handleEnd = handleStart + 2 * fontSize
            if !entry.isScatter && entry.style.lineStyle != .none {
                let width = entry.style.lineWidth * scale
                var attributes: [(String, String)] = [
                    ("x1", SVGNumber.format(handleStart)), ("y1", SVGNumber.format(centre)),
                    ("x2", SVGNumber.format(handleEnd)), ("y2", SVGNumber.format(centre)),
                    ("stroke", entry.color.hex), ("stroke-width", SVGNumber.format(width)),
                ]
                if let dashes = entry.style.lineStyle.dashArray(width: width) {
                    attributes.append(("stroke-dasharray", dashes.map(SVGNumber.format).joined(separator: ",")))
                }
                out.open("line", attributeList: attributes)
                out.close("line")
            }
            if let marker = entry.style.marker {
                let stroked = marker == .plus || marker == .cross
                out.open("g", stroked ? ["fill": "none", "stroke": entry.color.hex] : ["fill": entry.color.hex, "stroke": entry.color.hex])
                AxesRenderer.marker(&out, marker, x: (handleStart + handleEnd) / 2, y: centre, size: entry.style.markerSize * scale, pixel: scale)
                out.close("g")
            }
            out.element("text", ["x": SVGNumber.format(handleEnd + 0.8 * fontSize), "y": SVGNumber.format(centre + fontSize * 0.35),
                                 "font-size": SVGNumber.format(fontSize)], text: labels[i])
        }
        out.close("g")
    }

    /// A vertical colour bar right of the image with ticks over the value range.
    package func drawColorbar(_ out: inout MarkupWriter, _ image: Heatmap, box: PixelRect) {
        let bar = PixelRect(x: frame.x + frame.width * 0.85, y: box.y, width: frame.width * 0.04, height: box.height)
        let gradientID = idPrefix + "-scale"
        out.open("defs")
        out.open("linearGradient", ["id": gradientID, "x1": "0", "y1": "1", "x2": "0", "y2": "0"])
        for k in 0...16 {
            let t = Double(k) / 16
            out.empty("stop", ["offset": SVGNumber.format(t), "stop-color": image.colormap.color(t).hex])
        }
        out.close("linearGradient")
        out.close("defs")
        out.empty("rect", ["x": SVGNumber.format(bar.x), "y": SVGNumber.format(bar.y), "width": SVGNumber.format(bar.width),
                           "height": SVGNumber.format(bar.height), "fill": "url(#\(gradientID))",
                           "stroke": "#000000", "stroke-width": SVGNumber.format(0.8 * scale)])
        guard image.high > image.low else { return }
        let ticks = TickLocator().ticks(low: image.low, high: image.high)
        let (labels, exponent) = TickLocator.labels(ticks)
        out.open("g", ["font-size": SVGNumber.format(fontSize), "stroke-width": SVGNumber.format(0.8 * scale)])
        for (t, label) in zip(ticks, labels) {
            let y = bar.bottom - (t - image.low) / (image.high - image.low) * bar.height
            out.empty("line", ["x1": SVGNumber.format(bar.right), "y1": SVGNumber.format(y),
                               "x2": SVGNumber.format(bar.right + tickLength), "y2": SVGNumber.format(y), "stroke": "#000000"])
            out.element("text", ["x": SVGNumber.format(bar.right + tickLength + pad), "y": SVGNumber.format(y + fontSize * 0.35)], text: label)
        }
        if let exponent {
            out.element("text", ["x": SVGNumber.format(bar.x), "y": SVGNumber.format(bar.y - 4 * scale)], text: "1e\(exponent)")
        }
        out.close("g")
    }
}
