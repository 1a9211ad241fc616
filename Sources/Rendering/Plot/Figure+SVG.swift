extension Figure {
    /// Axes drawn at most; more would not be readable at this size anyway.
    package static let maxAxes = 16

    /// The figure as a standalone SVG document, `pixelWidth` by `pixelHeight`. Axes sit in
    /// matplotlib's default subplot box (left 0.125, right 0.9, bottom 0.11, top 0.88),
    /// side by side when there are several.
    package func svg() -> String {
        let width = Double(pixelWidth)
        let height = Double(pixelHeight)
        let scale = dpi / 72
        var out = MarkupWriter()
        out.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
                         "width": String(pixelWidth), "height": String(pixelHeight),
                         "viewBox": "0 0 \(pixelWidth) \(pixelHeight)",
                         "font-family": "DejaVu Sans, Bitstream Vera Sans, Arial, sans-serif"])
        out.element("title", text: plainText)
        out.empty("rect", ["width": String(pixelWidth), "height": String(pixelHeight), "fill": "#ffffff"])
        if !superTitle.isEmpty {
            out.element("text", ["x": SVGNumber.format(width / 2), "y": SVGNumber.format(height * 0.02 + 12 * scale),
                                 "text-anchor": "middle", "font-size": SVGNumber.format(12 * scale)],
                        text: Markup.clip(superTitle, to: AxesRenderer.maxLabel))
        }
        let shown = Array(axes.prefix(Figure.maxAxes))
        let left = 0.125 * width
        let right = 0.9 * width
        let top = (1 - 0.88) * height
        let bottom = (1 - 0.11) * height
        let count = Double(max(1, shown.count))
        // matplotlib's wspace: the gap between axes is 0.2 of the mean axes width.
        let axesWidth = (right - left) / (count + 0.2 * (count - 1))
        for (i, ax) in shown.enumerated() {
            let x = left + Double(i) * axesWidth * 1.2
            let frame = PixelRect(x: x, y: top, width: axesWidth, height: bottom - top)
            out.open("g", ["class": "axes"])
            AxesRenderer(axes: ax, frame: frame, scale: scale, idPrefix: "recur-fig\(number)-ax\(i)").render(into: &out)
            out.close("g")
        }
        out.close("svg")
        return out.text
    }

    /// `text/plain` (`<Figure size 640x480 with 1 Axes>`) and `image/svg+xml`.
    package func bundle() -> MimeBundle {
        MimeBundle(plainText: plainText, extra: [("image/svg+xml", svg())])
    }
}
