import Tensors
import Rendering
import Script

extension ScriptError {
    /// A plotting error as the `ValueError` matplotlib raises.
    package init(_ error: PlotError) {
        self.init(.valueError, error.message)
    }
}

/// Runs a plot-model call, turning its error into the Python exception.
func plotCall<T>(_ body: () throws(PlotError) -> T) throws(ScriptError) -> T {
    do {
        return try body()
    } catch {
        throw ScriptError(error)
    }
}

extension Interpreter {
    /// The workspace's `matplotlib.pyplot` state, made on first use.
    var pyplot: PyplotState {
        let key = ObjectIdentifier(PyplotState.self)
        if let state = workspace.extensions[key] as? PyplotState { return state }
        let state = PyplotState()
        workspace.extensions[key] = state
        return state
    }

    /// Data for a plot axis: a list, tuple or range of numbers, or a tensor or NumPy array
    /// (flattened). Like matplotlib (which calls `numpy()`), a tensor that requires grad is refused.
    func plotValues(_ value: Value) throws(ScriptError) -> [Double] {
        if case .object(let object) = value, let tensor = (object as? Tensor) ?? (object as? NDArray)?.tensor {
            guard !tensor.requiresGrad else {
                throw ScriptError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            return tensor.floats.map(Double.init)
        }
        var result: [Double] = []
        for item in try iterate(value) {
            if let d = item.numericValue {
                result.append(d)
            } else if case .object(let object) = item, let d = try object.floatValue(interpreter: self) {
                result.append(d)
            } else {
                throw .typeError("float() argument must be a string or a real number, not '\(item.typeName)'")
            }
        }
        return result
    }

    /// A 2-d array for `imshow`: a 2-d tensor or NumPy array, or a list of equally long rows.
    func plotMatrix(_ value: Value) throws(ScriptError) -> Heatmap {
        if case .object(let object) = value, let tensor = (object as? Tensor) ?? (object as? NDArray)?.tensor {
            guard !tensor.requiresGrad else {
                throw ScriptError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            let dims = tensor.shape.dims
            guard dims.count == 2 || (dims.count == 1 && !dims.isEmpty) else {
                throw .typeError("Invalid shape \(tensor.shape.tupleDescription) for image data")
            }
            let rows = dims.count == 2 ? dims[0] : 1
            let columns = dims.count == 2 ? dims[1] : dims[0]
            return try plotCall { () throws(PlotError) in try Heatmap(values: tensor.floats.map(Double.init), rows: rows, columns: columns) }
        }
        let rows = try iterate(value)
        var values: [Double] = []
        var columns: Int?
        for row in rows {
            let items = try plotValues(row)
            if let columns, columns != items.count {
                throw .valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.")
            }
            columns = items.count
            values += items
        }
        return try plotCall { () throws(PlotError) in try Heatmap(values: values, rows: rows.count, columns: columns ?? 0) }
    }

    /// The style keywords `plot` and `scatter` share: `label`, `color`/`c`, `linestyle`/`ls`,
    /// `marker`, `linewidth`/`lw`, `markersize`/`ms`.
    func seriesStyle(_ arguments: Arguments, format: String?) throws(ScriptError) -> SeriesStyle {
        var style = SeriesStyle()
        if let format { try plotCall { () throws(PlotError) in try style.apply(format: format) } }
        for (name, value) in arguments.keywords {
            switch name {
            case "label": style.label = value.isNone ? nil : try str(value)
            case "color", "c":
                if !value.isNone { style.color = try plotCall { () throws(PlotError) in try PlotColor.parse(try value.asStringOrPlotError(name)) } }
            case "linestyle", "ls":
                style.lineStyle = try plotCall { () throws(PlotError) in try LineStyle.parse(try value.asStringOrPlotError(name)) }
            case "marker":
                style.marker = value.isNone ? nil : try plotCall { () throws(PlotError) in try Marker.parse(try value.asStringOrPlotError(name)) }
            case "linewidth", "lw": style.lineWidth = try positive(value, name)
            case "markersize", "ms": style.markerSize = try positive(value, name)
            case "s": style.markerSize = (try positive(value, name)).squareRoot()
            case "alpha", "zorder", "cmap", "edgecolors", "edgecolor", "antialiased", "drawstyle":
                break
            default:
                throw ScriptError(.attributeError, "Line2D.set() got an unexpected keyword argument '\(name)'")
            }
        }
        return style
    }

    private func positive(_ value: Value, _ name: String) throws(ScriptError) -> Double {
        guard let d = value.numericValue, d.isFinite, d >= 0, d <= 1000 else {
            throw .valueError("\(name) must be a number between 0 and 1000")
        }
        return d
    }
}

extension Value {
    /// A string argument of a plot call, or the `ValueError` matplotlib gives for others.
    fileprivate func asStringOrPlotError(_ name: String) throws(PlotError) -> String {
        guard case .str(let s) = self else { throw PlotError("\(name) must be a string, not \(typeName)") }
        return s
    }
}
