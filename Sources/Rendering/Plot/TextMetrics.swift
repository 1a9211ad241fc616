/// Font metrics for layout without a font: DejaVu Sans (matplotlib's default) averages
/// about 0.6 em per character, which is close enough to place labels and size the legend.
package enum TextMetrics {
    package static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}
