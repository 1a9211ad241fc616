/// One component of a subscript, as Python writes it: `x[0, 1:3, None, ..., idx]`.
public enum TensorIndex {
    /// An integer: selects and removes a dimension.
    case index(Int)
    /// `start:end:step`, each optional, with Python's clamping.
    case slice(start: Int?, end: Int?, step: Int?)
    /// `None`: inserts a dimension of size 1.
    case newAxis
    /// `...`: as many full slices as needed.
    case ellipsis
    /// An integer tensor: gathers along the dimension (advanced indexing).
    case tensor(Tensor)
}

extension Tensor {
    /// The element or sub-tensor at `index` along `dim`, removing that dimension (`select`).
    public func select(dim: Int, index: Int) throws(TensorError) -> Tensor {
        guard rank > 0 else {
            throw .index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        }
        let d = try shape.normalize(dim: dim)
        let size = shape.dims[d]
        guard index >= -size, index < size else { throw .indexOutOfBounds(index: index, dim: d, size: size) }
        let i = index < 0 ? index + size : index
        var dims = shape.dims
        dims.remove(at: d)
        return gathered(dim: d, indices: CollectionOfOne(i), outShape: Shape(dims), name: "SelectBackward0")
    }

    /// Elements `start..<end` by `step` along `dim`, clamped as Python slices are (`x[a:b:c]`).
    public func slice(dim: Int, start: Int?, end: Int?, step: Int? = nil) throws(TensorError) -> Tensor {
        guard rank > 0 else { throw .index("slice() cannot be applied to a 0-dim tensor.") }
        let d = try shape.normalize(dim: dim)
        let size = shape.dims[d]
        let by = step ?? 1
        guard by > 0 else { throw .value("step must be greater than zero") }
        func clamp(_ v: Int?, _ fallback: Int) -> Int {
            guard var v else { return fallback }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let lo = clamp(start, 0)
        let hi = Swift.max(clamp(end, size), lo)
        let indices = Array(stride(from: lo, to: hi, by: by))
        var dims = shape.dims
        dims[d] = indices.count
        return gathered(dim: d, indices: indices, outShape: Shape(dims), name: "SliceBackward0")
    }

    /// Gathers rows along `dim` by an integer tensor; the result has the index's shape in place
    /// of that dimension (`x[idx]`, `index_select`).
    public func index(dim: Int = 0, by indices: Tensor) throws(TensorError) -> Tensor {
        try indexed(dim: dim, by: indices, name: "IndexBackward0")
    }

    func indexed(dim: Int, by indices: Tensor, name: String) throws(TensorError) -> Tensor {
        guard indices.dtype != .float32 else {
            throw .index("tensors used as indices must be long, int, byte or bool tensors")
        }
        guard rank > 0 else { throw .index("too many indices for tensor of dimension 0") }
        let d = try shape.normalize(dim: dim)
        let size = shape.dims[d]
        var list: [Int] = []
        list.reserveCapacity(indices.count)
        for raw in indices.int64s {
            let v = Int(raw)
            guard v >= -size, v < size else { throw .indexOutOfBounds(index: v, dim: d, size: size) }
            list.append(v < 0 ? v + size : v)
        }
        var dims = Array(shape.dims[..<d])
        dims += indices.shape.dims
        dims += shape.dims[(d + 1)...]
        return gathered(dim: d, indices: list, outShape: Shape(dims), name: name, savesIndices: true)
    }

    /// Applies a Python-style subscript.
    public func `subscript`(_ components: [TensorIndex]) throws(TensorError) -> Tensor {
        var consuming = 0
        for c in components {
            switch c {
            case .index, .slice, .tensor: consuming += 1
            case .newAxis, .ellipsis: break
            }
        }
        guard consuming <= rank else {
            throw .index("too many indices for tensor of dimension \(rank)")
        }
        var result = self
        var dim = 0
        for c in components {
            switch c {
            case .index(let i):
                result = try result.select(dim: dim, index: i)
            case .slice(let start, let end, let step):
                result = try result.slice(dim: dim, start: start, end: end, step: step)
                dim += 1
            case .newAxis:
                result = try result.unsqueeze(dim)
                dim += 1
            case .ellipsis:
                dim += rank - consuming
            case .tensor(let t):
                if t.dtype == .bool { throw .index("boolean mask indexing is not supported") }
                result = try result.index(dim: dim, by: t)
                dim += t.rank
            }
        }
        return result
    }

    /// Writes `value` (broadcast) into the region a subscript selects (`x[i] = v`), in place.
    public func assign(_ components: [TensorIndex], value: Tensor) throws(TensorError) {
        if requiresGradFlag && GradMode.enabled {
            throw .runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        let positions = Tensor(shape: shape, storage: .int64((0..<Int64(count)).map { $0 }))
        let region = try GradMode.withoutGrad { () throws(TensorError) in try positions.subscript(components) }
        let offsets = region.int64s.map { Int($0) }
        guard let filled = try? value.expand(region.shape.dims) else {
            throw .runtime("shape mismatch: value tensor of shape \(value.shape.listDescription) cannot be broadcast to indexing result of shape \(region.shape.listDescription)")
        }
        switch storage {
        case .float32(var v):
            storage = .int64([])
            for (k, x) in zip(offsets, filled.floats) { v[k] = x }
            storage = .float32(v)
        case .int64(var v):
            storage = .bool([])
            for (k, x) in zip(offsets, filled.int64s) { v[k] = x }
            storage = .int64(v)
        case .bool(var v):
            storage = .int64([])
            for (k, x) in zip(offsets, filled.bools) { v[k] = x }
            storage = .bool(v)
        }
    }

    /// Takes `indices` along `dim` and lays the result out as `outShape`; the gradient
    /// scatters back with accumulation (an index may repeat). Each index moves one contiguous
    /// block of the dimensions after `dim`.
    func gathered<Indices: Collection<Int>>(dim d: Int, indices: Indices, outShape: Shape, name: String, savesIndices: Bool = false) -> Tensor {
        let (outer, size, inner) = shape.split(at: d)
        let result = Tensor(shape: outShape, storage: storage.blocks(outer: outer, size: size, inner: inner, indices: indices))
        guard Tensor.needsGraph(self) else { return result }
        let source = shape
        return result.recording(name, [self], savesTensors: savesIndices) { g in
            let grad = g.floats.withUnsafeBufferPointer { pg in
                var grad = filledArray(Float(0), count: source.count)
                grad.withUnsafeMutableBufferPointer { out in
                    var k = 0
                    for o in 0..<outer {
                        for i in indices {
                            let base = (o * size + i) * inner
                            for j in 0..<inner where k + j < pg.count { out[base + j] += pg[k + j] }
                            k += inner
                        }
                    }
                }
                return grad
            }
            return [Tensor(shape: source, floats: grad)]
        }
    }
}
