extension Tensor {
    /// The rows at `index` (a vector or a scalar) along `dim` (`index_select`).
    public func indexSelect(dim: Int, index: Tensor) throws(TensorError) -> Tensor {
        guard index.rank <= 1 else { throw .index("index_select(): Index is supposed to be a vector") }
        guard index.dtype == .int64 else { throw .runtime("index_select(): Expected dtype int32 or int64 for index") }
        let d = try shape.normalize(dim: dim)
        let size = rank == 0 ? 1 : shape.dims[d]
        var list: [Int] = []
        for raw in index.int64s {
            let v = Int(raw)
            guard v >= -size, v < size else { throw .index("index out of range in self") }
            list.append(v < 0 ? v + size : v)
        }
        var dims = shape.dims
        if rank > 0 { dims[d] = list.count }
        return gathered(dim: rank == 0 ? 0 : d, indices: list, outShape: Shape(dims), name: "IndexSelectBackward0", savesIndices: true)
    }

    /// Elements at the flat (row-major) positions in `index`, shaped as `index` (`take`).
    public func take(_ index: Tensor) throws(TensorError) -> Tensor {
        guard index.dtype == .int64 else {
            throw .runtime("take(): Expected a long tensor for index, but got " + (index.dtype == .bool ? "Bool" : "Float"))
        }
        var positions: [Int] = []
        for raw in index.int64s {
            let v = Int(raw)
            guard v >= -count, v < count else {
                throw .index("out of range: tried to access index \(v) on a tensor of \(count) elements.")
            }
            positions.append(v < 0 ? v + count : v)
        }
        return positionsGathered(positions, shape: index.shape, name: "TakeBackward0")
    }

    /// Along `dim`, the element each entry of `index` names (`gather`): `out[i][j] =
    /// self[index[i][j]][j]` for dim 0.
    public func gather(dim: Int, index: Tensor) throws(TensorError) -> Tensor {
        guard index.dtype == .int64 else { throw .runtime("gather(): Expected dtype int64 for index") }
        let d = try shape.normalize(dim: dim)
        let positions = try dimensionPositions(index, dim: d, limit: shape)
        return positionsGathered(positions, shape: index.shape, name: "GatherBackward0")
    }

    /// The elements at `positions` (row-major offsets into this tensor) as a tensor of
    /// `shape`, recorded as `name`; the gradient adds back into those positions.
    func positionsGathered(_ positions: [Int], shape out: Shape, name: String) -> Tensor {
        let result = Tensor(shape: out, storage: storage.gather(positions))
        guard Tensor.needsGraph(self) else { return result }
        let source = shape
        return result.recording(name, [self]) { g in [g.scatterAdded(at: positions, into: source)] }
    }

    /// `values` added into zeros of `count` elements at `positions`.
    static func scatterAdded<T: FloatElement>(_ values: [T], at positions: [Int], count: Int) -> [T] {
        var out = filledArray(T(0), count: count)
        for (k, p) in positions.enumerated() where k < values.count { out[p] += values[k] }
        return out
    }

    /// For each entry of `index` (same rank as this tensor), the row-major offset into this
    /// tensor of the element it names along `dim`; elsewhere the entry's own coordinates,
    /// which must lie within `limit`.
    func dimensionPositions(_ index: Tensor, dim d: Int, limit: Shape) throws(TensorError) -> [Int] {
        guard index.rank == rank else { throw .runtime("Index tensor must have the same number of dimensions as input tensor") }
        for k in 0..<rank where k != d && index.shape.dims[k] > limit.dims[k] {
            throw .runtime("Size does not match at dimension \(k) expected index \(index.shape.listDescription) to be no larger than self \(limit.listDescription) apart from dimension \(d)")
        }
        if rank == 0 {
            let v = Int(index.int64s.first ?? 0)
            guard v == 0 || v == -1 else { throw .runtime("index \(v) is out of bounds for dimension 0 with size 1") }
            return [0]
        }
        var own = shape.strides
        let step = own[d]
        own[d] = 0
        let bases = ViewLayout(strides: own, offset: 0).positions(index.shape.dims)
        let size = shape.dims[d]
        var positions: [Int] = []
        positions.reserveCapacity(bases.count)
        for (base, raw) in zip(bases, index.int64s) {
            let v = Int(raw)
            guard v >= -size, v < size else { throw .runtime("index \(v) is out of bounds for dimension \(d) with size \(size)") }
            positions.append(base + (v < 0 ? v + size : v) * step)
        }
        return positions
    }

    /// A copy with `source`'s elements written (or added, `accumulate`) along `dim` where
    /// `index` names (`scatter`, `scatter_add`); each index entry takes the source element at
    /// its own coordinates.
    public func scatter(dim: Int, index: Tensor, source: Tensor, accumulate: Bool = false) throws(TensorError) -> Tensor {
        let name = accumulate ? "scatter_add" : "scatter"
        guard index.dtype == .int64 else { throw .runtime("\(name)(): Expected dtype int64 for index") }
        let d = try shape.normalize(dim: dim)
        let fromScalar = source.rank == 0 && index.rank > 0
        if !fromScalar {
            guard source.rank == index.rank else { throw .runtime("Index tensor must have the same number of dimensions as src tensor") }
            for k in 0..<rank where index.shape.dims[k] > source.shape.dims[k] {
                throw .runtime("Expected index \(index.shape.listDescription) to be no larger than self \(shape.listDescription) apart from dimension \(d) and to be no larger size than src \(source.shape.listDescription)")
            }
        }
        let targets = try dimensionPositions(index, dim: d, limit: shape)
        let sources = fromScalar ? [Int](repeating: 0, count: targets.count)
            : ViewLayout(strides: source.shape.strides, offset: 0).positions(index.shape.dims)
        let sourceValues = source.to(dtype).storage.gather(sources)
        var values = storage
        if accumulate {
            values.addScattered(sourceValues, at: targets)
        } else {
            values.scatter(sourceValues, at: targets)
        }
        let result = Tensor(shape: shape, storage: values)
        let operands = fromScalar ? [self] : [self, source]
        guard Tensor.needsGraph(self) || (!fromScalar && Tensor.needsGraph(source)) else { return result }
        let sourceShape = source.shape
        return result.recording(accumulate ? "ScatterAddBackward0" : (fromScalar ? "ScatterBackward1" : "ScatterBackward0"), operands) { g in
            func grads<T: FloatElement>(_ gv: [T]) -> [Tensor?] {
                var own = gv
                if !accumulate { for p in targets { own[p] = 0 } }
                let sourceGrad = Tensor.scatterAdded(targets.map { gv[$0] }, at: sources, count: sourceShape.count)
                return fromScalar ? [Tensor(shape: g.shape, values: own)]
                    : [Tensor(shape: g.shape, values: own), Tensor(shape: sourceShape, values: sourceGrad)]
            }
            return g.dtype == .float64 ? grads(g.doubles) : grads(g.floats)
        }
    }

    /// A copy with `alpha * source`'s slices along `dim` added at the rows `index` names
    /// (`index_add`).
    public func indexAdd(dim: Int, index: Tensor, source: Tensor, alpha: ScalarValue = .int(1)) throws(TensorError) -> Tensor {
        guard index.dtype == .int64 else { throw .runtime("index_add_(): Expected dtype int32/int64 for index") }
        guard index.rank <= 1 else { throw .index("index_add_(): Index is supposed to be a vector") }
        let d = try shape.normalize(dim: dim)
        var expected = shape.dims
        if rank > 0 { expected[d] = index.count }
        guard source.shape.dims == expected || (rank == 0 && source.count == 1) else {
            throw .runtime("index_add_(): Source/destination tensor must have same slice shapes. Destination slice shape: \(Shape(Array(shape.dims.enumerated().filter { $0.offset != d }.map(\.element))).listDescription) at dimension \(d) and source slice shape: \(Shape(Array(source.shape.dims.enumerated().filter { $0.offset != d }.map(\.element))).listDescription) at dimension 0.")
        }
        let (outer, size, inner) = shape.split(at: d)
        var rows: [Int] = []
        for raw in index.int64s {
            let v = Int(raw)
            guard v >= -size, v < size else { throw .index("index out of range in self") }
            rows.append(v < 0 ? v + size : v)
        }
        var targets: [Int] = []
        targets.reserveCapacity(outer * rows.count * inner)
        for o in 0..<outer {
            for r in rows {
                for i in 0..<inner { targets.append((o * size + r) * inner + i) }
            }
        }
        let scaled = try source.arithmetic(.mul, scalar: alpha)
        var values = storage
        values.addScattered(scaled.to(dtype).storage, at: targets)
        let result = Tensor(shape: shape, storage: values)
        guard Tensor.needsGraph(self, source) else { return result }
        let sourceShape = source.shape
        return result.recording("IndexAddBackward0", [self, source], savesTensors: false) { g in
            func grads<T: FloatElement>(_ gv: [T]) -> [Tensor?] {
                let factor = T(alpha.doubleValue)
                return [g, Tensor(shape: sourceShape, values: targets.map { gv[$0] * factor })]
            }
            return g.dtype == .float64 ? grads(g.doubles) : grads(g.floats)
        }
    }
}

extension TensorStorage {
    /// Adds `values` (converted to this storage's dtype) at `positions`, in order; a
    /// repeated position receives every contribution.
    mutating func addScattered(_ values: TensorStorage, at positions: [Int]) {
        switch self {
        case .float32(var v):
            self = .bool([])
            for (x, p) in zip(values.floats, positions) { v[p] += x }
            self = .float32(v)
        case .float64(var v):
            self = .bool([])
            for (x, p) in zip(values.doubles, positions) { v[p] += x }
            self = .float64(v)
        case .int64(var v):
            self = .bool([])
            for (x, p) in zip(values.int64s, positions) { v[p] &+= x }
            self = .int64(v)
        case .int32(var v):
            self = .bool([])
            for (x, p) in zip(values.int32s, positions) { v[p] &+= x }
            self = .int32(v)
        case .uint8(var v):
            self = .bool([])
            for (x, p) in zip(values.uint8s, positions) { v[p] &+= x }
            self = .uint8(v)
        case .bool(var v):
            self = .int64([])
            for (x, p) in zip(values.bools, positions) { v[p] = v[p] || x }
            self = .bool(v)
        }
    }
}
