/// The advanced (tensor and list) indices of a subscript, after its basic part: which
/// dimensions of the basic result they index, and the long indices for each.
struct AdvancedIndices {
    /// The indexed dimensions of the basic result, in order.
    var dims: [Int] = []
    /// One long index tensor per entry of `dims` (bool masks already expanded).
    var indices: [Tensor] = []
}

extension Tensor {
    /// Applies a Python-style subscript as PyTorch does: integers, slices, `None` and `...`
    /// make a view; integer tensors, lists and bool masks then gather a copy, their indices
    /// broadcast together and paired, with the result's indexed dimensions in place when the
    /// advanced indices are adjacent and first otherwise.
    public func `subscript`(_ components: [TensorIndex]) throws(TensorError) -> Tensor {
        var consuming = 0
        for c in components {
            switch c {
            case .index, .slice: consuming += 1
            case .tensor(let t): consuming += t.dtype == .bool ? t.rank : 1
            case .newAxis, .ellipsis: break
            }
        }
        guard consuming <= rank else {
            if rank == 0, components.count == 1 {
                // A lone integer or slice (not a tuple) goes to PyTorch's select or slice,
                // whose own errors it reports.
                switch components[0] {
                case .index(let i):
                    if i == 0 { throw Tensor.zeroDimIndexError }
                    throw .indexOutOfBounds(index: i, dim: 0, size: 0)
                case .slice: throw .index("slice() cannot be applied to a 0-dim tensor.")
                case .tensor, .newAxis, .ellipsis: break
                }
            }
            throw .index("too many indices for tensor of dimension \(rank)")
        }
        var result = self
        var dim = 0
        var realDim = 0
        var advanced = AdvancedIndices()
        for c in components {
            switch c {
            case .index(let i):
                let size = result.shape.dims[dim]
                guard i >= -size, i < size else { throw .indexOutOfBounds(index: i, dim: realDim, size: size) }
                result = result.selectView(dim: dim, index: i < 0 ? i + size : i, name: "SelectBackward0")
                realDim += 1
            case .slice(let start, let end, let step):
                result = try result.slice(dim: dim, start: start, end: end, step: step)
                dim += 1
                realDim += 1
            case .newAxis:
                result = try result.unsqueeze(dim)
                dim += 1
            case .ellipsis:
                dim += rank - consuming
                realDim += rank - consuming
            case .tensor(let t):
                if t.dtype == .bool {
                    var mask = t
                    if t.rank == 0 {
                        result = try result.unsqueeze(dim)
                        mask = try t.unsqueeze(0)
                    }
                    try advanced.addMask(mask, at: dim, of: result.shape)
                    dim += mask.rank
                    realDim += t.rank
                } else {
                    guard t.dtype == .int64 else {
                        throw .index("tensors used as indices must be long, int, byte or bool tensors")
                    }
                    advanced.dims.append(dim)
                    advanced.indices.append(t)
                    dim += 1
                    realDim += 1
                }
            }
        }
        if advanced.dims.isEmpty {
            if components.allSatisfy({ if case .ellipsis = $0 { true } else { false } }) {
                return result.makeView(shape.dims, strides: strides, offset: storageOffset, name: "AliasBackward0", gradient: .reshape)
            }
            return result
        }
        return try result.gatheredAdvanced(advanced)
    }

    /// Gathers the elements the advanced indices select (PyTorch's `index`), recorded as
    /// `IndexBackward0` (the gradient adds back into the indexed positions).
    func gatheredAdvanced(_ advanced: AdvancedIndices) throws(TensorError) -> Tensor {
        var broadcast = Shape.scalar
        for index in advanced.indices {
            do {
                broadcast = try Shape.broadcast(broadcast, index.shape)
            } catch {
                throw .index("shape mismatch: indexing tensors could not be broadcast together with shapes " + advanced.indices.map { $0.shape.listDescription }.joined(separator: ", "))
            }
        }
        let rowMajor = shape.strides
        var pairOffsets = filledArray(0, count: broadcast.count)
        for (d, index) in zip(advanced.dims, advanced.indices) {
            let size = shape.dims[d]
            let values = try index.expand(broadcast.dims).int64s
            for (k, raw) in values.enumerated() {
                let v = Int(raw)
                guard v >= -size, v < size else { throw .indexOutOfBounds(index: v, dim: d, size: size) }
                pairOffsets[k] += (v < 0 ? v + size : v) * rowMajor[d]
            }
        }
        let adjacent = zip(advanced.dims, advanced.dims.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let rest = (0..<rank).filter { !advanced.dims.contains($0) }
        let first = advanced.dims.first ?? 0
        let prefix = adjacent ? rest.filter { $0 < first } : []
        let suffix = adjacent ? rest.filter { $0 > first } : rest
        func offsets(_ dims: [Int]) -> [Int] {
            ViewLayout(strides: dims.map { rowMajor[$0] }, offset: 0).positions(dims.map { shape.dims[$0] })
        }
        let prefixOffsets = offsets(prefix), suffixOffsets = offsets(suffix)
        var positions: [Int] = []
        positions.reserveCapacity(prefixOffsets.count * pairOffsets.count * suffixOffsets.count)
        for p in prefixOffsets {
            for b in pairOffsets {
                for s in suffixOffsets { positions.append(p + b + s) }
            }
        }
        let outDims = prefix.map { shape.dims[$0] } + broadcast.dims + suffix.map { shape.dims[$0] }
        _ = try Shape.checkedCount(outDims)
        let result = Tensor(shape: Shape(outDims), storage: storage.gather(positions))
        guard Tensor.needsGraph(self) else { return result }
        let source = shape
        return result.recording("IndexBackward0", [self]) { g in
            [g.scatterAdded(at: positions, into: source)]
        }
    }
}

extension AdvancedIndices {
    /// A bool mask over dimensions `dim...` of a tensor of `shape`: one long index per mask
    /// dimension, listing the true positions (PyTorch's `nonzero`).
    mutating func addMask(_ mask: Tensor, at dim: Int, of shape: Shape) throws(TensorError) {
        for i in 0..<mask.rank where mask.shape.dims[i] != shape.dims[dim + i] {
            throw .index("The shape of the mask \(mask.shape.listDescription) at index \(i) does not match the shape of the indexed tensor \(shape.listDescription) at index \(dim + i)")
        }
        let columns = mask.nonzeroColumns()
        for i in 0..<mask.rank {
            dims.append(dim + i)
            indices.append(Tensor(shape: Shape([columns[i].count]), storage: .int64(columns[i])))
        }
    }
}
