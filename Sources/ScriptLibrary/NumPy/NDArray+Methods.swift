import Tensors
import Script

/// The ndarray methods that are also `np.` functions taking the array first (`a.sum(axis=0)`
/// is `np.sum(a, axis=0)`), and the attributes.
extension NDArray {
    static let attributeList = ["T", "all", "any", "argmax", "argmin", "argsort", "astype", "copy", "cumsum", "dtype",
                                "fill", "flatten", "item", "itemsize", "max", "mean", "min", "nbytes", "ndim", "prod",
                                "ravel", "reshape", "resize", "round", "shape", "size", "sort", "squeeze", "std", "sum",
                                "swapaxes", "tolist", "transpose", "var"]

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "shape": return .tuple(dims.map { .int($0) })
        case "ndim": return .int(rank)
        case "size": return .int(count)
        case "dtype": return .object(NumPyDTypeObject(dtype))
        case "itemsize": return .int(dtype.elementSize)
        case "nbytes": return .int(count * dtype.elementSize)
        case "T": return .object(try transposed(nil, interpreter))
        case "strides": return .tuple(tensor.strides.map { .int($0 * dtype.elementSize) })
        case "flat": return .object(try reshaped([-1]))
        case "abs":
            // What the builtin `abs(array)` calls (NumPy's `__abs__`).
            return .builtin(BuiltinFunction("abs") { _, _ throws(ScriptError) in try NumPyUfunc.abs.apply(self).result })
        default: break
        }
        guard NDArray.attributeList.contains(name) else { return nil }
        let method = BuiltinFunction(name) { interpreter, a throws(ScriptError) in
            try self.callMethod(name, a, interpreter: interpreter) ?? .none
        }
        return .builtin(method)
    }

    package func setAttribute(_ name: String, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        guard name == "shape" else { return false }
        let target = try interpreter.numpyShape(value)
        guard tensor.isContiguous || count <= 1 else {
            throw .attributeError("Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.")
        }
        tensor = try reshaped(target).tensor
        return true
    }

    package func callMethod(_ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "sum", "prod", "mean", "std", "var", "max", "min", "all", "any":
            guard let kind = NumPyReduction(rawValue: name) else { return nil }
            let args = try NumPyArguments(a, name, ["axis", "dtype", "out", "keepdims", "ddof"], interpreter: interpreter)
            var source = self
            if let d = try args.dtype() { source = converted(to: d) }
            let keep = try args.bool("keepdims")
            let axes = try args.axes(), ddof = try args.int("ddof") ?? 0
            // NumPy checks the flags after add.reduce and multiply.reduce ("overflow encountered
            // in reduce"); mean, std and var are not reported (see docs/NUMPY.md).
            let result = kind == .sum || kind == .prod
                ? try interpreter.numpyChecked("reduce") { () throws(ScriptError) in try kind.apply(source, axes: axes, keepDims: keep, ddof: ddof, interpreter) }
                : try kind.apply(source, axes: axes, keepDims: keep, ddof: ddof, interpreter)
            guard let out = try NumPyOut.argument(args["out"]) else { return result.result }
            let reduced = try kind.reducedAxes(rank: rank, axes: try args.axes(), interpreter)
            return try NumPyOut.reduction(kind.outputUfuncName, result, inputDims: dims, reduced: reduced, keepDims: keep, into: out)
        case "argmax", "argmin":
            guard let kind = NumPyReduction(rawValue: name) else { return nil }
            let args = try NumPyArguments(a, name, ["axis", "out", "keepdims"], interpreter: interpreter)
            let axis = try args.int("axis")
            let source = axis == nil || rank == 0 ? try reshaped([-1]) : self
            let keep = try args.bool("keepdims")
            if rank == 0, let axis, axis != 0 && axis != -1 { _ = try NumPyShapes.axis(axis, rank: 0, interpreter) }
            var result = try kind.apply(source, axes: [rank == 0 ? 0 : axis ?? 0], keepDims: keep, interpreter)
            if axis == nil && keep { result = try result.reshaped(dims.map { _ in 1 }) }
            guard let out = try NumPyOut.argument(args["out"]) else { return result.result }
            guard out.dtype.integerRange != nil || out.dtype == .bool else {
                throw .typeError("Cannot cast array data from dtype('\(out.dtype.name)') to dtype('int64') according to the rule 'safe'")
            }
            guard out.dims == result.dims else { throw .valueError("output array does not match result of np.\(name).") }
            try NumPyOut.store(result, into: out)
            return .object(out)
        case "cumsum":
            let args = try NumPyArguments(a, name, ["axis", "dtype", "out"], interpreter: interpreter)
            let axis = try args.int("axis")
            let result = try cumulativeSum(axis: axis, dtype: try args.dtype(), interpreter)
            guard let out = try NumPyOut.argument(args["out"]) else { return .object(result) }
            if out.dims != result.dims {
                guard axis != nil, out.rank == result.rank else { throw .valueError("provided out is the wrong size for the accumulation.") }
                let shapes = [out.dims, result.dims].map(NumPyShapes.compactText)
                throw .valueError("operands could not be broadcast together with remapped shapes [original->remapped]: \(shapes[0])->\(shapes[0]) \(shapes[1])->\(shapes[1]) ")
            }
            try NumPyOut.store(result, into: out)
            return .object(out)
        case "reshape":
            let shapeArgs: [Value] = a.positional.count == 1 ? [a.positional[0]] : [.tuple(a.positional)]
            let target = try interpreter.numpyShape(shapeArgs[0])
            return .object(try reshaped(target))
        case "ravel", "flatten":
            try a.expect(name, 0...1, keywords: ["order"])
            let flat = try reshaped([-1])
            return .object(name == "flatten" || !tensor.isContiguous ? flat.copied() : flat)
        case "transpose":
            let order: [Int]? = a.positional.isEmpty ? nil
                : a.positional.count == 1 && a.positional[0].intLike == nil ? try interpreter.numpyShape(a.positional[0])
                : try a.positional.map { (v) throws(ScriptError) in try interpreter.numpyInteger(v) }
            return .object(try transposed(order, interpreter))
        case "swapaxes":
            try a.expect(name, 2...2)
            var order = Array(0..<rank)
            let i = try NumPyShapes.axis(try interpreter.numpyInteger(a.positional[0]), rank: rank, interpreter, prefix: "axis1: ")
            let j = try NumPyShapes.axis(try interpreter.numpyInteger(a.positional[1]), rank: rank, interpreter, prefix: "axis2: ")
            order.swapAt(i, j)
            return .object(try transposed(order))
        case "squeeze":
            let args = try NumPyArguments(a, name, ["axis"], interpreter: interpreter)
            return .object(try squeezed(try args.axes(), interpreter))
        case "astype":
            let args = try NumPyArguments(a, name, ["dtype", "order", "casting", "subok", "copy"], required: 1, interpreter: interpreter)
            guard let d = try args.dtype() else { throw .typeError("astype() missing required argument 'dtype' (pos 1)") }
            if d == dtype { return .object(copied()) }
            return .object(try interpreter.numpyChecked("cast") { () throws(ScriptError) in
                if dtype.isFloatingPoint, let range = d.integerRange, d != .uint8 {
                    // The processor's float-to-integer conversion signals NaN, infinities and
                    // values out of range, which NumPy reports; Recur converts without it.
                    let low = Double(range.lowerBound)
                    if case .float64(let v) = elements.converted(to: .float64),
                       v.contains(where: { x in !(x.rounded(.towardZero) >= low && x.rounded(.towardZero) < -low) }) {
                        NumPyFloatError.invalid.raise()
                    }
                }
                return converted(to: d)
            })
        case "copy":
            try a.expect(name, 0...1, keywords: ["order"])
            return .object(copied())
        case "tolist":
            try a.expect(name, 0...0)
            try NestedListBudget.check(dims)
            return tolist()
        case "item":
            if a.positional.isEmpty {
                guard count == 1 else { throw .valueError("can only convert an array of size 1 to a Python scalar") }
                return NumPyScalar.python(elements.scalar(at: 0))
            }
            let flat = try reshaped([-1])
            let v = try flat.subscripted(a.positional.count == 1 ? [a.positional[0]] : a.positional, interpreter: interpreter)
            if case .object(let o) = v, let s = o as? NumPyScalar { return NumPyScalar.python(s.scalar) }
            return v
        case "fill":
            try a.expect(name, 1...1)
            _ = try setItem(.object(EllipsisObject()), a.positional[0], interpreter: interpreter)
            return Value.none
        case "sort":
            let args = try NumPyArguments(a, name, ["axis", "kind", "order"], interpreter: interpreter)
            let sorted = try NumPySorting.sort(self, axis: try args.int("axis") ?? -1, interpreter)
            tensor.writeBuffer(sorted.elements, at: tensor.bufferPositions)
            return Value.none
        case "argsort":
            let args = try NumPyArguments(a, name, ["axis", "kind", "order"], interpreter: interpreter)
            return .object(try NumPySorting.argsort(self, axis: try args.int("axis") ?? -1, interpreter))
        case "round":
            let args = try NumPyArguments(a, name, ["decimals", "out"], interpreter: interpreter)
            let decimals = try args.int("decimals") ?? 0
            let result = try NumPyModule.rounded(self, decimals: decimals, interpreter)
            guard let out = try NumPyOut.argument(args["out"]) else { return result.result }
            guard out.dims == dims else { throw .valueError("invalid output shape") }
            if !dtype.isFloatingPoint && !NumPyOut.isSameKind(dtype, out.dtype) {
                // Integers are copied, not rounded, with copyto's rule.
                throw .typeError("Cannot cast array data from dtype('\(result.dtype.name)') to dtype('\(out.dtype.name)') according to the rule 'same_kind'")
            }
            // NumPy rounds through rint, or multiply/rint/divide when decimals are given.
            return try NumPyOut.ufunc(decimals == 0 || !dtype.isFloatingPoint ? "rint" : "multiply", result, operands: [dims], into: out, interpreter)
        case "resize":
            let target = a.positional.count == 1 ? try interpreter.numpyShape(a.positional[0])
                : try a.positional.map { (v) throws(ScriptError) in try interpreter.numpyInteger(v) }
            let total = try NumPyShapes.checkedCount(target, dtype: dtype)
            var values = elements
            let zeros = ElementArray.filled(.int(0), count: Swift.max(0, total - count), dtype: dtype)
            values = try NumPyModule.joined([values.gathered(Array(0..<Swift.min(count, total))), zeros], dtype: dtype)
            tensor = try tensorCall { () throws(TensorError) in try Tensor(elements: values, shape: Shape(target)) }
            return Value.none
        default:
            return nil
        }
    }

    /// `reshape` with one `-1` inferred; a view when the layout allows, else a copy.
    func reshaped(_ target: [Int]) throws(ScriptError) -> NDArray {
        var dims = target
        let known = dims.filter { $0 != -1 }.reduce(1) { (r: Int, d: Int) in r &* d }
        if dims.filter({ $0 == -1 }).count > 1 { throw .valueError("can only specify one unknown dimension") }
        if let i = dims.firstIndex(of: -1) {
            guard known != 0, count % known == 0 else {
                throw .valueError("cannot reshape array of size \(count) into shape (" + target.map { $0 == -1 ? "newaxis" : String($0) }.joined(separator: ",") + (target.count == 1 ? ",)" : ")"))
            }
            dims[i] = count / known
        }
        guard !dims.contains(where: { $0 < 0 }), (try? NumPyShapes.checkedCount(dims, dtype: dtype)) == count else {
            throw .valueError("cannot reshape array of size \(count) into shape \(NumPyShapes.compactText(target))")
        }
        return NDArray(try tensorCall { () throws(TensorError) in try tensor.reshape(dims) })
    }

    /// `.T` / `transpose(axes)`: a view with permuted axes.
    func transposed(_ order: [Int]?, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        let order = order ?? Array((0..<rank).reversed())
        guard order.count == rank else { throw .valueError("axes don't match array") }
        return try transposed(try order.map { (a) throws(ScriptError) in try NumPyShapes.axis(a, rank: rank, interpreter) })
    }

    /// A view with its axes in `normalized` order (each axis once, non-negative).
    func transposed(_ normalized: [Int]) throws(ScriptError) -> NDArray {
        guard Set(normalized).count == rank, normalized.allSatisfy({ $0 >= 0 && $0 < rank }) else { throw .valueError("repeated axis in transpose") }
        let strides = tensor.strides
        return NDArray(tensor.strided(normalized.map { dims[$0] }, strides: normalized.map { strides[$0] }, offset: tensor.storageOffset))
    }

    func squeezed(_ axes: [Int]?, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        var drop: [Int]
        if let axes {
            drop = try axes.map { (a) throws(ScriptError) in try NumPyShapes.axis(a, rank: rank, interpreter) }
            for d in drop where dims[d] != 1 {
                throw .valueError("cannot select an axis to squeeze out which has size not equal to one")
            }
        } else {
            drop = (0..<rank).filter { dims[$0] == 1 }
        }
        let keep = (0..<rank).filter { !drop.contains($0) }
        let strides = tensor.strides
        return NDArray(tensor.strided(keep.map { dims[$0] }, strides: keep.map { strides[$0] }, offset: tensor.storageOffset))
    }

    func cumulativeSum(axis: Int?, dtype requested: DType?, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        let source = axis == nil ? try reshaped([-1]) : self
        let ax = try NumPyShapes.axis(axis ?? 0, rank: Swift.max(source.rank, 1), interpreter)
        var dtype = requested ?? (self.dtype.isFloatingPoint ? self.dtype : .int64)
        if requested == nil && self.dtype == .uint8 {
            throw .typeError("the cumsum of a uint8 array is uint64 in NumPy, which Recur's numpy does not provide; convert first with astype(np.int64)")
        }
        if dtype == .bool { dtype = .int64 }
        let order = (0..<source.rank).filter { $0 != ax } + [ax]
        let moved = try source.transposed(order).converted(to: dtype)
        let n = source.dims.isEmpty ? 1 : source.dims[ax]
        let out: ElementArray
        func scan<T>(_ v: [T], _ add: (T, T) -> T) -> [T] {
            var r = v
            guard n > 0 else { return r }
            for start in stride(from: 0, to: r.count, by: n) {
                for i in (start + 1)..<(start + n) { r[i] = add(r[i - 1], r[i]) }
            }
            return r
        }
        switch moved.elements {
        case .float64(let v): out = .float64(scan(v, +))
        case .float32(let v): out = .float32(scan(v, +))
        case .int64(let v): out = .int64(scan(v, &+))
        case .int32(let v): out = .int32(scan(v, &+))
        case .uint8(let v): out = .uint8(scan(v, &+))
        case .bool(let v): out = .bool(scan(v) { $0 || $1 })
        }
        let movedDims = order.map { source.dims.isEmpty ? 1 : source.dims[$0] }
        var inverse = [Int](repeating: 0, count: order.count)
        for (k, d) in order.enumerated() { inverse[d] = k }
        return try NDArray(out, movedDims).transposed(inverse).copied()
    }

    /// `tolist()`: nested lists of Python numbers.
    func tolist() -> Value {
        let values = elements
        let strides = Shape(dims).strides
        func build(_ axis: Int, _ base: Int) -> Value {
            if axis == rank { return NumPyScalar.python(values.scalar(at: base)) }
            return .list(ListObject((0..<dims[axis]).map { build(axis + 1, base + $0 * strides[axis]) }))
        }
        return build(0, 0)
    }
}
