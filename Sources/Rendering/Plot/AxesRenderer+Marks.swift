extension AxesRenderer {
    /// Draws the heatmap's cells, averaging blocks of cells when the image has more than
    /// `maxImageCells` a side (NaN cells are left blank).
    package func drawImage(_ out: inout MarkupWriter, _ heatmap: Heatmap, map: Mapping) {
        let rowBlock = (heatmap.rows + AxesRenderer.maxImageCells - 1) / AxesRenderer.maxImageCells
        let columnBlock = (heatmap.columns + AxesRenderer.maxImageCells - 1) / AxesRenderer.maxImageCells
        out.open("g", ["shape-rendering": "crispEdges"])
        var row = 0
        while row < heatmap.rows {
            let rowEnd = min(heatmap.rows, row + rowBlock)
            var column = 0
            while column < heatmap.columns {
                let columnEnd = min(heatmap.columns, column + columnBlock)
                var sum = 0.0
                var count = 0
                for r in row..<rowEnd {
                    for c in column..<columnEnd {
                        let v = heatmap.value(row: r, column: c)
                        if v.isFinite {
                            sum += v
                            count += 1
                        }
                    }
                }
                if count > 0 {
                    let left = map.x(Double(column) - 0.5)
                    let right = map.x(Double(columnEnd) - 0.5)
                    let top = map.y(Double(row) - 0.5)
                    let bottom = map.y(Double(rowEnd) - 0.5)
                    let color = heatmap.colormap.color(for: sum / Double(count), low: heatmap.low, high: heatmap.high)
                    out.empty("rect", ["x": SVGNumber.format(min(left, right)), "y": SVGNumber.format(min(top, bottom)),
                                       "width": SVGNumber.format(Swift.abs(right - left)), "height": SVGNumber.format(Swift.abs(bottom - top)),
                                       "fill": color.hex])
                }
                column = columnEnd
            }
            row = rowEnd
        }
        out.close("g")
    }

    /// Draws a line as polylines broken at non-finite points, then its markers.
    package func drawLine(_ out: inout MarkupWriter, _ points: [(x: Double, y: Double)], style: SeriesStyle, color: PlotColor, map: Mapping) {
        if style.lineStyle != .none {
            let width = style.lineWidth * scale
            var attributes: [(String, String)] = [("fill", "none"), ("stroke", color.hex),
                                                  ("stroke-width", SVGNumber.format(width)), ("stroke-linejoin", "round"),
                                                  ("stroke-linecap", style.lineStyle == .solid ? "square" : "butt")]
            if let dashes = style.lineStyle.dashArray(width: width) {
                attributes.append(("stroke-dasharray", dashes.map(SVGNumber.format).joined(separator: ",")))
            }
            out.open("g", attributeList: attributes)
            for segment in AxesRenderer.segments(AxesRenderer.decimated(points)) where !segment.isEmpty {
                let text = segment.map { SVGNumber.format(map.x($0.x)) + "," + SVGNumber.format(map.y($0.y)) }.joined(separator: " ")
                out.empty("polyline", ["points": segment.count == 1 ? text + " " + text : text])
            }
            out.close("g")
        }
        if style.marker != nil { drawMarkers(&out, points, style: style, color: color, map: map) }
    }

    /// Draws one marker per finite point (every k-th point past `maxMarkers`).
    package func drawMarkers(_ out: inout MarkupWriter, _ points: [(x: Double, y: Double)], style: SeriesStyle, color: PlotColor, map: Mapping) {
        guard let marker = style.marker else { return }
        let stride = max(1, (points.count + AxesRenderer.maxMarkers - 1) / AxesRenderer.maxMarkers)
        let size = style.markerSize * scale
        let stroked = marker == .plus || marker == .cross
        out.open("g", stroked
            ? ["fill": "none", "stroke": color.hex, "stroke-width": SVGNumber.format(scale)]
            : ["fill": color.hex, "stroke": color.hex, "stroke-width": SVGNumber.format(0.5 * scale)])
        var i = 0
        while i < points.count {
            let p = points[i]
            i += stride
            guard p.x.isFinite, p.y.isFinite else { continue }
            AxesRenderer.marker(&out, marker, x: map.x(p.x), y: map.y(p.y), size: size, pixel: scale)
        }
        out.close("g")
    }

    /// One marker centred at `(x, y)`, `size` pixels across.
    package static func marker(_ out: inout MarkupWriter, _ marker: Marker, x: Double, y: Double, size: Double, pixel: Double) {
        let r = size / 2
        func n(_ v: Double) -> String { SVGNumber.format(v) }
        func polygon(_ vertices: [(Double, Double)]) {
            let path = vertices.enumerated().map { ($0.offset == 0 ? "M" : "L") + n(x + $0.element.0) + " " + n(y + $0.element.1) }.joined() + "Z"
            out.empty("path", ["d": path])
        }
        switch marker {
        case .circle: out.empty("circle", ["cx": n(x), "cy": n(y), "r": n(r)])
        case .point: out.empty("circle", ["cx": n(x), "cy": n(y), "r": n(r / 2)])
        case .pixel: out.empty("rect", ["x": n(x - pixel / 2), "y": n(y - pixel / 2), "width": n(pixel), "height": n(pixel)])
        case .square: out.empty("rect", ["x": n(x - r), "y": n(y - r), "width": n(size), "height": n(size)])
        case .triangleUp: polygon([(0, -r), (r, r), (-r, r)])
        case .triangleDown: polygon([(0, r), (r, -r), (-r, -r)])
        case .diamond: polygon([(0, -r), (r, 0), (0, r), (-r, 0)])
        case .star:
            let vertices = (0..<10).map { k -> (Double, Double) in
                let angle = Double(k) * Double.pi / 5 - Double.pi / 2
                let radius = k % 2 == 0 ? r : r * 0.4
                return (radius * PlotMath.cos(angle), radius * PlotMath.sin(angle))
            }
            polygon(vertices)
        case .plus: out.empty("path", ["d": "M\(n(x - r)) \(n(y))H\(n(x + r))M\(n(x)) \(n(y - r))V\(n(y + r))"])
        case .cross: out.empty("path", ["d": "M\(n(x - r)) \(n(y - r))L\(n(x + r)) \(n(y + r))M\(n(x - r)) \(n(y + r))L\(n(x + r)) \(n(y - r))"])
        }
    }

    /// Runs of finite points (a NaN breaks the line, as in matplotlib).
    package static func segments(_ points: [(x: Double, y: Double)]) -> [[(x: Double, y: Double)]] {
        var result: [[(x: Double, y: Double)]] = [[]]
        for p in points {
            if p.x.isFinite && p.y.isFinite {
                result[result.count - 1].append(p)
            } else if !(result.last?.isEmpty ?? true) {
                result.append([])
            }
        }
        return result
    }

    /// At most about `maxLinePoints` points: past that, each bucket of consecutive points
    /// keeps its first, lowest, highest and last, so spikes survive.
    package static func decimated(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard points.count > maxLinePoints else { return points }
        let buckets = maxLinePoints / 4
        let size = (points.count + buckets - 1) / buckets
        var result: [(x: Double, y: Double)] = []
        result.reserveCapacity(maxLinePoints)
        var start = 0
        while start < points.count {
            let end = min(points.count, start + size)
            let bucket = points[start..<end]
            if bucket.contains(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                // Keep the break: the first non-finite point stands for the gap.
                if let gap = bucket.first(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                    if let first = bucket.first, first.x.isFinite, first.y.isFinite { result.append(first) }
                    result.append(gap)
                    if let last = bucket.last, last.x.isFinite, last.y.isFinite { result.append(last) }
                }
            } else {
                var low = bucket.startIndex
                var high = bucket.startIndex
                for i in bucket.indices {
                    if bucket[i].y < bucket[low].y { low = i }
                    if bucket[i].y > bucket[high].y { high = i }
                }
                let picks = Set([bucket.startIndex, low, high, bucket.endIndex - 1]).sorted()
                for i in picks { result.append(points[i]) }
            }
            start = end
        }
        return result
    }
}
