import Tensors
import Script

/// Python values as arrays: `np.array(data)`, and operands of arithmetic and ufuncs.
extension Interpreter {
    /// `np.asarray(value, dtype)`: arrays pass through (converted when `dtype` differs),
    /// NumPy scalars, tensors, numbers and nested lists become arrays.
    func ndarray(_ value: Value, dtype: DType? = nil) throws(ScriptError) -> NDArray {
        if case .object(let object) = value {
            if let a = object as? NDArray { return dtype.map { a.converted(to: $0) } ?? a }
            if let s = object as? NumPyScalar, let a = s.array { return dtype.map { a.converted(to: $0) } ?? a }
            if let t = object as? Tensor {
                if t.requiresGrad {
                    throw .runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
                }
                let a = NDArray(t.sharingElements())
                return dtype.map { a.converted(to: $0) } ?? a
            }
        }
        var dims: [Int] = []
        var probe = value
        var depth = 0
        while let items = sequenceItems(probe) {
            dims.append(items.count)
            depth += 1
            guard depth <= 64, let first = items.first else { break }
            probe = first
        }
        var scalars: [ScalarValue] = []
        var found: DType?
        func walk(_ v: Value, _ level: Int) throws(ScriptError) {
            if level < dims.count {
                guard let items = sequenceItems(v), items.count == dims[level] else {
                    throw .valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(level) dimensions. The detected shape was \(NumPyShapes.tupleText(Array(dims[..<level]))) + inhomogeneous part.")
                }
                for item in items { try walk(item, level + 1) }
                return
            }
            let (scalar, kind) = try elementValue(v)
            scalars.append(scalar)
            found = found.map { DType.numpyPromoted($0, kind) } ?? kind
        }
        try walk(value, 0)
        let target = dtype ?? found ?? .float64
        if target.integerRange != nil {
            for s in scalars {
                if case .int(let i) = s, let range = target.integerRange, !range.contains(Int(i)), dtype != nil {
                    throw ScriptError(.overflowError, "Python integer \(i) out of bounds for \(target.name)")
                }
                if case .float(let d) = s, !d.isFinite, dtype != nil {
                    throw .valueError("cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer")
                }
            }
        }
        _ = try NumPyShapes.checkedCount(dims, dtype: target)
        return try NDArray(ElementArray.from(scalars, dtype: target), dims)
    }

    /// The items of a list, tuple or array (an array's rows), or nil for a scalar.
    private func sequenceItems(_ value: Value) -> [Value]? {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .object(let o):
            if let a = o as? NDArray, a.rank > 0 {
                return (0..<a.dims[0]).compactMap { try? a.subscripted([.int($0)], interpreter: self) }
            }
            if o is RangeObject { return try? iterate(value) }
            if let t = o as? Tensor, t.rank > 0 {
                let a = NDArray(t.sharingElements())
                return (0..<a.dims[0]).compactMap { try? a.subscripted([.int($0)], interpreter: self) }
            }
            return nil
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
            return nil
        }
    }

    /// One element of array data and the dtype it asks for.
    private func elementValue(_ v: Value) throws(ScriptError) -> (ScalarValue, DType) {
        switch v {
        case .bool(let b): return (.bool(b), .bool)
        case .int(let i): return (.int(Int64(i)), .int64)
        case .float(let d): return (.float(d), .float64)
        case .object(let o):
            if let s = o as? NumPyScalar { return (s.scalar, s.dtype) }
            if let a = o as? NDArray, a.rank == 0 { return (a.elements.scalar(at: 0), a.dtype) }
            if let t = o as? Tensor, t.rank == 0 {
                let scalar = try tensorCall { () throws(TensorError) in try t.scalarValue() }
                return (scalar, t.dtype)
            }
            if o is BigIntObject { throw ScriptError(.overflowError, "Python int too large to convert to C long") }
        case .str:
            throw NumPyDTypes.unsupportedError("str")
        case .none, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
            break
        }
        throw NumPyDTypes.unsupportedError("object")
    }
}

extension ElementArray {
    /// Python scalars as elements of `dtype` (NumPy's unsafe cast: floats truncate).
    package static func from(_ scalars: [ScalarValue], dtype: DType) -> ElementArray {
        switch dtype {
        case .float64: .float64(scalars.map(\.doubleValue))
        case .float32: .float32(scalars.map { Float($0.doubleValue) })
        case .int64: .int64(scalars.map(\.int64Value))
        case .int32: .int32(scalars.map { Int32(truncatingIfNeeded: $0.int64Value) })
        case .uint8: .uint8(scalars.map { UInt8(truncatingIfNeeded: $0.int64Value) })
        case .bool: .bool(scalars.map(\.boolValue))
        }
    }
}

extension NDArray {
    /// A copy converted to `dtype` (this array itself when it already has it).
    func converted(to dtype: DType) -> NDArray {
        if dtype == self.dtype { return self }
        return NDArray(tensor.to(dtype))
    }

    /// A copy with its own elements (`copy()`).
    func copied() -> NDArray {
        if tensor.isContiguous { return NDArray(tensor.clone()) }
        return (try? NDArray(elements, dims)) ?? NDArray(tensor.clone())
    }

    /// The Value of a result: a NumPy scalar for a 0-d result (as ufuncs give), else the array.
    package var result: Value {
        rank == 0 ? NumPyScalar(dtype, elements.scalar(at: 0)).value : .object(self)
    }
}
