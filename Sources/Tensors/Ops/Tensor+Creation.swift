/// A nested Python list of numbers, as `torch.tensor(data)` receives it.
public indirect enum NestedValues: Sendable {
    /// A Python float.
    case float(Double)
    /// A Python int.
    case int(Int64)
    /// A Python bool.
    case bool(Bool)
    /// A (possibly nested) list.
    case list([NestedValues])
}

extension Tensor {
    /// `torch.tensor(data, dtype=None)`: infers the default dtype (float32 unless changed) if
    /// any element is a float, else int64, else bool; `torch.Tensor(data)` is `dtype: .float32`.
    public convenience init(_ data: NestedValues, dtype: DType? = nil) throws(TensorError) {
        var dims: [Int] = []
        var probe = data
        while case .list(let items) = probe {
            dims.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var scalars: [ScalarValue] = []
        var kind: DType = .bool
        var sawAny = false
        func walk(_ value: NestedValues, depth: Int) throws(TensorError) {
            switch value {
            case .list(let items):
                guard depth < dims.count, items.count == dims[depth] else {
                    if depth >= dims.count {
                        throw .type("new(): invalid data type 'list'")
                    }
                    throw .value("expected sequence of length \(dims[depth]) at dim \(depth) (got \(items.count))")
                }
                for item in items { try walk(item, depth: depth + 1) }
            case .float(let v):
                guard depth == dims.count else { throw .type("not a sequence") }
                kind = DefaultDType.current
                sawAny = true
                scalars.append(.float(v))
            case .int(let v):
                guard depth == dims.count else { throw .type("not a sequence") }
                if !kind.isFloatingPoint { kind = .int64 }
                sawAny = true
                scalars.append(.int(v))
            case .bool(let v):
                guard depth == dims.count else { throw .type("not a sequence") }
                sawAny = true
                scalars.append(.bool(v))
            }
        }
        _ = try Shape.checkedCount(dims)
        try walk(data, depth: 0)
        let resolved = dtype ?? (sawAny ? kind : DefaultDType.current)
        try Tensor.checkRange(scalars, dtype: resolved)
        self.init(shape: Shape(dims), storage: .of(scalars, dtype: resolved))
    }

    static func checked(_ dims: [Int]) throws(TensorError) -> Shape {
        _ = try Shape.checkedCount(dims)
        return Shape(dims)
    }

    /// A tensor filled with `value` (`torch.full`).
    public static func full(_ dims: [Int], value: ScalarValue, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let resolved = dtype ?? value.dtype
        let n = try Shape.checkedCount(dims, elementSize: resolved.elementSize)
        return Tensor(shape: Shape(dims), storage: .filled(value, count: n, dtype: resolved))
    }

    /// Zeros of the given shape (`torch.zeros`).
    public static func zeros(_ dims: [Int], dtype: DType = DefaultDType.current) throws(TensorError) -> Tensor {
        try full(dims, value: .int(0), dtype: dtype)
    }

    /// Ones of the given shape (`torch.ones`).
    public static func ones(_ dims: [Int], dtype: DType = DefaultDType.current) throws(TensorError) -> Tensor {
        try full(dims, value: .int(1), dtype: dtype)
    }

    /// The identity matrix (`torch.eye(n, m)`).
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = DefaultDType.current) throws(TensorError) -> Tensor {
        let cols = m ?? n
        guard n >= 0 else { throw .runtime("n must be greater or equal to 0, got \(n)") }
        guard cols >= 0 else { throw .runtime("m must be greater or equal to 0, got \(cols)") }
        _ = try Shape.checkedCount([n, cols])
        var values = filledArray(Float(0), count: n * cols)
        for i in 0..<Swift.min(n, cols) { values[i * cols + i] = 1 }
        return Tensor(shape: Shape([n, cols]), storage: TensorStorage.float32(values).converted(to: dtype))
    }

    /// `start, start+step, ...` below `end` (`torch.arange`); float if any bound is a float.
    /// `dtype` nil: the default float dtype when a bound is a float, else int64.
    public static func arange(start: ScalarValue = .int(0), end: ScalarValue, step: ScalarValue = .int(1), dtype: DType? = nil) throws(TensorError) -> Tensor {
        func double(_ v: ScalarValue) -> Double {
            switch v {
            case .float(let d): d
            case .int(let i): Double(i)
            case .bool(let b): b ? 1 : 0
            }
        }
        let isFloat = [start, end, step].contains { if case .float = $0 { true } else { false } }
        let s = double(start)
        let e = double(end)
        let st = double(step)
        guard st != 0 else { throw .runtime("step must be nonzero") }
        guard s.isFinite, e.isFinite, st.isFinite else { throw .runtime("unsupported range: \(s) -> \(e)") }
        guard (st > 0 && e >= s) || (st < 0 && e <= s) else {
            throw .runtime("upper bound and larger bound inconsistent with step sign")
        }
        let length = ((e - s) / st).rounded(.up)
        let n = length < 0x1p62 ? Int(length) : Int.max
        let target = dtype ?? (isFloat ? DefaultDType.current : .int64)
        if target == .bool { throw .other(.notImplementedError, "\"arange_cpu\" not implemented for 'Bool'") }
        try MemoryBudget.reserve([n], elementSize: target.elementSize)
        if isFloat || target.isFloatingPoint {
            let values = (0..<n).map { s + Double($0) * st }
            return Tensor(shape: Shape([n]), storage: target == .float64 ? .float64(values) : TensorStorage.float32(values.map { Float($0) }).converted(to: target))
        }
        let first = start.int64Value
        let by = step.int64Value
        return Tensor(shape: Shape([n]), storage: TensorStorage.int64((0..<n).map { first &+ Int64($0) &* by }).converted(to: target))
    }

    /// Zeros with this tensor's shape and dtype (`torch.zeros_like`).
    public func zerosLike() -> Tensor {
        zerosLikeRowMajor().preservingLayout(of: self)
    }

    private func zerosLikeRowMajor() -> Tensor {
        Tensor(shape: shape, storage: .filled(.int(0), count: count, dtype: dtype))
    }

    /// A tensor of this one's shape in `dtype`, laid out as PyTorch's `empty_like` lays it out
    /// (`preserve_format`); Recur fills it with zeros.
    public func emptyLike(dtype: DType) -> Tensor {
        Tensor(shape: shape, storage: .filled(.int(0), count: count, dtype: dtype)).preservingLayout(of: self)
    }

    /// Ones with this tensor's shape and dtype (`torch.ones_like`).
    public func onesLike() -> Tensor {
        onesLikeRowMajor().preservingLayout(of: self)
    }

    private func onesLikeRowMajor() -> Tensor {
        Tensor(shape: shape, storage: .filled(.int(1), count: count, dtype: dtype))
    }

    /// One-hot encoding of int64 class indices (`F.one_hot`); -1 infers the class count.
    public static func oneHot(_ indices: Tensor, numClasses: Int = -1) throws(TensorError) -> Tensor {
        guard indices.dtype == .int64 else {
            throw .runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let values = indices.int64s
        if values.contains(where: { $0 < 0 }) { throw .runtime("Class values must be non-negative.") }
        var classes: Int
        if numClasses == -1 {
            guard !values.isEmpty else { throw .runtime("Can not infer total number of classes from empty tensor.") }
            // The largest class plus one, wrapping as PyTorch's int64 does.
            classes = Int((values.max() ?? -1) &+ 1)
            guard classes >= 0 else { throw .runtime("zeros: Dimension size must be non-negative.") }
        } else {
            classes = numClasses
            if values.contains(where: { $0 >= numClasses }) { throw .runtime("Class values must be smaller than num_classes.") }
        }
        classes = Swift.max(classes, 0)
        _ = try Shape.checkedCount(indices.shape.dims + [classes])
        var out = filledArray(Int64(0), count: values.count * classes)
        for (i, v) in values.enumerated() { out[i * classes + Int(v)] = 1 }
        return Tensor(shape: Shape(indices.shape.dims + [classes]), storage: .int64(out))
    }
}

extension Tensor {
    /// PyTorch refuses Python numbers outside an integer dtype's range when it builds a tensor
    /// (c10's `checked_convert`): a Python int from -255 to 255 fits uint8, a negative one
    /// wrapping as an unsigned conversion does (`-1` is 255), a float only from 0 to 255.
    static func checkRange(_ scalars: [ScalarValue], dtype: DType) throws(TensorError) {
        let bounds: (Double, Double) = switch dtype {
        case .int32: (Double(Int32.min), Double(Int32.max))
        case .uint8: (0, 255)
        case .float32, .float64, .int64, .bool: (-.infinity, .infinity)
        }
        for scalar in scalars where !(scalar.doubleValue >= bounds.0 && scalar.doubleValue <= bounds.1) {
            if case .int(let v) = scalar, dtype == .uint8, v < 0, v >= -255 { continue }
            if case .float(let v) = scalar, v.isNaN { continue }
            throw .runtime("value cannot be converted to type \(dtype.name) without overflow")
        }
    }
}

extension TensorStorage {
    /// Python numbers converted to `dtype` as `torch.tensor(data, dtype=)` converts them.
    static func of(_ scalars: [ScalarValue], dtype: DType) -> TensorStorage {
        switch dtype {
        case .float32: .float32(scalars.map(\.floatValue))
        case .float64: .float64(scalars.map(\.doubleValue))
        case .int64: .int64(scalars.map(\.int64Value))
        case .int32, .uint8: TensorStorage.int64(scalars.map(\.int64Value)).converted(to: dtype)
        case .bool: .bool(scalars.map(\.boolValue))
        }
    }

    /// `count` copies of `value` as `dtype`.
    static func filled(_ value: ScalarValue, count: Int, dtype: DType) -> TensorStorage {
        switch dtype {
        case .float32: .float32(filledArray(value.floatValue, count: count))
        case .float64: .float64(filledArray(value.doubleValue, count: count))
        case .int64: .int64(filledArray(value.int64Value, count: count))
        case .int32: .int32(filledArray(TensorStorage.of([value], dtype: .int32).int32s.first ?? 0, count: count))
        case .uint8: .uint8(filledArray(TensorStorage.of([value], dtype: .uint8).uint8s.first ?? 0, count: count))
        case .bool: .bool([Bool](repeating: value.boolValue, count: count))
        }
    }
}
