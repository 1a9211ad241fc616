/// Sums over the rows of a row-major matrix in the order PyTorch's CPU sum over dimension 0
/// uses where it was measured: for 8 to 20 columns and up to 40 rows, four accumulators take
/// the rows by row modulo 4, the rows after the last full group of four go to the first, and
/// the accumulators are added first to last (checked against `sum(0)` for every row count
/// from 1 to 40 and 8, 9, 12, 16, 17 and 20 columns). Other shapes are summed in order,
/// which is not PyTorch's association in general. Used for bias gradients, which PyTorch
/// forms with that sum.
enum ColumnSums {
    /// The measured shapes.
    static let measuredRows = 40
    static let measuredColumns = 8...20

    /// The sums of `rows` rows of `columns` elements into `out` (overwritten).
    static func sum(_ p: UnsafePointer<Float>, rows: Int, columns: Int, into out: UnsafeMutablePointer<Float>) {
        guard measuredColumns.contains(columns), rows >= 4, rows <= measuredRows else {
            for j in 0..<columns {
                var total: Float = 0
                for r in 0..<rows { total += p[r * columns + j] }
                out[j] = total
            }
            return
        }
        let grouped = rows - rows % 4
        for j in 0..<columns {
            var acc: (Float, Float, Float, Float) = (p[j], p[columns + j], p[2 * columns + j], p[3 * columns + j])
            var r = 4
            while r < grouped {
                acc.0 += p[r * columns + j]
                acc.1 += p[(r + 1) * columns + j]
                acc.2 += p[(r + 2) * columns + j]
                acc.3 += p[(r + 3) * columns + j]
                r += 4
            }
            for tail in grouped..<rows { acc.0 += p[tail * columns + j] }
            out[j] = ((acc.0 + acc.1) + acc.2) + acc.3
        }
    }
}
