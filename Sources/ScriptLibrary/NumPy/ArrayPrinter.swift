import Tensors
import Script

/// `np.set_printoptions` state: how arrays print.
package struct NumPyPrintOptions {
    package var precision = 8
    var threshold = 1000
    var edgeItems = 3
    var lineWidth = 75
    package var suppress = false
    var nanText = "nan"
    var infText = "inf"
}

/// NumPy's `array_repr` / `array_str` (numpy/_core/arrayprint.py): one element format chosen
/// from all (or, when summarised, the edge) elements, then rows wrapped at the line width.
package struct ArrayPrinter {
    package let options: NumPyPrintOptions

    package func repr(_ array: NDArray) -> String {
        let prefix = "array("
        let body: String
        let size = array.count
        if size == 0 {
            body = "[]"
        } else {
            body = format(array, separator: ", ", prefix: prefix, lineWidth: options.lineWidth - 1)
        }
        var extras: [String] = []
        if (size == 0 && array.dims != [0]) || size > options.threshold {
            extras.append("shape=" + NumPyShapes.tupleText(array.dims))
        }
        if !array.dtype.isImpliedInRepr || size == 0 { extras.append("dtype=\(array.dtype.name)") }
        if extras.isEmpty { return prefix + body + ")" }
        let text = prefix + body + ","
        let extra = extras.joined(separator: ", ") + ")"
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? 0
        let spacer = lastLine + extra.count + 1 > options.lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return text + spacer + extra
    }

    package func str(_ array: NDArray) -> String {
        if array.count == 0 { return "[]" }
        return format(array, separator: " ", prefix: "", lineWidth: options.lineWidth)
    }

    /// `_array2string`.
    private func format(_ array: NDArray, separator: String, prefix: String, lineWidth: Int) -> String {
        let dims = array.dims
        let summarise = array.count > options.threshold
        let values = array.elements
        let formatter = ElementFormat(values: values, positions: summarise ? edgePositions(dims) : nil,
                                      rank: dims.count, options: options)
        let strides = Shape(dims).strides
        func recurse(_ axis: Int, _ base: Int, hanging: String, width: Int) -> String {
            if axis == dims.count { return formatter.text(at: base) }
            let nextHanging = hanging + " "
            let nextWidth = width - 1
            let length = dims[axis]
            let showSummary = summarise && 2 * options.edgeItems < length
            let leading = showSummary ? options.edgeItems : 0
            let trailing = showSummary ? options.edgeItems : length
            var s = ""
            if axis == dims.count - 1 {
                let elementWidth = width - Swift.max(separator.trimmingTrailingSpaces.count, 1)
                var line = hanging
                func extend(_ word: String, _ limit: Int) {
                    var needsWrap = line.count + word.count > limit
                    if line.count <= hanging.count { needsWrap = false }
                    if needsWrap {
                        s += line.trimmingTrailingSpaces + "\n"
                        line = hanging
                    }
                    line += word
                }
                for i in 0..<leading {
                    extend(recurse(axis + 1, base + i * strides[axis], hanging: nextHanging, width: nextWidth), elementWidth)
                    line += separator
                }
                if showSummary {
                    extend("...", elementWidth)
                    line += separator
                }
                if trailing > 1 {
                    for i in stride(from: trailing, to: 1, by: -1) {
                        extend(recurse(axis + 1, base + (length - i) * strides[axis], hanging: nextHanging, width: nextWidth), elementWidth)
                        line += separator
                    }
                }
                extend(recurse(axis + 1, base + (length - 1) * strides[axis], hanging: nextHanging, width: nextWidth), elementWidth)
                s += line
            } else {
                let lineSeparator = separator.trimmingTrailingSpaces + String(repeating: "\n", count: dims.count - axis - 1)
                for i in 0..<leading {
                    s += hanging + recurse(axis + 1, base + i * strides[axis], hanging: nextHanging, width: nextWidth) + lineSeparator
                }
                if showSummary { s += hanging + "..." + lineSeparator }
                if trailing > 1 {
                    for i in stride(from: trailing, to: 1, by: -1) {
                        s += hanging + recurse(axis + 1, base + (length - i) * strides[axis], hanging: nextHanging, width: nextWidth) + lineSeparator
                    }
                }
                s += hanging + recurse(axis + 1, base + (length - 1) * strides[axis], hanging: nextHanging, width: nextWidth)
            }
            return "[" + String(s.dropFirst(hanging.count)) + "]"
        }
        return recurse(0, 0, hanging: " " + String(repeating: " ", count: prefix.count), width: lineWidth)
    }

    /// The row-major positions of the elements a summarised array shows (`_leading_trailing`).
    private func edgePositions(_ dims: [Int]) -> [Int] {
        let strides = Shape(dims).strides
        var result: [Int] = []
        func walk(_ axis: Int, _ base: Int) {
            if axis == dims.count {
                result.append(base)
                return
            }
            let n = dims[axis], e = options.edgeItems
            let indices: [Int] = n > 2 * e ? Array(0..<e) + Array((n - e)..<n) : Array(0..<n)
            for i in indices { walk(axis + 1, base + i * strides[axis]) }
        }
        walk(0, 0)
        return result
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// The format every element of one array shares (`FloatingFormat`, `IntegerFormat`,
/// `BoolFormat`).
package struct ElementFormat {
    package let values: ElementArray
    package let options: NumPyPrintOptions
    package var float32 = false
    var exponential = false
    package var precision = 8
    var minDigits = 0
    var padLeft = 0
    var padRight = 0
    var expSize = -1
    var keepZeros = false
    var intWidth = 0
    var boolTrue = " True"

    init(values: ElementArray, positions: [Int]?, rank: Int, options: NumPyPrintOptions) {
        self.values = values
        self.options = options
        let shown = positions.map { values.gathered($0) } ?? values
        switch shown {
        case .float32(let v): float32 = true; fillFloat(v.map(Double.init))
        case .float64(let v): fillFloat(v)
        case .int64(let v): fillInt(v.map { String($0) })
        case .int32(let v): fillInt(v.map { String($0) })
        case .uint8(let v): fillInt(v.map { String($0) })
        case .bool: boolTrue = rank == 0 ? "True" : " True"
        }
    }

    private mutating func fillInt(_ texts: [String]) {
        intWidth = texts.map(\.count).max() ?? 0
    }

    private mutating func fillFloat(_ data: [Double]) {
        precision = options.precision
        let finite = data.filter(\.isFinite)
        let nonZero = finite.filter { $0 != 0 }.map(\.magnitude)
        if let maxValue = nonZero.max(), let minValue = nonZero.min() {
            let cutoff = float32 ? 1e6 : 1e8
            if maxValue >= cutoff || (!options.suppress && (minValue < 0.0001 || maxValue / minValue > 1000)) {
                exponential = true
            }
        }
        if finite.isEmpty {
            padLeft = 0
            padRight = 0
            expSize = -1
        } else if exponential {
            let parts = finite.map { NumPyFloatText.scientific($0, float32: float32, precision: precision) }
            expSize = parts.map { String(Swift.abs($0.exponent)).count }.max().map { Swift.max($0, 2) } ?? 2
            precision = parts.map(\.fraction.count).max() ?? 0
            minDigits = precision
            keepZeros = true
            padLeft = parts.map { ($0.negative ? 1 : 0) + $0.first.count }.max() ?? 0
            padRight = expSize + 2 + precision
        } else {
            let parts = finite.map { NumPyFloatText.positional($0, float32: float32, precision: precision) }
            padLeft = parts.map { ($0.negative ? 1 : 0) + $0.integer.count }.max() ?? 0
            padRight = parts.map(\.fraction.count).max() ?? 0
            minDigits = 0
        }
        if finite.count != data.count {
            let negativeInfinity = data.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = Swift.max(padLeft, options.nanText.count - offset, options.infText.count + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    /// The text of element `i` (a row-major position of `values`).
    package func text(at i: Int) -> String {
        switch values {
        case .float32(let v): return floatText(Double(v[i]))
        case .float64(let v): return floatText(v[i])
        case .int64(let v): return pad(String(v[i]), intWidth)
        case .int32(let v): return pad(String(v[i]), intWidth)
        case .uint8(let v): return pad(String(v[i]), intWidth)
        case .bool(let v): return v[i] ? boolTrue : "False"
        }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    private func floatText(_ x: Double) -> String {
        if !x.isFinite {
            let text = x.isNaN ? options.nanText : (x < 0 ? "-" : "") + options.infText
            return pad(text, padLeft + padRight + 1)
        }
        if exponential {
            var p = NumPyFloatText.scientific(x, float32: float32, precision: precision)
            if p.fraction.count < minDigits {
                // Dragon4 with min_digits goes on with the value's exact digits (88.7 as a
                // float32 is 8.8699997e+01 beside eight-digit neighbours), not zeros.
                p = NumPyFloatText.scientific(x, float32: false, precision: minDigits)
                if p.fraction.count < minDigits { p.fraction += String(repeating: "0", count: minDigits - p.fraction.count) }
            }
            let fraction = p.fraction
            let head = (p.negative ? "-" : "") + p.first
            return pad(head, padLeft) + "." + fraction + "e" + NumPyFloatText.exponentText(p.exponent, width: expSize)
        }
        let p = NumPyFloatText.positional(x, float32: float32, precision: precision)
        let head = (p.negative ? "-" : "") + p.integer
        var fraction = p.fraction
        if fraction.count < padRight { fraction += String(repeating: " ", count: padRight - fraction.count) }
        return pad(head, padLeft) + "." + fraction
    }
}
