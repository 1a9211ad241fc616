/// Column sums of a row-major matrix as PyTorch's CPU `sum(0)` forms them (ATen's cascade
/// sum: `CascadeSum`). Used for bias gradients, which PyTorch forms with that sum.
enum ColumnSums {
    /// The sums of `rows` rows of `columns` elements into `out` (overwritten).
    static func sum(_ p: UnsafePointer<Float>, rows: Int, columns: Int, into out: UnsafeMutablePointer<Float>) {
        CascadeSum.columnSums(p, rows: rows, columns: columns, into: out)
    }
}
