import Rendering
import Script
/// `matplotlib.pyplot` over the workspace's `PyplotState`, drawing with Recur's SVG
/// renderer. With the inline backend's behaviour: `plt.show()`, or the end of the cell,
/// displays every open figure once and closes it.
package enum PyplotModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ body: @escaping (Interpreter, Arguments) throws(ScriptError) -> Value) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "matplotlib.pyplot.\(signature)", body))
        }
        add("figure", "figure(num=None, figsize=None, dpi=None)") { interpreter, a throws(ScriptError) in
            let size = try figureSize(a, interpreter)
            let number = a.positional.first?.intLike ?? a.keyword("num")?.intLike
            let figure = try plotCall { () throws(PlotError) in
                try interpreter.pyplot.figure(number: number, widthInches: size?.0, heightInches: size?.1, dpi: a.keyword("dpi")?.numericValue)
            }
            return .object(FigureObject(figure))
        }
        add("subplots", "subplots(nrows=1, ncols=1, figsize=None)") { interpreter, a throws(ScriptError) in
            let rows = a.positional.first?.intLike ?? a.keyword("nrows")?.intLike ?? 1
            let columns = (a.positional.count > 1 ? a.positional[1].intLike : nil) ?? a.keyword("ncols")?.intLike ?? 1
            guard rows == 1, (1...Figure.maxAxes).contains(columns) else {
                throw ScriptError(.notImplementedError, "Recur draws subplots in one row of at most \(Figure.maxAxes) axes")
            }
            let size = try figureSize(a, interpreter)
            let (figure, first) = try plotCall { () throws(PlotError) in
                try interpreter.pyplot.subplots(widthInches: size?.0, heightInches: size?.1, dpi: a.keyword("dpi")?.numericValue)
            }
            var axes: [Value] = [.object(AxesObject(first))]
            for _ in 1..<columns { axes.append(.object(AxesObject(figure.addAxes()))) }
            return .tuple([.object(FigureObject(figure)), columns == 1 ? axes[0] : .list(ListObject(axes))])
        }
        add("gcf", "gcf()") { interpreter, _ throws(ScriptError) in .object(FigureObject(interpreter.pyplot.currentFigure())) }
        add("gca", "gca()") { interpreter, _ throws(ScriptError) in .object(AxesObject(interpreter.pyplot.currentAxes())) }
        add("plot", "plot(*args, scalex=True, scaley=True, data=None, **kwargs)") { interpreter, a throws(ScriptError) in
            try AxesCalls.plot(interpreter.pyplot.currentAxes(), a, interpreter)
        }
        add("scatter", "scatter(x, y, s=None, c=None, marker=None, **kwargs)") { interpreter, a throws(ScriptError) in
            try AxesCalls.scatter(interpreter.pyplot.currentAxes(), a, interpreter)
        }
        add("imshow", "imshow(X, cmap=None, vmin=None, vmax=None, **kwargs)") { interpreter, a throws(ScriptError) in
            try AxesCalls.imshow(interpreter.pyplot.currentAxes(), a, interpreter)
        }
        add("legend", "legend(loc='best')") { interpreter, a throws(ScriptError) in
            try AxesCalls.legend(interpreter.pyplot.currentAxes(), a, interpreter)
        }
        add("title", "title(label)") { interpreter, a throws(ScriptError) in
            try AxesCalls.label(interpreter.pyplot.currentAxes(), .title, a, interpreter)
        }
        add("xlabel", "xlabel(xlabel)") { interpreter, a throws(ScriptError) in
            try AxesCalls.label(interpreter.pyplot.currentAxes(), .xLabel, a, interpreter)
        }
        add("ylabel", "ylabel(ylabel)") { interpreter, a throws(ScriptError) in
            try AxesCalls.label(interpreter.pyplot.currentAxes(), .yLabel, a, interpreter)
        }
        add("xlim", "xlim(left=None, right=None)") { interpreter, a throws(ScriptError) in
            try AxesCalls.limits(interpreter.pyplot.currentAxes(), x: true, a, interpreter)
        }
        add("ylim", "ylim(bottom=None, top=None)") { interpreter, a throws(ScriptError) in
            try AxesCalls.limits(interpreter.pyplot.currentAxes(), x: false, a, interpreter)
        }
        add("grid", "grid(visible=None)") { interpreter, a throws(ScriptError) in
            try AxesCalls.call("grid", on: interpreter.pyplot.currentAxes(), a, interpreter) ?? .none
        }
        add("colorbar", "colorbar()") { interpreter, _ throws(ScriptError) in
            interpreter.pyplot.currentAxes().showsColorbar = true
            return .object(PlotArtistObject(kind: .colorbar))
        }
        add("suptitle", "suptitle(t)") { interpreter, a throws(ScriptError) in
            let figure = interpreter.pyplot.currentFigure()
            figure.superTitle = try interpreter.str(a.positional.first ?? .str(""))
            return .object(PlotArtistObject(kind: .title, text: figure.superTitle))
        }
        add("tight_layout", "tight_layout()") { _, _ throws(ScriptError) in .none }
        add("show", "show()") { interpreter, _ throws(ScriptError) in
            flush(interpreter)
            return .none
        }
        add("close", "close(fig=None)") { interpreter, a throws(ScriptError) in
            let target = a.positional.first
            if case .str("all")? = target {
                interpreter.pyplot.close(all: true)
            } else if case .object(let object)? = target, let figure = object as? FigureObject {
                interpreter.pyplot.close(figure.figure)
            } else {
                interpreter.pyplot.close()
            }
            return .none
        }
    }

    /// Shows every open figure (`plt.show()`; also run when a cell ends).
    package static func flush(_ interpreter: Interpreter) {
        let key = ObjectIdentifier(PyplotState.self)
        guard let state = interpreter.workspace.extensions[key] as? PyplotState else { return }
        for bundle in state.show() { interpreter.host.display(bundle, displayID: nil, isUpdate: false) }
    }

    /// `figsize=(w, h)` in inches, if given.
    private static func figureSize(_ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> (Double, Double)? {
        guard let value = arguments.keyword("figsize"), !value.isNone else { return nil }
        let items = try interpreter.iterate(value)
        guard items.count == 2, let width = items[0].numericValue, let height = items[1].numericValue else {
            throw .valueError("figsize must be a pair of numbers (width, height) in inches")
        }
        return (width, height)
    }
}
