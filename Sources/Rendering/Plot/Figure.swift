/// A figure: its size and its axes (`plt.figure()`, `plt.subplots()`).
package final class Figure {
    /// matplotlib's default `figsize` (inches) and `dpi`.
    package static let defaultSize = (width: 6.4, height: 4.8)
    package static let defaultDPI = 100.0

    /// `plt.figure(num)`: the number matplotlib shows and the SVG's element ids use.
    package let number: Int
    private(set) var widthInches: Double
    private(set) var heightInches: Double
    private(set) var dpi: Double
    /// Centred above everything (`suptitle`).
    package var superTitle = ""
    /// The axes, in the order they were added.
    package private(set) var axes: [Axes] = []

    /// A figure of matplotlib's default size.
    package init(number: Int) {
        self.number = number
        widthInches = Figure.defaultSize.width
        heightInches = Figure.defaultSize.height
        dpi = Figure.defaultDPI
    }

    /// A figure of the given size (`figsize=`, `dpi=`); at most 4000 pixels a side.
    package init(number: Int, widthInches: Double, heightInches: Double = Figure.defaultSize.height,
         dpi: Double = Figure.defaultDPI) throws(PlotError) {
        guard widthInches.isFinite, heightInches.isFinite, dpi.isFinite,
              widthInches > 0, heightInches > 0, dpi > 0,
              widthInches * dpi <= 4000, heightInches * dpi <= 4000 else {
            throw PlotError("figure size must be positive and at most 4000 pixels a side, got \(widthInches)x\(heightInches) inches at \(dpi) dpi")
        }
        self.number = number
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.dpi = dpi
    }

    /// Width and height in pixels.
    package var pixelWidth: Int { Int((widthInches * dpi).rounded()) }
    package var pixelHeight: Int { Int((heightInches * dpi).rounded()) }

    /// The current axes (`plt.gca()`), created on first use as matplotlib does.
    package func currentAxes() -> Axes {
        if let last = axes.last { return last }
        let created = Axes()
        axes.append(created)
        return created
    }

    /// `plt.subplots()`: a fresh axes added to the figure (laid out left to right).
    package func addAxes() -> Axes {
        let created = Axes()
        axes.append(created)
        return created
    }

    /// `<Figure size 640x480 with 1 Axes>`, matplotlib's repr and the `text/plain` fallback.
    package var plainText: String {
        "<Figure size \(pixelWidth)x\(pixelHeight) with \(axes.count) Axes>"
    }
}
