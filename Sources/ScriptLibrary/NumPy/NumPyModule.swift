import Glibc
import Tensors
import Script

/// Fills `numpy`: arrays, creation, math, reductions, shape functions, `np.random`.
package enum NumPyModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let state = interpreter.numpy
        var ns: [String: Value] = [:]
        func add(_ name: String, _ body: @escaping BuiltinFunction.Body) {
            ns[name] = .builtin(BuiltinFunction("numpy." + name, signature: "numpy.\(name)(...)", body))
        }
        let ndarrayType = TypeObject(name: "ndarray", bases: [interpreter.types.object], kind: .builtin,
                                     constructor: BuiltinFunction("ndarray") { i, a throws(ScriptError) in
                                         let args = try NumPyArguments(a, "ndarray", ["shape", "dtype"], required: 1, interpreter: i)
                                         return .object(try filled(try args.shape("shape"), .int(0), try args.dtype() ?? .float64))
                                     }, module: "numpy")
        interpreter.types.registerNative(ndarrayType, forTypeName: "numpy.ndarray")
        state.ndarrayType = ndarrayType
        ns["ndarray"] = .type(ndarrayType)
        for dtype in DType.allCases {
            let type = Value.type(state.scalarType(dtype, base: interpreter.types.object))
            ns[dtype == .bool ? "bool" : dtype.name] = type
        }
        ns["bool_"] = ns["bool"]
        ns["True_"] = NumPyScalar(.bool, .bool(true)).value
        ns["False_"] = NumPyScalar(.bool, .bool(false)).value
        ns["double"] = ns["float64"]
        ns["float_"] = ns["float64"]
        ns["int_"] = ns["int64"]
        ns["intc"] = ns["int32"]
        ns["pi"] = .float(Double.pi)
        ns["e"] = .float(M_E)
        ns["inf"] = .float(.infinity)
        ns["nan"] = .float(.nan)
        ns["newaxis"] = Value.none
        ns["__version__"] = .str("2.4.0")

        ns["dtype"] = .type(state.dtypeType(interpreter))
        for name in ["array", "asarray"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, ["object", "dtype", "copy", "order", "ndmin"], required: 1, interpreter: i)
                let source = args["object"] ?? .none
                var result = try i.ndarray(source, dtype: try args.dtype())
                let copy = name == "array" ? try args.bool("copy", true) : false
                if copy, case .object(let o) = source, let s = o as? NDArray, s === result { result = result.copied() }
                if case .object(let o) = source, o is Tensor, name == "array" { result = result.copied() }
                if let ndmin = try args.int("ndmin"), ndmin > result.rank {
                    result = try result.reshaped(Array(repeating: 1, count: ndmin - result.rank) + result.dims)
                }
                return .object(result)
            }
        }
        for (name, value) in [("zeros", ScalarValue.int(0)), ("ones", .int(1)), ("empty", .int(0))] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, ["shape", "dtype", "order"], required: 1, interpreter: i)
                return .object(try filled(try args.shape("shape"), value, try args.dtype() ?? .float64))
            }
            add(name + "_like") { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name + "_like", ["a", "dtype", "order", "subok", "shape"], required: 1, interpreter: i)
                let like = try args.array("a")
                return .object(try filled(args["shape"] == nil ? like.dims : try args.shape("shape"), value, try args.dtype() ?? like.dtype))
            }
        }
        add("full") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "full", ["shape", "fill_value", "dtype", "order"], required: 2, interpreter: i)
            let fill = try i.ndarray(args["fill_value"] ?? .none)
            let dtype = try args.dtype() ?? fill.dtype
            let dims = try args.shape("shape")
            _ = try NumPyShapes.checkedCount(dims, dtype: dtype)
            return .object(try NumPyOperations.filling(fill.converted(to: dtype), into: dims))
        }
        add("full_like") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "full_like", ["a", "fill_value", "dtype"], required: 2, interpreter: i)
            let like = try args.array("a")
            let dtype = try args.dtype() ?? like.dtype
            let fill = try i.ndarray(args["fill_value"] ?? .none).converted(to: dtype)
            return .object(try NumPyOperations.filling(fill, into: like.dims))
        }
        add("arange") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "arange", ["start", "stop", "step", "dtype"], required: 1, interpreter: i)
            let first = args["start"] ?? .int(0)
            let (start, stop) = args["stop"] == nil ? (Value.int(0), first) : (first, args["stop"] ?? .none)
            let step = args["step"] ?? .int(1)
            // NumPy computes (stop - start) / step on what it was given: a tuple is refused by
            // name, a list fails in that arithmetic, an array of several values in its truth.
            for v in [start, stop, step] {
                if case .tuple = v { throw .typeError("arange: scalar arguments expected instead of a tuple.") }
            }
            if case .list = start { throw .typeError("unsupported operand type(s) for -: '\(stop.typeName)' and 'list'") }
            if case .list = stop { throw .typeError("unsupported operand type(s) for -: 'list' and '\(start.typeName)'") }
            if case .list = step {
                let isFloat = { (v: Value) in if case .float = v { return true } else { return false } }
                let difference = isFloat(start) || isFloat(stop) ? "float" : "int"
                throw .typeError("unsupported operand type(s) for /: '\(difference)' and 'list'")
            }
            let numbers = try [start, stop, step].map { (v) throws(ScriptError) in try i.ndarray(v) }
            for number in numbers where !number.dims.isEmpty {
                if number.elements.count == 1 { throw .typeError("only 0-dimensional arrays can be converted to Python scalars") }
                throw .valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
            }
            let found = numbers.map(\.dtype).reduce(DType.bool) { DType.numpyPromoted($0, $1) }
            let dtype = try args.dtype() ?? (found == .bool ? .int64 : found)
            let s = numbers.map { $0.elements.scalar(at: 0).doubleValue }
            guard s[2] != 0 else { throw .zeroDivision("division by zero") }
            let span = ((s[1] - s[0]) / s[2]).rounded(.up)
            guard span.isFinite else { throw .valueError("arange: cannot compute length") }
            guard span < 1e15 else { throw .valueError("Maximum allowed size exceeded") }
            let length = Swift.max(0, Int(span))
            _ = try NumPyShapes.checkedCount([length], dtype: dtype)
            if dtype.integerRange != nil, found.integerRange != nil || found == .bool {
                let b = numbers.map { $0.elements.scalar(at: 0).int64Value }
                return .object(try NDArray(ElementArray.int64((0..<length).map { b[0] + Int64($0) * b[2] }).converted(to: dtype), [length]))
            }
            return .object(try NDArray(ElementArray.float64((0..<length).map { s[0] + Double($0) * s[2] }).converted(to: dtype), [length]))
        }
        add("linspace") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "linspace", ["start", "stop", "num", "endpoint", "retstep", "dtype", "axis"], required: 2, interpreter: i)
            guard let start = try args.double("start"), let stop = try args.double("stop") else { throw .typeError("linspace() needs start and stop") }
            let num = try args.int("num") ?? 50
            guard num >= 0 else { throw .valueError("Number of samples, \(num), must be non-negative.") }
            _ = try NumPyShapes.checkedCount([num], dtype: .float64)
            let endpoint = try args.bool("endpoint", true)
            let div = endpoint ? num - 1 : num
            let delta = stop - start
            let step = div > 0 ? delta / Double(div) : .nan
            var values = (0..<num).map { k -> Double in
                div > 0 ? (step == 0 ? Double(k) / Double(div) * delta : Double(k) * step) + start : Double(k) * delta + start
            }
            if endpoint && num > 1 { values[num - 1] = stop }
            let result = try NDArray(.float64(values), [num]).converted(to: try args.dtype() ?? .float64)
            if try args.bool("retstep") { return .tuple([.object(result), .float(step)]) }
            return .object(result)
        }
        for name in ["eye", "identity"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, name == "eye" ? ["N", "M", "k", "dtype"] : ["n", "dtype"], required: 1, interpreter: i)
                let n = try args.int(name == "eye" ? "N" : "n") ?? 0
                let m = try args.int("M") ?? n
                let k = try args.int("k") ?? 0
                let dtype = try args.dtype() ?? .float64
                let total = try NumPyShapes.checkedCount([n, m], dtype: dtype)
                var values = [Double](repeating: 0, count: total)
                // Only the rows the diagonal crosses: r from -k (when k < 0) while r + k < m.
                let first = k >= 0 ? 0 : min(n, Int(clamping: k.magnitude))
                let (limit, overflow) = m.subtractingReportingOverflow(k)
                let last = overflow ? n : min(n, max(limit, 0))
                if first < last { for r in first..<last { values[r * m + r + k] = 1 } }
                return .object(try NDArray(ElementArray.float64(values).converted(to: dtype), [n, m]))
            }
        }
        try fillFunctions(interpreter, &ns)
        module.namespace.merge(ns) { _, new in new }
        module.missingAttributeNote = " (Recur provides a subset of NumPy: see docs/NUMPY.md)"
    }

    /// An array of `dims` filled with `value`.
    static func filled(_ dims: [Int], _ value: ScalarValue, _ dtype: DType) throws(ScriptError) -> NDArray {
        let count = try NumPyShapes.checkedCount(dims, dtype: dtype)
        return try NDArray(ElementArray.filled(value, count: count, dtype: dtype), dims)
    }

    /// Element arrays of one dtype joined end to end.
    package static func joined(_ parts: [ElementArray], dtype: DType) throws(ScriptError) -> ElementArray {
        var scalars: [ScalarValue] = []
        for p in parts { for k in 0..<p.count { scalars.append(p.scalar(at: k)) } }
        return ElementArray.from(scalars, dtype: dtype)
    }

    /// `np.round(a, decimals)`: half to even, as NumPy's.
    package static func rounded(_ a: NDArray, decimals: Int, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        if a.dtype == .bool && decimals != 0 { throw interpreter.numpyOutputCastError("multiply", from: .float64, to: .bool) }
        guard a.dtype.isFloatingPoint else { return a.copied() }
        let scale = Glibc.pow(10.0, Double(decimals.magnitude))
        let f: (Double) -> Double = { x in
            decimals >= 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale
        }
        switch a.elements {
        case .float64(let v): return try NDArray(.float64(v.map(f)), a.dims)
        case .float32(let v): return try NDArray(.float32(v.map { Float(f(Double($0))) }), a.dims)
        case .int64, .int32, .uint8, .bool: return a
        }
    }
}
