/// A 2-d grid of values drawn as coloured cells (`imshow`).
package struct Heatmap: Equatable {
    package let rows: Int
    package let columns: Int
    /// Row-major values, `rows * columns` of them.
    package let values: [Double]
    /// The values mapped to the scale's ends (`vmin=`, `vmax=`); default the finite extremes.
    package var low: Double
    package var high: Double
    /// The colours values map to (`cmap=`).
    package var colormap = Colormap.viridis

    package init(values: [Double], rows: Int, columns: Int, low: Double? = nil, high: Double? = nil) throws(PlotError) {
        guard rows > 0, columns > 0, values.count == rows * columns else {
            throw PlotError("Invalid shape (\(rows), \(columns)) for image data")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
        let finite = values.filter(\.isFinite)
        self.low = low ?? finite.min() ?? 0
        self.high = high ?? finite.max() ?? 1
    }

    package func value(row: Int, column: Int) -> Double { values[row * columns + column] }
}
