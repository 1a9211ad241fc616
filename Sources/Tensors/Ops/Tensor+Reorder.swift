extension Tensor {
    /// The elements rearranged into `out`: `source` maps each output index (row-major, last
    /// dimension fastest) to the row-major offset it takes. The gradient adds back through
    /// the same map, recorded as `name`.
    func rearranged(_ out: Shape, name: String, source: (_ index: [Int]) -> Int) throws(TensorError) -> Tensor {
        // The positions take 8 bytes an element beside the result's own.
        try MemoryBudget.reserve(out.dims, elementSize: 8 + dtype.elementSize)
        var positions: [Int] = []
        positions.reserveCapacity(out.count)
        if out.count > 0 {
            var odometer = Odometer(dims: out.dims)
            repeat { positions.append(source(odometer.index)) } while odometer.tick(last: out.rank - 1) != nil
        }
        return positionsGathered(positions, shape: out, name: name)
    }

    /// `dims` normalised, refusing repeats with PyTorch's message for `operation`.
    public func distinctDims(_ dims: [Int], _ operation: String) throws(TensorError) -> [Int] {
        var seen: [Int] = []
        for dim in dims {
            let d = try shape.normalize(dim: dim)
            guard !seen.contains(d) else { throw .runtime("dim \(d) appears multiple times in the list of dims") }
            seen.append(d)
        }
        return seen
    }

    /// The elements in reverse order along each of `dims` (`flip`).
    public func flip(_ dims: [Int]) throws(TensorError) -> Tensor {
        let flipped = try distinctDims(dims, "flip")
        let strides = shape.strides
        let sizes = shape.dims
        return try rearranged(shape, name: "FlipBackward0") { index in
            var offset = 0
            for d in 0..<index.count {
                let i = flipped.contains(d) ? sizes[d] - 1 - index[d] : index[d]
                offset += i * strides[d]
            }
            return offset
        }
    }

    /// The elements shifted by `shifts` along `dims`, wrapping around (`roll`); without dims,
    /// over the flattened tensor, keeping the shape.
    public func roll(_ shifts: [Int], dims: [Int]) throws(TensorError) -> Tensor {
        if dims.isEmpty {
            guard shifts.count == 1 else {
                throw .runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:0")
            }
            let n = count
            let shift = n == 0 ? 0 : ((shifts[0] % n) + n) % n
            let strides = shape.strides
            return try rearranged(shape, name: "RollBackward0") { index in
                var flat = 0
                for d in 0..<index.count { flat += index[d] * strides[d] }
                return (flat - shift + n) % n
            }
        }
        guard shifts.count == dims.count else {
            throw .runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        guard rank > 0 else { throw .index("Dimension specified as \(dims[0]) but tensor has no dimensions") }
        var amount = [Int](repeating: 0, count: rank)
        for (shift, dim) in zip(shifts, dims) {
            let d = try shape.normalize(dim: dim)
            let size = shape.dims[d]
            if size > 0 { amount[d] = (amount[d] + (shift % size) + size) % size }
        }
        let strides = shape.strides
        let sizes = shape.dims
        return try rearranged(shape, name: "RollBackward0") { index in
            var offset = 0
            for d in 0..<index.count { offset += ((index[d] - amount[d] + sizes[d]) % sizes[d]) * strides[d] }
            return offset
        }
    }

    /// The tensor tiled `repeats[d]` times along each dimension (`repeat`); extra leading
    /// counts add dimensions.
    public func repeated(_ repeats: [Int]) throws(TensorError) -> Tensor {
        guard repeats.count >= rank else {
            throw .runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let padded = [Int](repeating: 1, count: repeats.count - rank) + shape.dims
        let dims = zip(padded, repeats).map { $0.multipliedReportingOverflow(by: $1).partialValue }
        if let negative = dims.first(where: { $0 < 0 }) {
            throw .runtime("Trying to create tensor with negative dimension \(negative): \(Shape(dims).listDescription)")
        }
        _ = try Shape.checkedCount(dims, elementSize: dtype.elementSize)
        let lead = repeats.count - rank
        let strides = shape.strides
        return try rearranged(Shape(dims), name: "RepeatBackward0") { index in
            var offset = 0
            for d in 0..<rank { offset += (index[lead + d] % padded[lead + d]) * strides[d] }
            return offset
        }
    }

    /// Each element along `dim` repeated `counts[i]` times in turn (`repeat_interleave`);
    /// without a dim, over the flattened tensor. `name` is PyTorch's node for the form used.
    public func repeatInterleaved(_ counts: [Int], dim: Int?, name: String) throws(TensorError) -> Tensor {
        let source = dim == nil ? try reshape([-1]) : self
        let d = try source.shape.normalize(dim: dim ?? 0)
        let size = source.rank == 0 ? 1 : source.shape.dims[d]
        var perElement = counts
        if counts.count == 1 { perElement = [Int](repeating: counts[0], count: size) }
        guard perElement.count == size else {
            throw .runtime("repeats must have the same size as input along dim, but got repeats.size(0) = \(counts.count) and input.size(\(d)) = \(size)")
        }
        guard perElement.allSatisfy({ $0 >= 0 }) else { throw .runtime("repeats can not be negative") }
        // The result's length is checked before the picks are listed.
        var total = 0
        for n in perElement {
            let (sum, overflow) = total.addingReportingOverflow(n)
            guard !overflow else { throw .runtime("Trying to create tensor with negative dimension -1: [-1]") }
            total = sum
        }
        var checked = source.rank == 0 ? [1] : source.shape.dims
        checked[d] = total
        try MemoryBudget.reserve(checked, elementSize: 8 + dtype.elementSize)
        var picks: [Int] = []
        for (i, n) in perElement.enumerated() { picks += [Int](repeating: i, count: n) }
        var dims = source.rank == 0 ? [1] : source.shape.dims
        dims[d] = picks.count
        _ = try Shape.checkedCount(dims, elementSize: dtype.elementSize)
        let strides = source.rank == 0 ? [1] : source.shape.strides
        return try source.rearranged(Shape(dims), name: name) { index in
            var offset = 0
            for k in 0..<index.count { offset += (k == d ? picks[index[k]] : index[k]) * strides[k] }
            return offset
        }
    }

    /// The lower (`lower`) or upper triangle of the last two dimensions, from `diagonal`
    /// on, with zeros elsewhere (`tril`, `triu`).
    public func triangle(lower: Bool, diagonal: Int) throws(TensorError) -> Tensor {
        guard rank >= 2 else {
            throw .runtime("\(lower ? "tril" : "triu"): input tensor must have at least 2 dimensions")
        }
        let rows = shape.dims[rank - 2], columns = shape.dims[rank - 1]
        var keep = [Bool](repeating: false, count: count)
        for k in 0..<count {
            let j = k % columns, i = (k / columns) % Swift.max(rows, 1)
            keep[k] = lower ? j - i <= diagonal : j - i >= diagonal
        }
        let masked = Tensor(shape: shape, storage: storage.masked(keep))
        return masked.recording(lower ? "TrilBackward0" : "TriuBackward0", [self], savesTensors: false) { g in
            [Tensor(shape: g.shape, floats: zip(g.floats, keep).map { $1 ? $0 : 0 })]
        }
    }
}

extension TensorStorage {
    /// The elements where `keep` holds, zero (false) elsewhere.
    func masked(_ keep: [Bool]) -> TensorStorage {
        switch self {
        case .float32(let v): .float32(zip(v, keep).map { $1 ? $0 : 0 })
        case .float64(let v): .float64(zip(v, keep).map { $1 ? $0 : 0 })
        case .int64(let v): .int64(zip(v, keep).map { $1 ? $0 : 0 })
        case .int32(let v): .int32(zip(v, keep).map { $1 ? $0 : 0 })
        case .uint8(let v): .uint8(zip(v, keep).map { $1 ? $0 : 0 })
        case .bool(let v): .bool(zip(v, keep).map { $1 && $0 })
        }
    }
}
