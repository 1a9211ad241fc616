import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct FigureSVGTests {
    /// The lesson's loss curve: 15 epochs, titled and labelled, with a legend.
    func lossCurve() throws -> Figure {
        let figure = Figure(number: 1)
        let ax = figure.addAxes()
        let losses = DisplayFixtures.axes[0].y
        try ax.plot(x: nil, y: losses, style: SeriesStyle(label: "train loss"))
        ax.title = "Loss per epoch"
        ax.xLabel = "epoch"
        ax.yLabel = "loss"
        ax.legend = .best
        return figure
    }

    func texts(_ parsed: ParsedMarkup) -> [String] { parsed.all("text").map(\.text) }

    @Test func lossCurveIsAValidStandaloneSVG() throws {
        let figure = try lossCurve()
        let bundle = figure.bundle()
        #expect(bundle.plainText == DisplayFixtures.figureRepr)
        let svg = try #require(bundle["image/svg+xml"])
        let parsed = ParsedMarkup(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let root = try #require(parsed.root)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["width"] == "640" && root.attributes["height"] == "480")
        #expect(parsed.all("polyline").count == 1)
        let points = try #require(parsed.all("polyline").first?.attributes["points"])
        #expect(points.split(separator: " ").count == 15)
        let labels = texts(parsed)
        for expected in ["Loss per epoch", "epoch", "loss", "train loss", "0", "14", "0.4", "1.4"] {
            #expect(labels.contains(expected), "missing \(expected)")
        }
        #expect(svg.utf8.count < 16_384)
    }

    @Test func labelsAreEscaped() throws {
        let figure = Figure(number: 2)
        let ax = figure.currentAxes()
        try ax.plot(x: [0, 1], y: [1, 0], style: SeriesStyle(label: #"<b>"x" & 'y'</b>"#))
        ax.title = "a < b > c & \"d\""
        ax.legend = .upperLeft
        let parsed = ParsedMarkup(figure.svg())
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(texts(parsed).contains("a < b > c & \"d\""))
        #expect(texts(parsed).contains(#"<b>"x" & 'y'</b>"#))
        #expect(parsed.all("b").isEmpty)
    }

    @Test func legendAvoidsTheData() throws {
        let falling = try lossCurve()
        let ax = falling.axes[0]
        let renderer = AxesRenderer(axes: ax, frame: PixelRect(x: 80, y: 57.6, width: 496, height: 369.6), scale: 100.0 / 72, idPrefix: "t")
        let view = renderer.view()
        let map = AxesRenderer.Mapping(view: view, box: renderer.plotBox(view: view))
        let upperRight = renderer.legendBox(map: map, entries: 1, widestLabel: 60)
        #expect(upperRight.x > map.box.x + map.box.width / 2 && upperRight.y < map.box.y + map.box.height / 2)
        let rising = Axes()
        try rising.plot(x: nil, y: Array(ax.legendEntries.isEmpty ? [] : DisplayFixtures.axes[0].y.reversed()), style: SeriesStyle(label: "acc"))
        rising.legend = .best
        let risingRenderer = AxesRenderer(axes: rising, frame: renderer.frame, scale: renderer.scale, idPrefix: "u")
        let risingView = risingRenderer.view()
        let risingMap = AxesRenderer.Mapping(view: risingView, box: risingRenderer.plotBox(view: risingView))
        let upperLeft = risingRenderer.legendBox(map: risingMap, entries: 1, widestLabel: 60)
        #expect(upperLeft.x < risingMap.box.x + risingMap.box.width / 2 && upperLeft.y < risingMap.box.y + risingMap.box.height / 2)
    }

    @Test func nonFiniteValuesBreakTheLine() throws {
        let figure = Figure(number: 3)
        try figure.currentAxes().plot(x: nil, y: [1, .nan, 3, 4, .infinity, 2], style: SeriesStyle(marker: .circle))
        let parsed = ParsedMarkup(figure.svg())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("polyline").count == 3)
        #expect(parsed.all("circle").count == 4)
    }

    @Test func scatterDrawsOneMarkerPerPoint() throws {
        let figure = Figure(number: 4)
        try figure.currentAxes().scatter(x: [0, 1, 2], y: [2, 1, 0], style: SeriesStyle(color: PlotColor(hex: "#d62728"), marker: .square))
        let parsed = ParsedMarkup(figure.svg())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("polyline").isEmpty)
        #expect(parsed.all("g").contains { $0.attributes["fill"] == "#d62728" })
        // Figure background, clip rectangle, axes background and frame, then the markers.
        #expect(parsed.all("rect").count == 4 + 3)
    }

    @Test func seriesTakeTheColourCycleInOrder() throws {
        let ax = Axes()
        try ax.plot(x: nil, y: [1, 2], style: SeriesStyle())
        try ax.plot(x: nil, y: [2, 1], style: SeriesStyle())
        try ax.plot(x: nil, y: [2, 2], style: SeriesStyle(color: PlotColor.black))
        try ax.plot(x: nil, y: [1, 1], style: SeriesStyle())
        let colors = ax.series.map { series -> PlotColor? in
            if case .line(_, _, let color) = series { return color }
            return nil
        }
        #expect(colors == [PlotColor.cycled(0), PlotColor.cycled(1), PlotColor.black, PlotColor.cycled(2)])
    }

    @Test func mismatchedLengthsAreAValueError() {
        let ax = Axes()
        #expect(throws: PlotError("x and y must have same first dimension, but have shapes (3,) and (4,)")) {
            try ax.plot(x: [1, 2, 3], y: [1, 2, 3, 4], style: SeriesStyle())
        }
        #expect(throws: PlotError.self) { try ax.scatter(x: [1], y: [], style: SeriesStyle()) }
        #expect(throws: PlotError.self) { try Figure(number: 1, widthInches: -1) }
        #expect(throws: PlotError.self) { try Figure(number: 1, widthInches: 1e6) }
        #expect(throws: PlotError.self) { try Heatmap(values: [1, 2, 3], rows: 2, columns: 2) }
    }

    @Test func heatmapCellsSpanTheColourScale() throws {
        let figure = Figure(number: 5)
        let ax = figure.currentAxes()
        ax.imshow(try Heatmap(values: (0..<12).map(Double.init), rows: 3, columns: 4))
        ax.showsColorbar = true
        let parsed = ParsedMarkup(figure.svg())
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let fills = parsed.all("rect").compactMap { $0.attributes["fill"] }
        #expect(fills.contains(ColorScale.viridis(0).hex))
        #expect(fills.contains(ColorScale.viridis(1).hex))
        #expect(parsed.all("linearGradient").count == 1)
        #expect(parsed.all("stop").first?.attributes["stop-color"] == ColorScale.viridis(0).hex)
        #expect(texts(parsed).contains("3"))
        #expect(!texts(parsed).contains("3.5"))
    }

    @Test func hugeInputsStayBounded() throws {
        let figure = Figure(number: 6)
        let ax = figure.currentAxes()
        let many = (0..<1_000_000).map { Double($0 % 977) }
        try ax.plot(x: nil, y: many, style: SeriesStyle(marker: .point))
        try ax.scatter(x: many, y: many.reversed(), style: SeriesStyle())
        for i in 0..<200 { try ax.plot(x: nil, y: [Double(i), 0], style: SeriesStyle(label: "series \(i)")) }
        ax.legend = .best
        ax.title = String(repeating: "long title ", count: 10_000)
        let svg = figure.svg()
        let parsed = ParsedMarkup(svg)
        #expect(parsed.isWellFormed)
        #expect(svg.utf8.count < 1_000_000)
        #expect(parsed.all("polyline").count <= AxesRenderer.maxSeries)
        #expect(parsed.all("circle").count <= 2 * AxesRenderer.maxMarkers)
        #expect(texts(parsed).filter { $0.hasPrefix("series") }.count == AxesRenderer.maxLegendEntries)
    }

    @Test func hugeImagesAreAveragedIntoBlocks() throws {
        let figure = Figure(number: 7)
        figure.currentAxes().imshow(try Heatmap(values: (0..<1_000_000).map { Double($0 % 1000) }, rows: 1000, columns: 1000))
        let svg = figure.svg()
        let parsed = ParsedMarkup(svg)
        #expect(parsed.isWellFormed)
        #expect(parsed.all("rect").count <= AxesRenderer.maxImageCells * AxesRenderer.maxImageCells + 4)
        #expect(svg.utf8.count < 400_000)
    }

    @Test func numbersAreShortAndFinite() {
        #expect(SVGNumber.format(1.005) == "1" || SVGNumber.format(1.005) == "1.01")
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(3.07) == "3.07")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(1e300) == "1000000000")
    }
}
