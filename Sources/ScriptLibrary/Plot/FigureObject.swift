import Rendering
import Script
/// A figure as a script value (`fig` of `fig, ax = plt.subplots()`): prints as
/// `<Figure size 640x480 with 1 Axes>` and displays as its SVG.
package final class FigureObject: ScriptObject {
    let figure: Figure
    init(_ figure: Figure) { self.figure = figure }

    package var typeName: String { "Figure" }
    package var attributeNames: [String] { ["axes", "number", "suptitle", "gca", "add_subplot", "colorbar", "tight_layout", "show"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { figure.plainText }

    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] {
        figure.axes.isEmpty ? [] : [("image/svg+xml", figure.svg())]
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "axes": return .list(ListObject(figure.axes.map { .object(AxesObject($0)) }))
        case "number": return .int(figure.number)
        default: return nil
        }
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "suptitle":
            figure.superTitle = try interpreter.str(arguments.positional.first ?? .str(""))
            return .object(PlotArtistObject(kind: .title, text: figure.superTitle))
        case "gca":
            try arguments.expect("gca", 0...0)
            return .object(AxesObject(figure.currentAxes()))
        case "add_subplot":
            // One axes per figure from add_subplot: only the single-cell grid is meaningful here.
            let whole = arguments.positional.isEmpty && arguments.keywords.isEmpty
                || arguments.keywords.isEmpty && (arguments.positional.map(\.intLike) == [111] || arguments.positional.map(\.intLike) == [1, 1, 1])
            guard whole else {
                throw ScriptError(.notImplementedError, "Figure.add_subplot() in Recur makes the figure's single axes (111); use plt.subplots(1, n) for a row of axes")
            }
            return .object(AxesObject(figure.currentAxes()))
        case "colorbar":
            figure.currentAxes().showsColorbar = true
            return .object(PlotArtistObject(kind: .colorbar))
        case "tight_layout":
            return Value.none
        case "show":
            interpreter.host.display(figure.bundle(), displayID: nil, isUpdate: false)
            return Value.none
        default:
            return nil
        }
    }
}

/// An axes as a script value (`ax`): `ax.plot(...)`, `ax.set_title(...)`, ...
package final class AxesObject: ScriptObject {
    let axes: Axes
    init(_ axes: Axes) { self.axes = axes }

    package var typeName: String { "Axes" }
    package var attributeNames: [String] { AxesCalls.names }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<Axes: >" }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try AxesCalls.call(name, on: axes, arguments, interpreter)
    }
}
