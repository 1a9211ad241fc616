import Glibc

/// Which elements a reduction over several dimensions combines: for each element, the
/// output position it goes to.
struct ReductionGroups {
    let outShape: Shape
    let groupOf: [Int]
    let groupCount: Int

    /// Groups for reducing `shape` over `dims` (all when nil), keeping them as size 1 when
    /// `keepDim`.
    init(_ shape: Shape, dims: [Int]?, keepDim: Bool) {
        let reduced = Set(dims ?? Array(0..<shape.rank))
        var kept: [Int] = []
        var outDims: [Int] = []
        for d in 0..<shape.rank {
            if reduced.contains(d) {
                if keepDim { outDims.append(1) }
            } else {
                kept.append(d)
                outDims.append(shape.dims[d])
            }
        }
        var groupOf = [Int](repeating: 0, count: shape.count)
        if shape.count > 0 && shape.rank > 0 {
            var odometer = Odometer(dims: shape.dims)
            var k = 0
            repeat {
                var g = 0
                for d in kept { g = g * shape.dims[d] + odometer.index[d] }
                groupOf[k] = g
                k += 1
            } while odometer.tick(last: shape.rank - 1) != nil
        }
        outShape = Shape(outDims)
        self.groupOf = groupOf
        groupCount = kept.reduce(1) { $0 * shape.dims[$1] }
    }
}

/// The `p` of a vector norm.
public enum NormOrder: Sendable, Equatable {
    case p(Double)
    case infinity
    case negativeInfinity
}

extension Tensor {
    /// `dims` normalised for a reduction (nil or empty: every dimension).
    func reductionDims(_ dims: [Int]?) throws(TensorError) -> [Int]? {
        guard let dims, !dims.isEmpty else { return nil }
        return try distinctDims(dims, "reduction")
    }

    /// The variance (`var`) or standard deviation (`std`) over `dims`, dividing by N -
    /// `correction`. Computed in double precision, as PyTorch's CPU kernel accumulates.
    public func variance(dims: [Int]?, correction: Double, keepDim: Bool, standardDeviation: Bool) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else {
            throw .other(.notImplementedError, "std and var only support floating point and complex dtypes")
        }
        let x = doubles
        let type = dtype
        let groups = ReductionGroups(shape, dims: try reductionDims(dims), keepDim: keepDim)
        var sums = [Double](repeating: 0, count: groups.groupCount)
        var counts = [Int](repeating: 0, count: groups.groupCount)
        for (k, g) in groups.groupOf.enumerated() {
            sums[g] += x[k]
            counts[g] += 1
        }
        let means = zip(sums, counts).map { $0 / Double($1) }
        var squares = [Double](repeating: 0, count: groups.groupCount)
        for (k, g) in groups.groupOf.enumerated() {
            let delta = x[k] - means[g]
            squares[g] += delta * delta
        }
        let divisors = counts.map { Swift.max(0, Double($0) - correction) }
        let variances = zip(squares, divisors).map { $0 / $1 }
        let values = standardDeviation ? variances.map { $0.squareRoot() } : variances
        let result = Tensor.floating(groups.outShape, values, as: type)
        let original = shape
        return result.recording(standardDeviation ? "StdBackward0" : "VarBackward0", [self]) { g in
            let gv = g.doubles
            var grad = [Double](repeating: 0, count: x.count)
            for (k, group) in groups.groupOf.enumerated() {
                let centred = x[k] - means[group]
                let scale = standardDeviation ? 1 / (divisors[group] * values[group]) : 2 / divisors[group]
                grad[k] = gv[group] * centred * scale
            }
            return [Tensor.floating(original, grad, as: type)]
        }.saving(inputs: [0])
    }

    /// The vector `order`-norm over `dims` (`norm`, `torch.linalg.vector_norm`).
    public func norm(_ order: NormOrder, dims: [Int]?, keepDim: Bool) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else {
            throw .other(.notImplementedError, "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(Tensor.typeWord(dtype))")
        }
        let x = doubles
        let type = dtype
        let groups = ReductionGroups(shape, dims: try reductionDims(dims), keepDim: keepDim)
        var acc = [Double](repeating: 0, count: groups.groupCount)
        switch order {
        case .infinity, .negativeInfinity:
            let largest = order == .infinity
            acc = [Double](repeating: largest ? 0 : .infinity, count: groups.groupCount)
            for (k, g) in groups.groupOf.enumerated() {
                let a = Swift.abs(x[k])
                if a.isNaN || acc[g].isNaN { acc[g] = .nan } else { acc[g] = largest ? Swift.max(acc[g], a) : Swift.min(acc[g], a) }
            }
        case .p(let p):
            for (k, g) in groups.groupOf.enumerated() {
                let a = Swift.abs(x[k])
                acc[g] += p == 0 ? (a != 0 ? 1 : 0) : p == 1 ? a : p == 2 ? a * a : Glibc.pow(a, p)
            }
            if p != 0 && p != 1 { acc = acc.map { p == 2 ? $0.squareRoot() : Glibc.pow($0, 1 / p) } }
        }
        let norms = acc
        let original = shape
        let result = Tensor.floating(groups.outShape, norms, as: type)
        return result.recording("LinalgVectorNormBackward0", [self]) { g in
            let gv = g.doubles
            var grad = [Double](repeating: 0, count: x.count)
            var ties = [Double](repeating: 0, count: norms.count)
            if case .p = order {} else {
                for (k, group) in groups.groupOf.enumerated() where Swift.abs(x[k]) == norms[group] { ties[group] += 1 }
            }
            for (k, group) in groups.groupOf.enumerated() {
                let v = x[k], n = norms[group], upstream = gv[group]
                let sign: Double = v > 0 ? 1 : (v < 0 ? -1 : 0)
                let value: Double
                switch order {
                case .infinity, .negativeInfinity:
                    // Zero where not the extreme, keeping the sign of zero PyTorch's product gives.
                    value = upstream * sign * (Swift.abs(v) == n ? 1 : 0) / Swift.max(ties[group], 1)
                case .p(let p):
                    if p == 0 { value = 0 }
                    else if p == 1 { value = upstream * sign }
                    else if p == 2 { value = n == 0 ? 0 : upstream * v / n }
                    else { value = n == 0 ? 0 : upstream * sign * Glibc.pow(Swift.abs(v), p - 1) / Glibc.pow(n, p - 1) }
                }
                grad[k] = value
            }
            return [Tensor.floating(original, grad, as: type)]
        }.saving(inputs: [0])
    }
}

extension Tensor {
    /// A float64 tensor of `values`, or float32 of them rounded, as `dtype` says.
    static func floating(_ shape: Shape, _ values: [Double], as dtype: DType) -> Tensor {
        dtype == .float64 ? Tensor(shape: shape, values: values) : Tensor(shape: shape, floats: values.map { Float($0) })
    }
}
