import Rendering
import Script
/// `matplotlib.pyplot`'s state machine for one workspace: the open figures, the current
/// one, and the figure numbers. With the inline backend, `show()` (or the end of the cell)
/// displays every open figure once and closes it, so the next plot starts a fresh figure.
package final class PyplotState {
    private(set) var figures: [Figure] = []
    /// The figure `plt.plot` draws into (`plt.gcf()`), if one is open.
    private(set) var current: Figure?
    private var nextNumber = 1

    /// `plt.figure(num=None, figsize=None, dpi=None)`: a new figure, or the open figure
    /// numbered `number`, made current.
    func figure(number: Int? = nil, widthInches: Double? = nil, heightInches: Double? = nil, dpi: Double? = nil) throws(PlotError) -> Figure {
        if let number, let open = figures.first(where: { $0.number == number }) {
            current = open
            return open
        }
        let created = try Figure(number: number ?? nextNumber,
                                 widthInches: widthInches ?? Figure.defaultSize.width,
                                 heightInches: heightInches ?? Figure.defaultSize.height,
                                 dpi: dpi ?? Figure.defaultDPI)
        nextNumber = max(nextNumber, created.number + 1)
        figures.append(created)
        current = created
        return created
    }

    /// `plt.gcf()`: the current figure, created if none is open.
    func currentFigure() -> Figure {
        if let current { return current }
        let created = Figure(number: nextNumber)
        nextNumber += 1
        figures.append(created)
        current = created
        return created
    }

    /// `plt.gca()`: the current figure's current axes (both created on demand).
    func currentAxes() -> Axes { currentFigure().currentAxes() }

    /// `plt.subplots(figsize=None)`: a new figure with one axes.
    func subplots(widthInches: Double? = nil, heightInches: Double? = nil, dpi: Double? = nil) throws(PlotError) -> (Figure, Axes) {
        let created = try figure(widthInches: widthInches, heightInches: heightInches, dpi: dpi)
        return (created, created.addAxes())
    }

    /// `plt.close(fig)` / `plt.close()` (the current figure) / `plt.close('all')`.
    package func close(_ figure: Figure? = nil, all: Bool = false) {
        if all {
            figures = []
        } else if let target = figure ?? current {
            figures.removeAll { $0 === target }
        }
        if let current, !figures.contains(where: { $0 === current }) { self.current = figures.last }
    }

    /// `plt.show()` and the end of a cell: the bundles of every open figure that has axes,
    /// in creation order; all figures are closed.
    package func show() -> [MimeBundle] {
        let shown = figures.filter { !$0.axes.isEmpty }.map { $0.bundle() }
        close(all: true)
        return shown
    }
}
