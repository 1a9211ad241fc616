import Rendering
import Script
/// The drawing calls `plt.X(...)` and `ax.X(...)` share, applied to one `Axes`.
package enum AxesCalls {
    /// Names of the calls, for completion and `dir()`.
    package static let names = ["plot", "scatter", "imshow", "legend", "grid", "set_title", "set_xlabel", "set_ylabel",
                        "set_xlim", "set_ylim", "cla"]

    /// `plot([x], y, [fmt], **style)`; returns the list of lines, as matplotlib does.
    static func plot(_ axes: Axes, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        var positional = arguments.positional
        var format: String?
        if case .str(let f)? = positional.last {
            format = f
            positional.removeLast()
        }
        guard (1...2).contains(positional.count) else {
            throw .typeError("plot() takes [x], y and an optional format string; got \(arguments.positional.count) positional arguments")
        }
        let y = try interpreter.plotValues(positional[positional.count - 1])
        let x = positional.count == 2 ? try interpreter.plotValues(positional[0]) : nil
        let style = try interpreter.seriesStyle(arguments, format: format)
        try plotCall { () throws(PlotError) in try axes.plot(x: x, y: y, style: style) }
        return .list(ListObject([.object(PlotArtistObject(kind: .line))]))
    }

    /// `scatter(x, y, s=None, c=None, marker='o', label=None)`.
    static func scatter(_ axes: Axes, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard arguments.positional.count == 2 else {
            throw .typeError("scatter() missing required positional arguments: 'x' and 'y'")
        }
        let x = try interpreter.plotValues(arguments.positional[0])
        let y = try interpreter.plotValues(arguments.positional[1])
        let style = try interpreter.seriesStyle(arguments, format: nil)
        try plotCall { () throws(PlotError) in try axes.scatter(x: x, y: y, style: style) }
        return .object(PlotArtistObject(kind: .pathCollection))
    }

    /// `imshow(X, cmap=None, vmin=None, vmax=None)`: a heatmap.
    static func imshow(_ axes: Axes, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard let data = arguments.positional.first, arguments.positional.count == 1 else {
            throw .typeError("imshow() takes 1 positional argument but \(arguments.positional.count) were given")
        }
        var heatmap = try interpreter.plotMatrix(data)
        for (name, value) in arguments.keywords {
            switch name {
            case "vmin": if let d = value.numericValue { heatmap.low = d }
            case "vmax": if let d = value.numericValue { heatmap.high = d }
            case "cmap":
                if case .none = value { break }
                guard case .str(let name) = value else {
                    throw .typeError("cmap must be a colormap name (a str), not \(value.typeName)")
                }
                heatmap.colormap = try plotCall { () throws(PlotError) in try Colormap(name: name) }
            case "aspect", "interpolation", "origin", "alpha":
                break
            default:
                throw ScriptError(.attributeError, "AxesImage.set() got an unexpected keyword argument '\(name)'")
            }
        }
        axes.imshow(heatmap)
        return .object(PlotArtistObject(kind: .image))
    }

    /// `legend(loc='best')`.
    static func legend(_ axes: Axes, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        var location = LegendLocation.best
        if let loc = arguments.keyword("loc") {
            let text: String = if case .int(let code) = loc { String(code) } else { try interpreter.str(loc) }
            location = try plotCall { () throws(PlotError) in try LegendLocation.parse(text) }
        }
        axes.legend = location
        return .object(PlotArtistObject(kind: .legend))
    }

    /// `title(text)`, `xlabel(text)`, `ylabel(text)` and their `set_` forms.
    package static func label(_ axes: Axes, _ which: PlotArtistObject.Kind, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard let first = arguments.positional.first ?? arguments.keyword("label") else {
            throw .typeError("missing 1 required positional argument: 'label'")
        }
        let text = try interpreter.str(first)
        switch which {
        case .title: axes.title = text
        case .xLabel: axes.xLabel = text
        case .yLabel: axes.yLabel = text
        case .line, .pathCollection, .image, .legend, .colorbar:
            break
        }
        return .object(PlotArtistObject(kind: which, text: text))
    }

    /// `xlim(left, right)` / `set_xlim((left, right))`; returns the limits.
    package static func limits(_ axes: Axes, x: Bool, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        var bounds = arguments.positional
        if bounds.count == 1 { bounds = try interpreter.iterate(bounds[0]) }
        if let left = arguments.keyword(x ? "left" : "bottom") { bounds = [left, bounds.count > 1 ? bounds[1] : .none] }
        if let right = arguments.keyword(x ? "right" : "top") { bounds = [bounds.first ?? .none, right] }
        if bounds.count == 2, let low = bounds[0].numericValue, let high = bounds[1].numericValue {
            if x { axes.xLimits = (low, high) } else { axes.yLimits = (low, high) }
            return .tuple([.float(low), .float(high)])
        }
        guard bounds.isEmpty else { throw .typeError("limits must be two numbers") }
        let current = x ? axes.xLimits : axes.yLimits
        return current.map { .tuple([.float($0.low), .float($0.high)]) } ?? .none
    }

    /// The `ax.X(...)` methods.
    package static func call(_ name: String, on axes: Axes, _ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "plot": return try plot(axes, arguments, interpreter)
        case "scatter": return try scatter(axes, arguments, interpreter)
        case "imshow": return try imshow(axes, arguments, interpreter)
        case "legend": return try legend(axes, arguments, interpreter)
        case "set_title": return try label(axes, .title, arguments, interpreter)
        case "set_xlabel": return try label(axes, .xLabel, arguments, interpreter)
        case "set_ylabel": return try label(axes, .yLabel, arguments, interpreter)
        case "set_xlim": return try limits(axes, x: true, arguments, interpreter)
        case "set_ylim": return try limits(axes, x: false, arguments, interpreter)
        case "grid":
            axes.showsGrid = try interpreter.truth(arguments.positional.first ?? arguments.keyword("visible") ?? .bool(true))
            return Value.none
        case "cla":
            axes.clear()
            return Value.none
        default: return nil
        }
    }
}

/// What drawing calls return (`Line2D`, `Text`, ...): printed as matplotlib prints them.
package final class PlotArtistObject: ScriptObject {
    package enum Kind { case line, pathCollection, image, legend, colorbar, title, xLabel, yLabel }
    package let kind: Kind
    package let text: String

    init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    package var typeName: String {
        switch kind {
        case .line: "Line2D"
        case .pathCollection: "PathCollection"
        case .image: "AxesImage"
        case .legend: "Legend"
        case .colorbar: "Colorbar"
        case .title, .xLabel, .yLabel: "Text"
        }
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        let quoted = PythonString.repr(text)
        switch kind {
        case .title: return "Text(0.5, 1.0, \(quoted))"
        case .xLabel: return "Text(0.5, 0, \(quoted))"
        case .yLabel: return "Text(0, 0.5, \(quoted))"
        case .line: return "<matplotlib.lines.Line2D object at \(addressText(of: self))>"
        case .pathCollection: return "<matplotlib.collections.PathCollection object at \(addressText(of: self))>"
        case .image: return "<matplotlib.image.AxesImage object at \(addressText(of: self))>"
        case .legend: return "<matplotlib.legend.Legend object at \(addressText(of: self))>"
        case .colorbar: return "<matplotlib.colorbar.Colorbar object at \(addressText(of: self))>"
        }
    }
}
