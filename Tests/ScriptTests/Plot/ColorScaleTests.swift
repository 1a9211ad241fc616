import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ColorScaleTests {
    @Test(arguments: DisplayFixtures.viridis.indices)
    func staysCloseToViridis(_ index: Int) {
        let (t, red, green, blue) = DisplayFixtures.viridis[index]
        let color = ColorScale.viridis(t)
        #expect(Swift.abs(color.red - red) < 0.12, "red at \(t): \(color.hex)")
        #expect(Swift.abs(color.green - green) < 0.12, "green at \(t): \(color.hex)")
        #expect(Swift.abs(color.blue - blue) < 0.12, "blue at \(t): \(color.hex)")
    }

    @Test func endsAreDarkPurpleAndBrightYellow() {
        let low = ColorScale.viridis(0)
        let high = ColorScale.viridis(1)
        #expect(low.luminance < 0.06)
        #expect(low.blue > low.green && low.red > low.green)
        #expect(high.luminance > 0.7)
        #expect(high.red > high.blue && high.green > high.blue)
    }

    @Test func lightnessRisesMonotonically() {
        let luminances = (0...100).map { ColorScale.viridis(Double($0) / 100).luminance }
        #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func clampsOutOfRangeValues() {
        #expect(ColorScale.viridis(-3) == ColorScale.viridis(0))
        #expect(ColorScale.viridis(7) == ColorScale.viridis(1))
        #expect(ColorScale.viridis(.nan) == ColorScale.viridis(0))
        #expect(ColorScale.color(for: 5, low: 5, high: 5) == ColorScale.viridis(0.5))
        #expect(ColorScale.color(for: 10, low: 0, high: 10) == ColorScale.viridis(1))
    }
}
