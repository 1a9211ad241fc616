import Tensors
import Script

/// The Generator's array-filling samplers over this bit generator: floats (`double_fill` /
/// `float_fill`), `integers` with NumPy's bounds checks and per-dtype Lemire draws, `permuted`.
extension PCG64Object {
    /// Draws `size=` values (one Python float when `size` is None) of `dtype`, float64 or
    /// float32 where the sampler has a float32 form.
    func fill(size args: NumPyArguments, dtype: DType, name: String,
              double: (inout PCG64) -> Double, float: ((inout PCG64) -> Float)?) throws(ScriptError) -> Value {
        let dims = try args["size"].map { (v) throws(ScriptError) in try args.interpreter.numpyShape(v) }
        switch dtype {
        case .float64:
            guard let dims else { return .float(double(&generator)) }
            let n = try NumPyShapes.checkedCount(dims, dtype: .float64)
            var values = [Double](repeating: 0, count: n)
            for k in 0..<n { values[k] = double(&generator) }
            return .object(try NDArray(.float64(values), dims))
        case .float32 where float != nil:
            guard let float else { return .none }
            // NumPy gives a Python float for one draw, float32 or not.
            guard let dims else { return .float(Double(float(&generator))) }
            let n = try NumPyShapes.checkedCount(dims, dtype: .float32)
            var values = [Float](repeating: 0, count: n)
            for k in 0..<n { values[k] = float(&generator) }
            return .object(try NDArray(.float32(values), dims))
        case .float32, .int64, .int32, .uint8, .bool:
            throw .typeError("Unsupported dtype dtype('\(dtype.name)') for \(name)")
        }
    }

    /// `Generator.integers(low, high=None, size=None, dtype=np.int64, endpoint=False)`.
    func integers(_ args: NumPyArguments, _ i: Interpreter) throws(ScriptError) -> Value {
        var low = try PCG64Object.bound(args["low"] ?? .int(0), i)
        var high: BigInteger
        if let h = args["high"] {
            high = try PCG64Object.bound(h, i)
        } else {
            high = low
            low = BigInteger(0)
        }
        let dtype = try args.dtype() ?? .int64
        let closed = try args.bool("endpoint")
        if !closed { high = high - BigInteger(1) }
        let name = dtype == .bool ? "bool" : dtype.name
        let (lowest, highest): (Int, Int) = switch dtype {
        case .int64: (Int(Int64.min), Int(Int64.max))
        case .int32: (Int(Int32.min), Int(Int32.max))
        case .uint8: (0, 255)
        case .bool: (0, 1)
        case .float32, .float64: (1, 0)
        }
        guard lowest <= highest else { throw .typeError("Unsupported dtype dtype('\(dtype.name)') for integers") }
        if low < BigInteger(lowest) { throw .valueError("low is out of bounds for \(name)") }
        if BigInteger(highest) < high { throw .valueError("high is out of bounds for \(name)") }
        if high < low { throw .valueError(closed ? "low > high" : "low >= high") }
        // Both bounds now fit Int.
        let lo = low.intValue ?? 0, hi = high.intValue ?? 0
        let range = UInt64(bitPattern: Int64(hi)) &- UInt64(bitPattern: Int64(lo))
        let dims = try args["size"].map { (v) throws(ScriptError) in try i.numpyShape(v) }
        let n = try NumPyShapes.checkedCount(dims ?? [], dtype: dtype)
        let elements: ElementArray
        switch dtype {
        case .int64:
            var values = [Int64](repeating: 0, count: n)
            for k in 0..<n { values[k] = Int64(lo) &+ Int64(bitPattern: generator.bounded(range)) }
            elements = .int64(values)
        case .int32:
            var values = [Int32](repeating: 0, count: n)
            for k in 0..<n { values[k] = Int32(truncatingIfNeeded: lo) &+ Int32(bitPattern: generator.bounded32(UInt32(truncatingIfNeeded: range))) }
            elements = .int32(values)
        case .uint8:
            var buffer = SmallDrawBuffer()
            var values = [UInt8](repeating: 0, count: n)
            for k in 0..<n { values[k] = UInt8(truncatingIfNeeded: lo) &+ buffer.bounded8(UInt8(truncatingIfNeeded: range), &generator) }
            elements = .uint8(values)
        case .bool:
            var buffer = SmallDrawBuffer()
            var values = [Bool](repeating: false, count: n)
            for k in 0..<n { values[k] = range == 0 ? lo != 0 : buffer.bit(true, &generator) }
            elements = .bool(values)
        case .float32, .float64:
            throw .typeError("Unsupported dtype dtype('\(dtype.name)') for integers")
        }
        guard let dims else {
            let scalar = elements.scalar(at: 0)
            // dtype=int or dtype=bool (the Python types) give Python numbers, as NumPy does.
            if case .type(let t)? = args["dtype"], t === i.types.int { return .int(Int(scalar.int64Value)) }
            if case .type(let t)? = args["dtype"], t === i.types.bool { return .bool(scalar.boolValue) }
            return NumPyScalar(dtype, scalar).value
        }
        return .object(try NDArray(elements, dims))
    }

    /// A bound of `integers` as NumPy reads it (`int(np.array(x))`: floats truncate).
    static func bound(_ v: Value, _ i: Interpreter) throws(ScriptError) -> BigInteger {
        if let big = v.bigInteger { return big }
        if case .float(let d) = v {
            guard let big = BigInteger(exactly: d.rounded(.towardZero)) else { throw .valueError("cannot convert float \(d) to integer") }
            return big
        }
        if i.isNDArray(v) || v.isSequence {
            throw .typeError("integers(): array bounds are not provided by Recur's numpy: pass ints (see docs/NUMPY.md)")
        }
        return BigInteger(try i.indexValue(v, container: "int"))
    }

    /// `Generator.permuted(x, axis=None)`: a copy with every lane along `axis` shuffled on
    /// its own (the flattened array when `axis` is None).
    func permuted(_ source: NDArray, axis: Int?, _ i: Interpreter) throws(ScriptError) -> Value {
        let array = source.copied()
        var order: [Int]
        guard let axis else {
            order = Array(0..<array.count)
            for k in stride(from: order.count - 1, through: 1, by: -1) { order.swapAt(k, Int(generator.interval(UInt64(k)))) }
            return try PCG64Object.gathered(array, order, i)
        }
        let ax = try NumPyShapes.axis(axis, rank: array.rank, i)
        // Lanes in C order of the other axes, each shuffled from its end (`_shuffle_raw`, first 0).
        let dims = array.dims
        let length = dims[ax]
        let inner = dims[(ax + 1)...].reduce(1, *), outer = dims[..<ax].reduce(1, *)
        order = Array(0..<array.count)
        for o in 0..<outer {
            for n in 0..<inner {
                let base = o * length * inner + n
                for k in stride(from: length - 1, through: 0, by: -1) {
                    let j = Int(generator.interval(UInt64(k)))
                    order.swapAt(base + k * inner, base + j * inner)
                }
            }
        }
        return try PCG64Object.gathered(array, order, i)
    }

    /// The elements of `array` (row-major) taken in `order`, in the array's shape.
    static func gathered(_ array: NDArray, _ order: [Int], _ i: Interpreter) throws(ScriptError) -> Value {
        let flat = try array.reshaped([array.count])
        let picked = try flat.subscripted([.object(try NDArray(.int64(order.map { Int64($0) }), [order.count]))], interpreter: i)
        guard case .object(let o) = picked, let result = o as? NDArray else { return picked }
        return .object(try result.reshaped(array.dims))
    }
}
