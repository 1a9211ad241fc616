/// The state of a tqdm progress bar and its rendering in tqdm's own text format:
/// ` 40%|████      | 6/15 [00:01<00:01,  5.12it/s, loss=0.873]`.
package struct ProgressBar: Equatable {
    /// Iterations expected; nil when the iterable has no length (tqdm then shows a counter).
    package var total: Int?
    /// Iterations done.
    package var n = 0
    /// Seconds since the bar started.
    package var elapsed: Double = 0
    /// `desc=`: text before the percentage.
    package var description = ""
    /// `set_postfix(...)` entries, already formatted (`formatNumber` for numbers); an entry
    /// with an empty key is shown as its value alone (`set_postfix_str`).
    package var postfix: [(key: String, value: String)] = []
    /// Iterations per second; by default `n / elapsed`.
    package var rate: Double?
    /// tqdm's bar width when the terminal width is unknown.
    package static let barWidth = 10

    package init(total: Int?, n: Int = 0, elapsed: Double = 0, description: String = "",
                 postfix: [(key: String, value: String)] = [], rate: Double? = nil) {
        self.total = total
        self.n = n
        self.elapsed = elapsed
        self.description = description
        self.postfix = postfix
        self.rate = rate
    }

    package static func == (lhs: ProgressBar, rhs: ProgressBar) -> Bool {
        lhs.total == rhs.total && lhs.n == rhs.n && lhs.elapsed == rhs.elapsed && lhs.description == rhs.description
            && lhs.rate == rhs.rate && lhs.postfix.map(\.key) == rhs.postfix.map(\.key)
            && lhs.postfix.map(\.value) == rhs.postfix.map(\.value)
    }

    /// The rate shown: the explicit one, else the average so far (nil before any time passed).
    package var effectiveRate: Double? {
        if let rate { return rate > 0 && rate.isFinite ? rate : nil }
        guard elapsed > 0, n > 0 else { return nil }
        return Double(n) / elapsed
    }

    /// The fraction done, when the total is known and positive.
    package var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, Double(n) / Double(total)))
    }

    /// tqdm's `format_meter` line.
    package var text: String {
        guard let fraction, let leading else { return prefix + counters }
        return leading + "|" + ProgressBar.bar(fraction) + "| " + counters
    }

    private var prefix: String { description.isEmpty ? "" : description + ": " }

    /// What precedes the bar: the description and the percentage (`epochs:  40%`); nil
    /// without a total.
    package var leading: String? {
        guard let fraction else { return nil }
        let percent = formatDouble(fraction * 100, "f", precision: 0)
        return prefix + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%"
    }

    /// What follows the bar: `6/15 [00:01<00:02,  5.12it/s, loss=0.873]`, or without a
    /// total `6it [00:01,  5.12it/s]`.
    package var counters: String {
        let rateText = ProgressBar.rateText(effectiveRate)
        let postfixText = postfix.isEmpty ? "" : ", " + postfix.map { $0.key.isEmpty ? $0.value : "\($0.key)=\($0.value)" }.joined(separator: ", ")
        guard let total, fraction != nil else {
            return "\(n)it [\(ProgressBar.interval(elapsed)), \(rateText)\(postfixText)]"
        }
        let remaining = effectiveRate.map { ProgressBar.interval(Double(max(0, total - n)) / $0) } ?? "?"
        return "\(n)/\(total) [\(ProgressBar.interval(elapsed))<\(remaining), \(rateText)\(postfixText)]"
    }

    /// The bar: full blocks, one partial block in eighths, spaces to the width.
    package static func bar(_ fraction: Double, width: Int = barWidth) -> String {
        let eighths = Int(fraction * Double(width * 8))
        let full = min(width, eighths / 8)
        var bar = String(repeating: "█", count: full)
        if full < width {
            let partial: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            bar.append(partial[eighths % 8])
        }
        return bar + String(repeating: " ", count: max(0, width - bar.count))
    }

    /// tqdm's `format_interval`: `MM:SS`, or `H:MM:SS` from an hour.
    package static func interval(_ seconds: Double) -> String {
        let total = seconds.isFinite && seconds > 0 ? Int(min(seconds, 1e12)) : 0
        let (minutes, s) = total.quotientAndRemainder(dividingBy: 60)
        let (h, m) = minutes.quotientAndRemainder(dividingBy: 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }

    /// `5.12it/s`, or `1.50s/it` below one iteration a second, padded to five as tqdm's
    /// `{:5.2f}` pads; `?it/s` before a rate is known.
    package static func rateText(_ rate: Double?) -> String {
        guard let rate else { return "?it/s" }
        func padded(_ v: Double) -> String {
            let text = formatDouble(v, "f", precision: 2)
            return String(repeating: " ", count: max(0, 5 - text.count)) + text
        }
        return rate < 1 ? padded(1 / rate) + "s/it" : padded(rate) + "it/s"
    }

    /// tqdm's `format_num`, used by `set_postfix` for numbers: `{:.3g}` with the exponent's
    /// leading zero dropped, unless the plain text is shorter (`5`, `0.5`).
    package static func formatNumber(_ value: Double) -> String {
        let plain = PythonFloat.repr(value)
        var short = formatDouble(value, "g", precision: 3)
        short = short.replacingOccurrences("+0", with: "+").replacingOccurrences("-0", with: "-")
        return short.count < plain.count ? short : plain
    }

    /// `format_num` for an int: its decimal text (never longer than `{:.3g}` would be useful).
    package static func formatNumber(_ value: Int) -> String {
        let plain = String(value)
        var short = formatDouble(Double(value), "g", precision: 3)
        short = short.replacingOccurrences("+0", with: "+").replacingOccurrences("-0", with: "-")
        return short.count < plain.count ? short : plain
    }
}
