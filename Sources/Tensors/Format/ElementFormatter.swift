/// PyTorch's element formatter (`_Formatter` in `torch/_tensor_str.py`): picks integer-valued,
/// fixed or scientific notation from the values shown and pads every element to a common width.
struct ElementFormatter {
    enum Kind { case floating, integer, boolean }
    let kind: Kind
    let options: PrintOptions
    /// Every shown nonzero finite value is a whole number (`3.` style).
    private(set) var integerValued = true
    private(set) var scientific = false
    private(set) var width = 1

    init(values: [Double], integers: [Int64], dtype: DType, options: PrintOptions) {
        self.options = options
        switch dtype {
        case .int64, .int32, .uint8:
            kind = .integer
            for v in integers { width = max(width, String(v).count) }
            return
        case .bool:
            kind = .boolean
            for v in values { width = max(width, v != 0 ? 4 : 5) }
            return
        case .float32, .float64:
            kind = .floating
        }
        let finite = values.filter { $0.isFinite && $0 != 0 }
        guard !finite.isEmpty else {
            if let forced = options.sciMode { scientific = forced }
            return
        }
        let magnitudes = finite.map { Swift.abs($0) }
        let lo = magnitudes.min() ?? 1
        let hi = magnitudes.max() ?? 1
        integerValued = !finite.contains(where: { $0 != $0.rounded(.up) })
        scientific = options.sciMode ?? (hi / lo > 1000 || hi > 1e8 || (!integerValued && lo < 1e-4))
        // The width is that of the notation finally used (a forced sci_mode included).
        let format = scientific ? "%.\(options.precision)e" : integerValued ? "%.0f" : "%.\(options.precision)f"
        let extra = !scientific && integerValued ? 1 : 0
        for v in finite { width = max(width, NumberFormat.c(format, v).count + extra) }
    }

    func format(_ v: Double, integer: Int64 = 0) -> String {
        let text: String
        switch kind {
        case .integer: text = String(integer)
        case .boolean: text = v != 0 ? "True" : "False"
        case .floating:
            if !v.isFinite {
                text = NumberFormat.python(v)
            } else if scientific {
                text = NumberFormat.c("%.\(options.precision)e", v)
            } else if integerValued {
                text = NumberFormat.c("%.0f", v) + "."
            } else {
                text = NumberFormat.c("%.\(options.precision)f", v)
            }
        }
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
