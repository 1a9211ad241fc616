import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct SeriesStyleTests {
    @Test func formatStringsSetColourMarkerAndLine() throws {
        var style = SeriesStyle()
        try style.apply(format: "ro--")
        #expect(style.color == PlotColor(hex: "#ff0000"))
        #expect(style.marker == .circle)
        #expect(style.lineStyle == .dashed)
        var dots = SeriesStyle()
        try dots.apply(format: "b.")
        #expect(dots.marker == .point)
        #expect(dots.lineStyle == LineStyle.none)
        var cycle = SeriesStyle()
        try cycle.apply(format: "C2-.")
        #expect(cycle.color == PlotColor.cycled(2))
        #expect(cycle.lineStyle == .dashDot)
    }

    @Test func badFormatStringsSayWhichCharacter() {
        var style = SeriesStyle()
        #expect(throws: PlotError("'rq' is not a valid format string (unrecognized character 'q')")) { try style.apply(format: "rq") }
    }

    @Test func coloursParseAsMatplotlibNamesThem() throws {
        #expect(try PlotColor.parse("C1") == PlotColor.cycled(1))
        #expect(try PlotColor.parse("tab:orange") == PlotColor.cycled(1))
        #expect(try PlotColor.parse("#abc") == PlotColor(hex: "#aabbcc"))
        #expect(try PlotColor.parse("0.5").hex == "#808080")
        #expect(try PlotColor.parse("Red") == PlotColor(hex: "#ff0000"))
        #expect(throws: PlotError("'nonsense' is not a valid color value.")) { try PlotColor.parse("nonsense") }
    }

    @Test func lineStylesAndMarkersRejectUnknownNames() throws {
        #expect(throws: PlotError.self) { try LineStyle.parse("~") }
        #expect(throws: PlotError("Unrecognized marker style 'q'")) { try Marker.parse("q") }
        #expect(try Marker.parse("None") == nil)
    }
}
