extension Tensor {
    /// For each line along `d` (as (outer, size, inner)), its positions ordered by value:
    /// ascending or descending, NaN as the largest value (as PyTorch orders it), equal values
    /// in their original order.
    func orderedLines(dim d: Int, descending: Bool) -> [[Int]] {
        let (outer, size, inner) = rank == 0 ? (1, 1, 1) : shape.split(at: d)
        func order<T>(_ values: [T], _ less: (T, T) -> Bool) -> [[Int]] {
            var lines: [[Int]] = []
            lines.reserveCapacity(outer * inner)
            for o in 0..<outer {
                for k in 0..<inner {
                    let positions = (0..<size).map { (o * size + $0) * inner + k }
                    lines.append(positions.sorted { a, b in
                        let x = values[a], y = values[b]
                        if descending ? less(y, x) : less(x, y) { return true }
                        if descending ? less(x, y) : less(y, x) { return false }
                        return a < b
                    })
                }
            }
            return lines
        }
        switch storage {
        case .float32(let v): return order(v) { x, y in x.isNaN ? false : (y.isNaN || x < y) }
        case .float64(let v): return order(v) { x, y in x.isNaN ? false : (y.isNaN || x < y) }
        case .int64(let v): return order(v, <)
        case .int32(let v): return order(v, <)
        case .uint8(let v): return order(v, <)
        case .bool(let v): return order(v) { !$0 && $1 }
        }
    }

    /// The values along `dim` in order and their indices (`sort`, `argsort`, `topk`): the
    /// first `limit` of each line when given.
    func sortedAlong(dim: Int, descending: Bool, limit: Int? = nil, name: String) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = rank == 0 ? 0 : try shape.normalize(dim: dim)
        let (outer, size, inner) = rank == 0 ? (1, 1, 1) : shape.split(at: d)
        let kept = limit ?? size
        let lines = orderedLines(dim: d, descending: descending)
        var positions = [Int](repeating: 0, count: outer * kept * inner)
        var indices = [Int64](repeating: 0, count: outer * kept * inner)
        for o in 0..<outer {
            for k in 0..<inner {
                let line = lines[o * inner + k]
                for s in 0..<kept {
                    let target = (o * kept + s) * inner + k
                    positions[target] = line[s]
                    indices[target] = Int64(((line[s] - k) / inner) - o * size)
                }
            }
        }
        var dims = shape.dims
        if rank > 0 { dims[d] = kept }
        let values = positionsGathered(positions, shape: Shape(dims), name: name)
        return (values, Tensor(shape: Shape(dims), storage: .int64(indices)))
    }

    /// The elements sorted along `dim` and where each came from (`sort`).
    public func sort(dim: Int = -1, descending: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try sortedAlong(dim: dim, descending: descending, name: "SortBackward0")
    }

    /// The `k` largest (or smallest) elements along `dim` and their indices (`topk`).
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try shape.normalize(dim: dim)
        let size = rank == 0 ? 1 : shape.dims[d]
        guard k >= 0, k <= size else { throw .runtime("selected index k out of range") }
        guard rank > 0 else {
            // A 0-d tensor is its own top element, for k 0 as for 1, as in PyTorch.
            let (values, indices) = try reshaped(Shape([1]), name: "ViewBackward0")
                .sortedAlong(dim: 0, descending: largest, limit: 1, name: "TopkBackward0")
            return (values.reshaped(Shape([]), name: "TopkBackward0"), indices.reshaped(Shape([]), name: "ViewBackward0"))
        }
        return try sortedAlong(dim: d, descending: largest, limit: k, name: "TopkBackward0")
    }
}

extension Tensor {
    /// The index of the smallest element along `dim`, or of the flattened tensor when nil
    /// (`argmin`; the first of equal minima, NaN counting as smallest as PyTorch counts it).
    public func argmin(dim: Int?, keepDim: Bool = false) throws(TensorError) -> Tensor {
        guard let dim else { return try reshape([-1]).extreme(dim: 0, keepDim: false, largest: false).indices }
        return try extreme(dim: dim, keepDim: keepDim, largest: false).indices
    }

    /// Bytes per element (`element_size()`).
    public var elementSize: Int { dtype.elementSize }
}
