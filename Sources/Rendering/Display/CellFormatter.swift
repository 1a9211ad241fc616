import Tensors

/// Formats the numbers of one tensor table the way PyTorch chooses a notation for its repr:
/// integers as integers, whole floats as `3.`, others with four decimals, and scientific
/// notation when the shown magnitudes span more than three orders (or are tiny or huge).
/// The choice is made once over every shown value so a column of numbers lines up.
package struct CellFormatter {
    package enum Notation: Equatable { case integer, boolean, wholeFloat, fixed, scientific }
    package let notation: Notation

    package init(shown values: [Double], dtype: DType) {
        switch dtype {
        case .int64, .int32, .uint8:
            notation = .integer
            return
        case .bool:
            notation = .boolean
            return
        case .float32, .float64:
            break
        }
        let finite = values.filter { $0.isFinite && $0 != 0 }.map { Swift.abs($0) }
        guard let lo = finite.min(), let hi = finite.max() else {
            notation = .wholeFloat
            return
        }
        let whole = values.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
        if hi / lo > 1000 || hi > 1e8 || (!whole && lo < 1e-4) {
            notation = .scientific
        } else {
            notation = whole ? .wholeFloat : .fixed
        }
    }

    package func format(_ value: Double) -> String {
        switch notation {
        case .integer: return String(Int64(value))
        case .boolean: return value != 0 ? "True" : "False"
        case .wholeFloat, .fixed, .scientific:
            if value.isNaN { return "nan" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            switch notation {
            case .wholeFloat: return formatDouble(value, "f", precision: 0) + "."
            case .scientific: return formatDouble(value, "e", precision: 4)
            case .fixed, .integer, .boolean: return formatDouble(value, "f", precision: 4)
            }
        }
    }
}
