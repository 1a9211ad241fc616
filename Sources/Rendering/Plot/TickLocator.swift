/// Chooses "nice" tick positions for an axis range, as matplotlib's `MaxNLocator` does:
/// at most `maxTicks` intervals, a step of 1, 2, 2.5 or 5 times a power of ten, ticks on
/// multiples of the step.
package struct TickLocator {
    package var maxIntervals = 9
    /// Only whole-number steps (image axes, where ticks name rows and columns).
    package var integerOnly = false

    /// The step for a view of `span` (positive and finite).
    package func step(span: Double) -> Double {
        let raw = span / Double(max(1, maxIntervals))
        let magnitude = PlotMath.pow(10, PlotMath.floor(PlotMath.log10(raw)))
        var step = 10 * magnitude
        for multiple in [1, 2, 2.5, 5, 10] where multiple * magnitude >= raw * (1 - 1e-9) {
            step = multiple * magnitude
            break
        }
        if integerOnly {
            step = max(1, step.rounded(.up))
            if step == 3 { step = 5 } else if step == 4 { step = 5 }
        }
        return step
    }

    /// The tick values inside `low...high`.
    package func ticks(low: Double, high: Double) -> [Double] {
        guard low.isFinite, high.isFinite else { return [] }
        guard high > low else { return [low] }
        let step = step(span: high - low)
        guard step > 0, step.isFinite else { return [] }
        let first = PlotMath.ceil(low / step - 1e-9)
        let last = PlotMath.floor(high / step + 1e-9)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let value = k * step
            return Swift.abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// Labels for `ticks` with a common number of decimals (matplotlib's `ScalarFormatter`:
    /// `0.0 2.5 5.0`), a Unicode minus, and a shared power of ten factored out when values
    /// are very large or very small (returned as `exponent`, shown once at the axis end).
    package static func labels(_ ticks: [Double]) -> (labels: [String], exponent: Int?) {
        guard ticks.count > 0 else { return ([], nil) }
        let largest = ticks.map { Swift.abs($0) }.max() ?? 0
        var exponent: Int?
        var scaled = ticks
        if largest > 0 {
            let power = Int(PlotMath.floor(PlotMath.log10(largest)))
            if power >= 5 || power <= -4 {
                exponent = power
                let factor = PlotMath.pow(10, Double(power))
                scaled = ticks.map { $0 / factor }
            }
        }
        let step = scaled.count > 1 ? Swift.abs(scaled[1] - scaled[0]) : 1
        var decimals = 0
        while decimals < 10 {
            let shifted = step * PlotMath.pow(10, Double(decimals))
            if Swift.abs(shifted - shifted.rounded()) < 1e-6 * max(1, shifted) { break }
            decimals += 1
        }
        let labels = scaled.map { value -> String in
            let text = formatDouble(value == 0 ? 0 : value, "f", precision: decimals)
            return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
        }
        return (labels, exponent)
    }
}
