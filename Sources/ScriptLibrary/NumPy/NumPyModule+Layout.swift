import Tensors
import Script

extension NumPyModule {
    /// `split`, `array_split`, `tile`, `repeat`, `meshgrid`, and the file functions.
    static func fillLayout(_ ns: inout [String: Value]) {
        func add(_ name: String, _ body: @escaping BuiltinFunction.Body) {
            ns[name] = .builtin(BuiltinFunction("numpy." + name, signature: "numpy.\(name)(...)", body))
        }
        for name in ["split", "array_split"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, ["ary", "indices_or_sections", "axis"], required: 2, interpreter: i)
                let array = try args.array("ary")
                let axis = try NumPyShapes.axis(try args.int("axis") ?? 0, rank: array.rank, i)
                let length = array.dims[axis]
                var bounds: [Int]
                let spec = args["indices_or_sections"] ?? .none
                if let sections = spec.intLike {
                    guard sections > 0 else { throw .valueError("number sections must be larger than 0.") }
                    if name == "split" && length % sections != 0 { throw .valueError("array split does not result in an equal division") }
                    _ = try NumPyShapes.checkedCount([sections], dtype: .int64)
                    let each = length / sections, extra = length % sections
                    bounds = [0]
                    for k in 0..<sections { bounds.append(bounds[k] + each + (k < extra ? 1 : 0)) }
                } else {
                    bounds = [0] + (try i.numpyShape(spec)) + [length]
                }
                var parts: [Value] = []
                for k in 0..<(bounds.count - 1) {
                    var key = [Value](repeating: .object(SliceObject(lower: .none, upper: .none, step: .none)), count: axis)
                    key.append(.object(SliceObject(lower: .int(bounds[k]), upper: .int(bounds[k + 1]), step: .none)))
                    parts.append(try array.subscripted(key, interpreter: i))
                }
                return .list(ListObject(parts))
            }
        }
        add("tile") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "tile", ["A", "reps"], required: 2, interpreter: i)
            var array = try args.array("A")
            var reps = try i.numpyShape(args["reps"] ?? .none)
            if reps.count < array.rank { reps = Array(repeating: 1, count: array.rank - reps.count) + reps }
            if array.rank < reps.count { array = try array.reshaped(Array(repeating: 1, count: reps.count - array.rank) + array.dims) }
            guard !reps.contains(where: { $0 < 0 }) else { throw .valueError("negative dimensions are not allowed") }
            _ = try NumPyShapes.checkedCount(array.dims + reps, dtype: array.dtype)
            return .object(NDArray(try tensorCall { () throws(TensorError) in try array.tensor.repeated(reps) }))
        }
        add("repeat") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "repeat", ["a", "repeats", "axis"], required: 2, interpreter: i)
            var array = try args.array("a")
            let axisArgument = try args.int("axis")
            if axisArgument == nil { array = try array.reshaped([-1]) }
            let axis = try NumPyShapes.axis(axisArgument ?? 0, rank: array.rank, i)
            let length = array.dims[axis]
            let given = try i.ndarray(args["repeats"] ?? .none).converted(to: .int64)
            guard case .int64(var counts) = given.elements else { return .none }
            if counts.count == 1 { counts = Array(repeating: counts[0], count: length) }
            guard counts.count == length else {
                throw .valueError("operands could not be broadcast together with shape (\(length),) (\(counts.count),)")
            }
            guard !counts.contains(where: { $0 < 0 }) else { throw .valueError("repeats may not contain negative values.") }
            var picks: [Int64] = []
            var total = 0
            for c in counts {
                let (sum, overflow) = total.addingReportingOverflow(Int(c))
                guard !overflow else { throw .valueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.") }
                total = sum
            }
            _ = try NumPyShapes.checkedCount([total], dtype: .int64)
            for (k, c) in counts.enumerated() { picks += Array(repeating: Int64(k), count: Int(c)) }
            var key = [Value](repeating: .object(SliceObject(lower: .none, upper: .none, step: .none)), count: axis)
            key.append(.object(try NDArray(.int64(picks), [picks.count])))
            return try array.subscripted(key, interpreter: i)
        }
        add("meshgrid") { i, a throws(ScriptError) in
            try a.expect("meshgrid", 0...32, keywords: ["indexing", "sparse", "copy"])
            let inputs = try a.positional.map { (v) throws(ScriptError) in try i.ndarray(v).reshaped([-1]) }
            var xy = true
            if let indexing = a.keyword("indexing") {
                guard case .str(let s) = indexing, s == "xy" || s == "ij" else { throw .valueError("Valid values for `indexing` are 'xy' and 'ij'.") }
                xy = s == "xy"
            }
            var dims = inputs.map(\.count)
            if xy && dims.count > 1 { dims.swapAt(0, 1) }
            _ = try NumPyShapes.checkedCount(dims, dtype: inputs.first?.dtype ?? .float64)
            var outputs: [Value] = []
            for (k, input) in inputs.enumerated() {
                var shape = [Int](repeating: 1, count: inputs.count)
                let position = xy && inputs.count > 1 && k < 2 ? 1 - k : k
                shape[position] = input.count
                let placed = try input.reshaped(shape)
                outputs.append(.object(NumPyOperations.broadcast(placed, to: dims).copied()))
            }
            return .tuple(outputs)
        }
        add("save") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "save", ["file", "arr", "allow_pickle", "fix_imports"], required: 2, interpreter: i)
            guard case .str(var path)? = args["file"] else { throw .typeError("np.save(): file must be a path (str)") }
            if !path.hasSuffix(".npy") { path += ".npy" }
            try NumPyFile.writeAll(NumPyFile.encode(try args.array("arr")), path)
            return .none
        }
        add("load") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "load", ["file", "mmap_mode", "allow_pickle", "fix_imports", "encoding"], required: 1, interpreter: i)
            guard case .str(let path)? = args["file"] else { throw .typeError("np.load(): file must be a path (str)") }
            return .object(try NumPyFile.decode(try NumPyFile.readAll(path)))
        }
        for name in ["loadtxt", "genfromtxt"] {
            add(name) { i, a throws(ScriptError) in
                let args = try NumPyArguments(a, name, ["fname", "dtype", "comments", "delimiter", "skiprows", "usecols", "skip_header"],
                                              required: 1, interpreter: i)
                guard case .str(let path)? = args["fname"] else { throw .typeError("\(name)(): fname must be a path (str)") }
                var delimiter: String?
                if case .str(let d)? = args["delimiter"] { delimiter = d }
                let columns = try args["usecols"].map { (v) throws(ScriptError) in try i.numpyShape(v) }
                var bytes = try NumPyFile.readAll(path)
                if path.hasSuffix(".gz") {
                    // NumPy opens gzip files by their name, as tutorials' `diabetes.csv.gz`.
                    guard case .type(let badGzip)? = try i.loadModule("gzip").namespace["BadGzipFile"] else {
                        throw .runtimeError("the gzip module has no BadGzipFile")
                    }
                    bytes = try GzipModule.decompress(bytes, i, badGzip)
                }
                let content = String(decoding: bytes, as: UTF8.self)
                let skip = try args.int(name == "loadtxt" ? "skiprows" : "skip_header") ?? 0
                return .object(try NumPyFile.text(content, delimiter: delimiter, skip: skip, columns: columns,
                                                  dtype: try args.dtype() ?? .float64, missingAsNaN: name == "genfromtxt"))
            }
        }
    }
}
