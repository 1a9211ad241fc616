/// One plotted data set.
package enum Series {
    /// `plot(x, y)`: points joined in order (and/or marked).
    case line(points: [(x: Double, y: Double)], style: SeriesStyle, color: PlotColor)
    /// `scatter(x, y)`: unjoined markers.
    case scatter(points: [(x: Double, y: Double)], style: SeriesStyle, color: PlotColor)
    /// `imshow(values)`: a heatmap, row 0 at the top.
    case image(Heatmap)
}
