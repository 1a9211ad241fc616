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
    /// `torch.tensor(data, dtype=None)`: infers float32 if any element is a float, else int64,
    /// else bool; `torch.Tensor(data)` is `dtype: .float32`.
    public convenience init(_ data: NestedValues, dtype: DType? = nil) throws(TensorError) {
        var dims: [Int] = []
        var probe = data
        while case .list(let items) = probe {
            dims.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var doubles: [Double] = []
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
                kind = .float32
                sawAny = true
                doubles.append(v)
            case .int(let v):
                guard depth == dims.count else { throw .type("not a sequence") }
                if kind != .float32 { kind = .int64 }
                sawAny = true
                doubles.append(Double(v))
            case .bool(let v):
                guard depth == dims.count else { throw .type("not a sequence") }
                sawAny = true
                doubles.append(v ? 1 : 0)
            }
        }
        try walk(data, depth: 0)
        let resolved = dtype ?? (sawAny ? kind : .float32)
        let storage: TensorStorage = switch resolved {
        case .float32: .float32(doubles.map { Float($0) })
        case .int64: .int64(doubles.map { Int64($0) })
        case .bool: .bool(doubles.map { $0 != 0 })
        }
        self.init(shape: Shape(dims), storage: storage)
    }

    static func checked(_ dims: [Int]) throws(TensorError) -> Shape {
        for d in dims where d < 0 {
            throw .runtime("Trying to create tensor with negative dimension \(d): \(Shape(dims).listDescription)")
        }
        return Shape(dims)
    }

    /// A tensor filled with `value` (`torch.full`).
    public static func full(_ dims: [Int], value: ScalarValue, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let shape = try checked(dims)
        let n = shape.count
        let natural: DType = switch value {
        case .float: .float32
        case .int: .int64
        case .bool: .bool
        }
        let storage: TensorStorage = switch (dtype ?? natural, value) {
        case (.float32, .float(let v)): .float32([Float](repeating: Float(v), count: n))
        case (.float32, .int(let v)): .float32([Float](repeating: Float(v), count: n))
        case (.float32, .bool(let v)): .float32([Float](repeating: v ? 1 : 0, count: n))
        case (.int64, .float(let v)): .int64([Int64](repeating: Int64(v), count: n))
        case (.int64, .int(let v)): .int64([Int64](repeating: v, count: n))
        case (.int64, .bool(let v)): .int64([Int64](repeating: v ? 1 : 0, count: n))
        case (.bool, .float(let v)): .bool([Bool](repeating: v != 0, count: n))
        case (.bool, .int(let v)): .bool([Bool](repeating: v != 0, count: n))
        case (.bool, .bool(let v)): .bool([Bool](repeating: v, count: n))
        }
        return Tensor(shape: shape, storage: storage)
    }

    /// Zeros of the given shape (`torch.zeros`).
    public static func zeros(_ dims: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        try full(dims, value: .int(0), dtype: dtype)
    }

    /// Ones of the given shape (`torch.ones`).
    public static func ones(_ dims: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        try full(dims, value: .int(1), dtype: dtype)
    }

    /// Standard normal samples (`torch.randn`).
    public static func randn(_ dims: [Int], generator: Generator) throws(TensorError) -> Tensor {
        let shape = try checked(dims)
        return Tensor(shape: shape, floats: generator.normalFloats(shape.count))
    }

    /// Uniform samples in [0, 1) (`torch.rand`).
    public static func rand(_ dims: [Int], generator: Generator) throws(TensorError) -> Tensor {
        let shape = try checked(dims)
        return Tensor(shape: shape, floats: generator.uniformFloats(shape.count, low: 0, high: 1))
    }

    /// Uniform integers in `low..<high` (`torch.randint`).
    public static func randint(low: Int64, high: Int64, _ dims: [Int], generator: Generator) throws(TensorError) -> Tensor {
        let shape = try checked(dims)
        guard high > low else {
            throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let span = Int(high - low)
        return Tensor(shape: shape, storage: .int64((0..<shape.count).map { _ in low + Int64(generator.nextInt(below: span)) }))
    }

    /// A random permutation of `0..<n` (`torch.randperm`).
    public static func randperm(_ n: Int, generator: Generator) throws(TensorError) -> Tensor {
        guard n >= 0 else { throw .runtime("n must be non-negative, got\(n)") }
        var values = (0..<Int64(n)).map { $0 }
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) { values.swapAt(i, generator.nextInt(below: i + 1)) }
        }
        return Tensor(shape: Shape([n]), storage: .int64(values))
    }

    /// The identity matrix (`torch.eye(n, m)`).
    public static func eye(_ n: Int, _ m: Int? = nil) throws(TensorError) -> Tensor {
        let cols = m ?? n
        guard n >= 0 else { throw .runtime("n must be greater or equal to 0, got \(n)") }
        guard cols >= 0 else { throw .runtime("m must be greater or equal to 0, got \(cols)") }
        var values = [Float](repeating: 0, count: n * cols)
        for i in 0..<Swift.min(n, cols) { values[i * cols + i] = 1 }
        return Tensor(shape: Shape([n, cols]), floats: values)
    }

    /// `start, start+step, ...` below `end` (`torch.arange`); float if any bound is a float.
    public static func arange(start: ScalarValue = .int(0), end: ScalarValue, step: ScalarValue = .int(1)) throws(TensorError) -> Tensor {
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
        guard (st > 0 && e >= s) || (st < 0 && e <= s) else {
            throw .runtime("upper bound and larger bound inconsistent with step sign")
        }
        let n = Int(((e - s) / st).rounded(.up))
        if isFloat {
            return Tensor(shape: Shape([n]), floats: (0..<n).map { Float(s + Double($0) * st) })
        }
        return Tensor(shape: Shape([n]), storage: .int64((0..<n).map { Int64(s) + Int64($0) * Int64(st) }))
    }

    /// Zeros with this tensor's shape and dtype (`torch.zeros_like`).
    public func zerosLike() -> Tensor {
        Tensor(shape: shape, storage: TensorStorage.float32([Float](repeating: 0, count: count)).converted(to: dtype))
    }

    /// Ones with this tensor's shape and dtype (`torch.ones_like`).
    public func onesLike() -> Tensor {
        Tensor(shape: shape, storage: TensorStorage.float32([Float](repeating: 1, count: count)).converted(to: dtype))
    }

    /// One-hot encoding of int64 class indices (`F.one_hot`); -1 infers the class count.
    public static func oneHot(_ indices: Tensor, numClasses: Int = -1) throws(TensorError) -> Tensor {
        guard indices.dtype == .int64 else {
            throw .runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let values = indices.int64s
        if values.contains(where: { $0 < 0 }) { throw .runtime("Class values must be non-negative.") }
        let classes: Int
        if numClasses == -1 {
            classes = Int((values.max() ?? -1) + 1)
        } else {
            classes = numClasses
            if values.contains(where: { $0 >= numClasses }) { throw .runtime("Class values must be smaller than num_classes.") }
        }
        var out = [Int64](repeating: 0, count: values.count * classes)
        for (i, v) in values.enumerated() { out[i * classes + Int(v)] = 1 }
        return Tensor(shape: Shape(indices.shape.dims + [classes]), storage: .int64(out))
    }
}
