import Glibc
import Tensors
import Script

extension NumPyModule {
    static func fillFunctions(_ interpreter: Interpreter, _ ns: inout [String: Value]) throws(ScriptError) {
        var table: [String: Value] = [:]
        func add(_ name: String, _ body: @escaping BuiltinFunction.Body) {
            table[name] = .builtin(BuiltinFunction("numpy." + name, signature: "numpy.\(name)(...)", body))
        }
        for ufunc in NumPyUfunc.allCases {
            add(ufunc.rawValue) { i, a throws(ScriptError) in
                let call = try NumPyUfuncCall(a, ufunc.rawValue, inputs: 1, interpreter: i)
                return try call.run(ufunc.ufuncName, [.array(try i.ndarray(call.inputs[0]))], i) { (operands) throws(ScriptError) in
                    guard case .array(let x) = operands[0] else { throw .typeError("unsupported operand type for \(ufunc.rawValue)") }
                    return try i.numpyChecked(ufunc.ufuncName) { () throws(ScriptError) in try ufunc.apply(x) }
                }
            }
        }
        let binaries: [(String, BinaryOp)] = [("add", .add), ("subtract", .subtract), ("multiply", .multiply), ("divide", .divide),
                                              ("true_divide", .divide), ("floor_divide", .floorDivide), ("mod", .modulo),
                                              ("remainder", .modulo), ("power", .power), ("matmul", .matmul)]
        for (name, op) in binaries {
            add(name) { i, a throws(ScriptError) in
                let call = try NumPyUfuncCall(a, name, inputs: 2, interpreter: i)
                return try call.run(NumPyOut.ufuncName(op), try i.numpyOperands(call.inputs, name), i) { (operands) throws(ScriptError) in
                    try i.numpyChecked(NumPyOut.ufuncName(op)) { () throws(ScriptError) in try NumPyOperations.binary(op, operands[0], operands[1]) }
                }
            }
        }
        for name in ["maximum", "minimum"] {
            add(name) { i, a throws(ScriptError) in
                let call = try NumPyUfuncCall(a, name, inputs: 2, interpreter: i)
                return try call.run(name, try i.numpyOperands(call.inputs, name), i) { (operands) throws(ScriptError) in
                    try extreme(operands[0], operands[1], largest: name == "maximum")
                }
            }
        }
        for kind in [NumPyReduction.sum, .prod, .mean, .std, .var, .max, .min, .all, .any, .argmax, .argmin] {
            let names = kind == .max ? ["max", "amax"] : kind == .min ? ["min", "amin"] : [kind.rawValue]
            for name in names {
                add(name) { i, a throws(ScriptError) in
                    guard let first = a.positional.first else { throw .typeError("\(name)() missing required argument 'a' (pos 1)") }
                    let array = try i.ndarray(first)
                    return try array.callMethod(kind.rawValue, Arguments(Array(a.positional.dropFirst()), keywords: a.keywords), interpreter: i) ?? .none
                }
            }
        }
        for name in ["cumsum", "reshape", "ravel", "transpose", "swapaxes", "squeeze", "argsort", "round", "around", "copy"] {
            add(name) { i, a throws(ScriptError) in
                guard let first = a.positional.first else { throw .typeError("\(name)() missing required argument 'a' (pos 1)") }
                let array = try i.ndarray(first)
                var rest = Arguments(Array(a.positional.dropFirst()), keywords: a.keywords.map { ($0.name == "newshape" ? "shape" : $0.name, $0.value) })
                if name == "reshape", let shape = rest.keyword("shape") { rest = Arguments([shape]) }
                return try array.callMethod(name == "around" ? "round" : name, rest, interpreter: i) ?? .none
            }
        }
        add("sort") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "sort", ["a", "axis", "kind", "order"], required: 1, interpreter: i)
            return .object(try NumPySorting.sort(try args.array("a"), axis: try args.int("axis") ?? -1, i))
        }
        add("unique") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "unique", ["ar", "return_index", "return_inverse", "return_counts", "axis"], required: 1, interpreter: i)
            let index = try args.bool("return_index"), inverse = try args.bool("return_inverse")
            let unsupported = index || inverse || args["axis"] != nil
            if unsupported {
                throw .typeError("unique(): return_index, return_inverse and axis are not provided by Recur's numpy (see docs/NUMPY.md)")
            }
            let (values, counts) = try NumPySorting.unique(try args.array("ar"), counts: true, i)
            return try args.bool("return_counts") ? .tuple([.object(values), .object(counts)]) : .object(values)
        }
        add("expand_dims") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "expand_dims", ["a", "axis"], required: 2, interpreter: i)
            let array = try args.array("a")
            let axis = try NumPyShapes.axis(try args.int("axis") ?? 0, rank: array.rank + 1, i)
            var dims = array.dims
            dims.insert(1, at: axis)
            return .object(try array.reshaped(dims))
        }
        add("where") { i, a throws(ScriptError) in
            try a.expect("where", 1...3)
            let condition = try i.ndarray(a.positional[0]).converted(to: .bool)
            if a.positional.count == 1 {
                return .tuple(try nonzero(condition).map { .object($0) })
            }
            guard a.positional.count == 3, let x = try i.numpyOperand(a.positional[1]), let y = try i.numpyOperand(a.positional[2]) else {
                throw .valueError("either both or neither of x and y should be given")
            }
            let r = try NumPyOperations.resultType([x, y])
            let dims = try NumPyShapes.broadcast([condition.dims, try NumPyOperations.array(x, r).dims, try NumPyOperations.array(y, r).dims])
            let c = NumPyOperations.broadcast(condition, to: dims).elements
            let p = NumPyOperations.broadcast(try NumPyOperations.array(x, r), to: dims).elements
            let q = NumPyOperations.broadcast(try NumPyOperations.array(y, r), to: dims).elements
            guard case .bool(let mask) = c else { return .none }
            let picked = (0..<mask.count).map { mask[$0] ? p.scalar(at: $0) : q.scalar(at: $0) }
            return try NDArray(ElementArray.from(picked, dtype: r), dims).result
        }
        add("nonzero") { i, a throws(ScriptError) in
            try a.expect("nonzero", 1...1)
            return .tuple(try nonzero(try i.ndarray(a.positional[0]).converted(to: .bool)).map { .object($0) })
        }
        add("clip") { i, a throws(ScriptError) in
            if a.keyword("where") != nil {
                throw .typeError("clip(): where= is not provided by Recur's numpy for clip (np.maximum and np.minimum take it; see docs/NUMPY.md)")
            }
            let args = try NumPyArguments(a, "clip", ["a", "a_min", "a_max", "out"], required: 1, interpreter: i)
            let x = try args.array("a")
            let bounds = try [args["a_min"], args["a_max"]].map { (v) throws(ScriptError) in try v.flatMap { (b) throws(ScriptError) in try i.numpyOperand(b) } }
            var result = x
            for (bound, largest) in zip(bounds, [true, false]) {
                guard let bound else { continue }
                result = try extreme(.array(result), bound, largest: largest)
            }
            // With both bounds single values broadcast over the array (a stride of 0), NumPy's
            // clip loop keeps the element itself where it equals a bound (so -0.0 stays -0.0);
            // otherwise it goes through maximum/minimum.
            let single = bounds.allSatisfy { bound in
                guard let bound else { return false }
                guard case .array(let b) = bound else { return true }
                return b.count == 1 && (b.rank == 0 || b.dims != result.dims)
            }
            if single && result.dtype.isFloatingPoint {
                result = try NumPyOperations.elementwise(result, x, dtype: result.dtype, double: { r, v in r == v ? v : r }, integer: { r, _ in r })
            }
            let out = try NumPyOut.ufuncArgument(args["out"])
            return try NumPyOut.ufunc("clip", result, operands: [x.dims] + bounds.compactMap { $0?.dims }, into: out, i)
        }
        for name in ["dot", "outer", "inner"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, name == "inner" ? ["a", "b"] : ["a", "b", "out"], required: 2, interpreter: i)
                var x = try args.array("a"), y = try args.array("b")
                if name == "outer" {
                    x = try x.reshaped([-1, 1])
                    y = try y.reshaped([1, -1])
                    let product = try NumPyOperations.binary(.multiply, .array(x), .array(y))
                    return try NumPyOut.ufunc("multiply", product, operands: [x.dims, y.dims], into: try NumPyOut.ufuncArgument(args["out"]), i)
                }
                let product: NDArray
                if x.rank == 0 || y.rank == 0 {
                    product = try NumPyOperations.binary(.multiply, .array(x), .array(y))
                } else {
                    if name == "inner" && y.rank > 1 { y = try y.transposed(nil, i) }
                    product = try NumPyOperations.binary(.matmul, .array(x), .array(y))
                }
                guard let given = args["out"] else { return product.result }
                // np.dot writes straight into its output, so it takes only the exact array.
                guard case .object(let object) = given, let out = object as? NDArray else { throw .typeError("'out' must be an array") }
                guard out.dtype == product.dtype, out.rank == product.rank, out.tensor.isContiguous else {
                    throw .valueError("output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)")
                }
                guard out.dims == product.dims else { throw .valueError("output array has wrong dimensions") }
                try NumPyOut.store(product, into: out)
                return .object(out)
            }
        }
        for name in ["concatenate", "stack", "vstack", "hstack", "column_stack"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, ["arrays", "axis", "out", "dtype"], required: 1, interpreter: i)
                var arrays = try i.iterate(args["arrays"] ?? .none).map { (v) throws(ScriptError) in try i.ndarray(v) }
                guard !arrays.isEmpty else { throw .valueError("need at least one array to \(name == "stack" ? "stack" : "concatenate")") }
                var axis = try args.int("axis") ?? 0
                switch name {
                case "stack":
                    guard Set(arrays.map(\.dims)).count == 1 else { throw .valueError("all input arrays must have the same shape") }
                    let ax = try NumPyShapes.axis(axis, rank: arrays[0].rank + 1, i)
                    arrays = try arrays.map { (x) throws(ScriptError) in
                        var d = x.dims
                        d.insert(1, at: ax)
                        return try x.reshaped(d)
                    }
                    axis = ax
                case "vstack":
                    arrays = try arrays.map { (x) throws(ScriptError) in x.rank < 2 ? try x.reshaped([1, Swift.max(x.count, 0)]) : x }
                    axis = 0
                case "hstack":
                    axis = arrays.allSatisfy { $0.rank == 1 } ? 0 : 1
                case "column_stack":
                    arrays = try arrays.map { (x) throws(ScriptError) in x.rank < 2 ? try x.reshaped([-1, 1]) : x }
                    axis = 1
                default: break
                }
                return .object(try concatenate(arrays, axis: axis, dtype: try args.dtype(), i))
            }
        }
        add("allclose") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "allclose", ["a", "b", "rtol", "atol", "equal_nan"], required: 2, interpreter: i)
            let x = try args.array("a").converted(to: .float64), y = try args.array("b").converted(to: .float64)
            let dims = try NumPyShapes.broadcast([x.dims, y.dims])
            guard case .float64(let p) = NumPyOperations.broadcast(x, to: dims).elements,
                  case .float64(let q) = NumPyOperations.broadcast(y, to: dims).elements else { return .bool(false) }
            let rtol = try args.double("rtol") ?? 1e-5, atol = try args.double("atol") ?? 1e-8
            let equalNaN = try args.bool("equal_nan")
            let close = zip(p, q).allSatisfy { u, v in
                if u.isNaN || v.isNaN { return equalNaN && u.isNaN && v.isNaN }
                if u.isInfinite || v.isInfinite { return u == v }
                return Swift.abs(u - v) <= atol + rtol * Swift.abs(v)
            }
            return .bool(close)
        }
        add("array_equal") { i, a throws(ScriptError) in
            try a.expect("array_equal", 2...3, keywords: ["equal_nan"])
            let x = try i.ndarray(a.positional[0]), y = try i.ndarray(a.positional[1])
            guard x.dims == y.dims else { return .bool(false) }
            let equal = try NumPyOperations.compare(.equal, .array(x), .array(y))
            guard case .bool(let v)? = equal?.elements else { return .bool(false) }
            return .bool(!v.contains(false))
        }
        add("set_printoptions") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "suppress",
                                                                  "nanstr", "infstr", "formatter", "sign", "floatmode", "legacy"], interpreter: i)
            for name in ["formatter", "sign", "floatmode", "legacy"] where args[name] != nil {
                throw .typeError("set_printoptions(): \(name)= is not provided by Recur's numpy (see docs/NUMPY.md)")
            }
            var options = i.numpy.printOptions
            if let p = try args.int("precision") {
                guard p >= 0 else { throw .valueError("precision must be >= 0") }
                options.precision = Swift.min(p, 1 << 20)
            }
            if let t = args["threshold"] {
                options.threshold = t.numericValue == .infinity ? Int.max : try i.indexValue(t, container: "threshold")
            }
            // Bounded so the printer's arithmetic on them cannot overflow.
            if let e = try args.int("edgeitems") { options.edgeItems = Swift.min(Swift.max(e, 0), 1 << 40) }
            if let w = try args.int("linewidth") { options.lineWidth = Swift.min(Swift.max(w, 1), 1 << 40) }
            if args["suppress"] != nil { options.suppress = try args.bool("suppress") }
            if case .str(let s)? = args["nanstr"] { options.nanText = s }
            if case .str(let s)? = args["infstr"] { options.infText = s }
            i.numpy.printOptions = options
            return .none
        }
        add("get_printoptions") { i, _ throws(ScriptError) in
            let o = i.numpy.printOptions
            let dict = DictObject()
            for (k, v) in [("edgeitems", Value.int(o.edgeItems)), ("threshold", .int(o.threshold)), ("floatmode", .str("maxprec")),
                           ("precision", .int(o.precision)), ("suppress", .bool(o.suppress)), ("linewidth", .int(o.lineWidth)),
                           ("nanstr", .str(o.nanText)), ("infstr", .str(o.infText)), ("sign", .str("-"))] {
                try dict.set(.str(k), v)
            }
            return .dict(dict)
        }
        for name in ["shape", "ndim", "size"] {
            add(name) { i, a throws(ScriptError) in
                try a.expect(name, 1...1)
                return try i.ndarray(a.positional[0]).attribute(name, interpreter: i) ?? .none
            }
        }
        add("isclose") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "isclose", ["a", "b", "rtol", "atol", "equal_nan"], required: 2, interpreter: i)
            let rtol = try args.double("rtol") ?? 1e-5, atol = try args.double("atol") ?? 1e-8
            let x = try args.array("a"), y = try args.array("b")
            return try NumPyOperations.elementwise(x, y, dtype: .float64, output: .bool, double: { u, v in
                u == v || Swift.abs(u - v) <= atol + rtol * Swift.abs(v) ? 1 : 0
            }, integer: { u, v in u == v ? 1 : 0 }).result
        }
        add("diag") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "diag", ["v", "k"], required: 1, interpreter: i)
            let v = try args.array("v")
            // k stays a Python int until NumPy converts it: its limits differ by the input's rank.
            var k = BigInteger(0)
            if let value = args["k"] {
                if let big = value.bigInteger {
                    k = big
                } else if case .float = value {
                    throw .typeError("'float' object cannot be interpreted as an integer")
                } else {
                    k = BigInteger(try i.indexValue(value, container: "int"))
                }
            }
            if v.rank == 1 {
                // NumPy makes zeros((len(v) + abs(k),) * 2): a side past int64 is refused before the
                // size (`filled` refuses a size past it, or past memory).
                guard let n = (BigInteger(v.count) + k.magnitude).intValue, let offset = k.intValue else {
                    throw .valueError("Maximum allowed dimension exceeded")
                }
                let result = try filled([n, n], .int(0), v.dtype)
                let positions = (0..<v.count).map { r in offset >= 0 ? r * n + r + offset : (r - offset) * n + r }
                result.tensor.writeBuffer(v.elements, at: positions)
                return .object(result)
            }
            guard v.rank == 2 else { throw .valueError("Input must be 1- or 2-d.") }
            // ndarray.diagonal reads the offset as a C int.
            guard let offset = k.intValue else { throw ScriptError(.overflowError, "Python int too large to convert to C long") }
            guard offset <= Int(Int32.max) else { throw ScriptError(.overflowError, "signed integer is greater than maximum") }
            guard offset >= Int(Int32.min) else { throw ScriptError(.overflowError, "signed integer is less than minimum") }
            let rows = v.dims[0], cols = v.dims[1]
            let positions = (0..<rows).compactMap { r -> Int? in r + offset >= 0 && r + offset < cols ? r * cols + r + offset : nil }
            return .object(try NDArray(v.elements.gathered(positions), [positions.count]))
        }
        add("argwhere") { i, a throws(ScriptError) in
            try a.expect("argwhere", 1...1)
            let columns = try nonzero(try i.ndarray(a.positional[0]).converted(to: .bool))
            let stacked = try concatenate(columns.map { (c) throws(ScriptError) in try c.reshaped([-1, 1]) }, axis: 1, dtype: .int64, i)
            return .object(stacked)
        }
        fillLayout(&table)
        fillErrorState(interpreter, &table)
        ns.merge(table) { _, new in new }
        ns["random"] = .module(try NumPyRandomModule.module(interpreter))
        ns["exceptions"] = .module(exceptionsModule(interpreter))
    }

    /// `np.maximum` / `np.minimum`: NaN propagates; of equal values the second operand is kept,
    /// as NumPy's vector loops keep it.
    static func extreme(_ x: NumPyOperand, _ y: NumPyOperand, largest: Bool) throws(ScriptError) -> NDArray {
        let r = try NumPyOperations.resultType([x, y])
        let p = try NumPyOperations.array(x, r), q = try NumPyOperations.array(y, r)
        if p.dims == q.dims || p.rank == 0 || q.rank == 0, let values = NumPyKernels.extreme(p.elements, q.elements, largest: largest) {
            return try NDArray(values, p.rank == 0 ? q.dims : p.dims)
        }
        return try NumPyOperations.elementwise(p, q, dtype: r, double: { p, q in
            p.isNaN || q.isNaN ? .nan : largest ? Swift.max(p, q) : Swift.min(p, q)
        }, integer: { p, q in largest ? Swift.max(p, q) : Swift.min(p, q) })
    }

    /// `numpy.exceptions`: AxisError (the other NumPy warnings and errors are not raised by Recur).
    static func exceptionsModule(_ interpreter: Interpreter) -> ModuleObject {
        let module = ModuleObject(name: "numpy.exceptions")
        module.missingAttributeNote = " (Recur provides a subset of NumPy: see docs/NUMPY.md)"
        module.namespace = ["AxisError": .type(interpreter.numpyAxisErrorType)]
        return module
    }

    /// `np.nonzero`: one int64 index array per dimension.
    static func nonzero(_ mask: NDArray) throws(ScriptError) -> [NDArray] {
        guard case .bool(let v) = mask.elements else { return [] }
        let dims = mask.dims.isEmpty ? [1] : mask.dims
        let strides = Shape(dims).strides
        var columns = [[Int64]](repeating: [], count: dims.count)
        for (flat, on) in v.enumerated() where on {
            var rest = flat
            for k in 0..<dims.count {
                columns[k].append(Int64(rest / strides[k]))
                rest %= strides[k]
            }
        }
        return try columns.map { (c) throws(ScriptError) in try NDArray(.int64(c), [c.count]) }
    }

    /// `np.concatenate` along `axis`, promoting the arrays' dtypes.
    static func concatenate(_ arrays: [NDArray], axis: Int, dtype: DType?, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        guard let first = arrays.first else { throw .valueError("need at least one array to concatenate") }
        guard first.rank > 0 else { throw .valueError("zero-dimensional arrays cannot be concatenated") }
        let ax = try NumPyShapes.axis(axis, rank: first.rank, interpreter)
        let target = dtype ?? arrays.map(\.dtype).reduce(first.dtype) { DType.numpyPromoted($0, $1) }
        for (k, x) in arrays.enumerated() {
            guard x.rank == first.rank else {
                throw .valueError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has size \(first.dims.first ?? 0) and the array at index \(k) has size \(x.dims.first ?? 0)")
            }
            for d in 0..<first.rank where d != ax && x.dims[d] != first.dims[d] {
                throw .valueError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.dims[d]) and the array at index \(k) has size \(x.dims[d])")
            }
        }
        let tensors = arrays.map { $0.converted(to: target).tensor }
        return NDArray(try tensorCall { () throws(TensorError) in try Tensor.cat(tensors, dim: ax) })
    }
}
