import Rendering
/// `%timeit`'s result as IPython reports it: the mean and population standard deviation of
/// the per-loop times of each run, and its warning when the slowest run was far slower.
package struct TimeitReport {
    package let loops: Int
    package let runs: [Double]
    package let precision: Int

    package var timings: [Double] { runs.map { $0 / Double(loops) } }

    var average: Double {
        let values = timings
        return ((try? MathFunctions.fsum(values)) ?? values.reduce(0, +)) / Double(max(values.count, 1))
    }

    package var standardDeviation: Double {
        let mean = average
        let squares = timings.map { ($0 - mean) * ($0 - mean) }
        return (((try? MathFunctions.fsum(squares)) ?? squares.reduce(0, +)) / Double(max(squares.count, 1))).squareRoot()
    }

    /// `1.23 µs ± 4.56 ns per loop (mean ± std. dev. of 7 runs, 1,000,000 loops each)`.
    package var text: String {
        let mean = ProcessClock.format(average, precision: precision)
        let deviation = ProcessClock.format(standardDeviation, precision: precision)
        return "\(mean) \u{b1} \(deviation) per loop (mean \u{b1} std. dev. of \(runs.count) run\(runs.count == 1 ? "" : "s"), "
            + "\(TimeitReport.grouped(loops)) loop\(loops == 1 ? "" : "s") each)"
    }

    /// IPython's caching warning, printed before the result.
    package var warning: String? {
        let best = (runs.min() ?? 0) / Double(loops), worst = (runs.max() ?? 0) / Double(loops)
        guard worst > 4 * best && best > 0 && worst > 1e-6 else { return nil }
        return "The slowest run took \(formatDouble(worst / best, "f", precision: 2)) times longer than the fastest. "
            + "This could mean that an intermediate result is being cached."
    }

    /// `{:,}`: thousands separated by commas.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }
}
