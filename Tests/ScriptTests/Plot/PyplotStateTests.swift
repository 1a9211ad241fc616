import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct PyplotStateTests {
    @Test func plottingWithoutAFigureCreatesOne() throws {
        let plt = PyplotState()
        try plt.currentAxes().plot(x: nil, y: [3, 2, 1], style: SeriesStyle())
        #expect(plt.figures.count == 1)
        #expect(plt.currentFigure().plainText == DisplayFixtures.figureRepr)
        let shown = plt.show()
        #expect(shown.count == 1)
        #expect(shown.first?["image/svg+xml"] != nil)
        #expect(plt.figures.isEmpty)
        #expect(plt.show().isEmpty)
    }

    @Test func figuresAreNumberedAndReusedByNumber() throws {
        let plt = PyplotState()
        let first = try plt.figure()
        let (second, _) = try plt.subplots(widthInches: 8, heightInches: 3)
        #expect(first.number == 1 && second.number == 2)
        #expect(second.plainText == "<Figure size 800x300 with 1 Axes>")
        #expect(try plt.figure(number: 1) === first)
        #expect(plt.currentFigure() === first)
        plt.close()
        #expect(plt.figures.count == 1 && plt.currentFigure() === second)
        // A figure without axes is not shown (matplotlib shows nothing for it either).
        _ = try plt.figure()
        #expect(plt.show().count == 1)
    }

    @Test func badSizesAreErrors() {
        let plt = PyplotState()
        #expect(throws: PlotError.self) { try plt.subplots(widthInches: 0) }
        #expect(throws: PlotError.self) { try plt.figure(dpi: .nan) }
        #expect(plt.figures.isEmpty)
    }
}
