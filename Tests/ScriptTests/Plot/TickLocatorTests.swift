import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct TickLocatorTests {
    func close(_ a: Double, _ b: Double) -> Bool { Swift.abs(a - b) <= 1e-9 * max(1, Swift.abs(a), Swift.abs(b)) }

    @Test(arguments: DisplayFixtures.axes.indices)
    func limitsAndTicksMatchMatplotlib(_ index: Int) throws {
        let fixture = DisplayFixtures.axes[index]
        let axes = Axes()
        try axes.plot(x: fixture.x, y: fixture.y, style: SeriesStyle())
        let view = AxesRenderer(axes: axes, frame: PixelRect(x: 80, y: 57.6, width: 496, height: 369.6), scale: 100.0 / 72, idPrefix: "t").view()
        #expect(close(view.xLow, fixture.xLimits.0) && close(view.xHigh, fixture.xLimits.1), "\(fixture.name): x \(view.xLow)...\(view.xHigh)")
        #expect(close(view.yLow, fixture.yLimits.0) && close(view.yHigh, fixture.yLimits.1), "\(fixture.name): y \(view.yLow)...\(view.yHigh)")
        let xTicks = TickLocator().ticks(low: view.xLow, high: view.xHigh)
        let yTicks = TickLocator().ticks(low: view.yLow, high: view.yHigh)
        #expect(xTicks.count == fixture.xTicks.count && zip(xTicks, fixture.xTicks).allSatisfy(close), "\(fixture.name): x ticks \(xTicks)")
        #expect(yTicks.count == fixture.yTicks.count && zip(yTicks, fixture.yTicks).allSatisfy(close), "\(fixture.name): y ticks \(yTicks)")
    }

    @Test func labelsShareTheirDecimals() {
        #expect(TickLocator.labels([0, 2.5, 5, 7.5]).labels == ["0.0", "2.5", "5.0", "7.5"])
        #expect(TickLocator.labels([0, 2, 4]).labels == ["0", "2", "4"])
        #expect(TickLocator.labels([-0.2, 0, 0.2]).labels == ["\u{2212}0.2", "0.0", "0.2"])
    }

    @Test func largeValuesFactorOutAPowerOfTen() {
        let (labels, exponent) = TickLocator.labels([100_000, 200_000, 300_000])
        #expect(exponent == 5)
        #expect(labels == ["1", "2", "3"])
        let (small, smallExponent) = TickLocator.labels([0.00001, 0.00002])
        #expect(smallExponent == -5)
        #expect(small == ["1", "2"])
    }

    @Test func integerAxesNeverStepBelowOne() {
        let ticks = TickLocator(integerOnly: true).ticks(low: -0.5, high: 3.5)
        #expect(ticks == [0, 1, 2, 3])
    }

    @Test func degenerateRangesGiveFewTicksNotACrash() {
        #expect(TickLocator().ticks(low: 1, high: 1) == [1])
        #expect(TickLocator().ticks(low: .nan, high: 1).isEmpty)
        #expect(TickLocator().ticks(low: 0, high: .infinity).isEmpty)
        #expect(TickLocator().ticks(low: -1e300, high: 1e300).count <= 10)
    }
}
