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
    /// `x[0]` of a 0-dim tensor (`loss.data[0]`).
    static let zeroDimIndexError = TensorError.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")

    /// The element or sub-tensor at `index` along `dim`, removing that dimension (`select`),
    /// as a view.
    public func select(dim: Int, index: Int) throws(TensorError) -> Tensor {
        guard rank > 0 else { throw .index("select() cannot be applied to a 0-dim tensor.") }
        let d = try shape.normalize(dim: dim)
        let size = shape.dims[d]
        guard index >= -size, index < size else {
            throw .index("select(): index \(index) out of range for tensor of size \(shape.listDescription) at dimension \(d)")
        }
        return selectView(dim: d, index: index < 0 ? index + size : index, name: "SelectBackward0")
    }

    /// `x[i]` along `dim`: `select` with the subscript's out-of-range error.
    func subscriptSelect(dim d: Int, index: Int) throws(TensorError) -> Tensor {
        let size = shape.dims[d]
        guard index >= -size, index < size else { throw .indexOutOfBounds(index: index, dim: d, size: size) }
        return selectView(dim: d, index: index < 0 ? index + size : index, name: "SelectBackward0")
    }

    /// The view at a checked `index` along a normalised `dim`, recorded as `name`.
    func selectView(dim d: Int, index i: Int, name: String) -> Tensor {
        var dims = shape.dims
        dims.remove(at: d)
        return regionView(dims, name: name) { strides, offset in
            var kept = strides
            kept.remove(at: d)
            return (kept, offset + i * strides[d])
        }
    }

    /// Elements `start..<end` by `step` along `dim`, clamped as Python slices are (`x[a:b:c]`),
    /// as a view.
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
        return sliceView(dim: d, start: lo, length: hi == lo ? 0 : (hi - lo - 1) / by + 1, step: by, name: "SliceBackward0")
    }

    /// The view of `length` elements from `start` by `step` along a normalised `dim`.
    func sliceView(dim d: Int, start: Int, length: Int, step: Int, name: String) -> Tensor {
        var dims = shape.dims
        dims[d] = length
        return regionView(dims, name: name) { strides, offset in
            var scaled = strides
            // PyTorch's int64 product: a step past the extent leaves one element, any stride.
            scaled[d] = scaled[d] &* step
            return (scaled, offset + start * strides[d])
        }
    }

    /// `length` elements from `start` along `dim`, as a view (`narrow`).
    public func narrow(dim: Int, start: Int, length: Int) throws(TensorError) -> Tensor {
        guard rank > 0 else { throw .runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let d = try shape.normalize(dim: dim)
        let size = shape.dims[d]
        guard start >= -size, start <= size else {
            throw .index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let first = start < 0 ? start + size : start
        guard length >= 0 else { throw .runtime("narrow(): length must be non-negative.") }
        guard first <= size - length else {
            throw .runtime("start (\(first)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return sliceView(dim: d, start: first, length: length, step: 1, name: "SliceBackward0")
    }

    /// Gathers rows along `dim` by an integer tensor; the result has the index's shape in place
    /// of that dimension (`x[idx]`, `index_select`).
    public func index(dim: Int = 0, by indices: Tensor) throws(TensorError) -> Tensor {
        try indexed(dim: dim, by: indices, name: "IndexBackward0")
    }

    func indexed(dim: Int, by indices: Tensor, name: String, skippingGradientOf skipped: Int? = nil) throws(TensorError) -> Tensor {
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
        return gathered(dim: d, indices: list, outShape: Shape(dims), name: name, savesIndices: true, skipping: skipped)
    }

    /// Writes `value` (broadcast) into the region a subscript selects (`x[i] = v`), in place:
    /// the base and every view sharing the storage see the new elements.
    public func assign(_ components: [TensorIndex], value: Tensor) throws(TensorError) {
        let basic = !components.contains { if case .tensor = $0 { true } else { false } }
        let records = try checkInPlace(writing: value, throughView: basic)
        let own = layout?.positions(shape.dims) ?? Array(0..<count)
        let positions = Tensor(shape: shape, storage: .int64(own.map { Int64($0) }))
        let region = try GradMode.withoutGrad { () throws(TensorError) in try positions.subscript(components) }
        let filled: Tensor
        if basic {
            filled = try value.expand(region.shape.dims)
        } else {
            guard let expanded = try? value.expand(region.shape.dims) else {
                throw .runtime("shape mismatch: value tensor of shape \(value.shape.listDescription) cannot be broadcast to indexing result of shape \(region.shape.listDescription)")
            }
            filled = expanded
        }
        let values = filled.storage
        let targets = region.int64s.map { Int($0) }
        mutateBuffer { $0.scatter(values, at: targets) }
        if records {
            // Basic components make a view that is written (CopySlices); advanced ones alone
            // write into this tensor (index_put_).
            let direct = components.allSatisfy { component in
                switch component {
                case .tensor, .ellipsis: true
                case .index, .slice, .newAxis: false
                }
            }
            try recordInPlace(value: value, regionShape: region.shape, positions: targets,
                              name: direct ? "IndexPutBackward0" : "CopySlices", adopting: false)
        }
    }

    /// Writes `value` (broadcast to this tensor's shape) over every element in place
    /// (`copy_`, `fill_`, the result of `+=`); views sharing the storage see the change.
    /// `name` is the node autograd records when this is a whole non-view tensor written with
    /// a constant (`FillBackward0`, `ZeroBackward0`, `CopyBackwards`).
    public func write(_ value: Tensor, name: String = "CopyBackwards") throws(TensorError) {
        let records = try checkInPlace(writing: value)
        let expanded = value.shape == shape ? value
            : try? GradMode.withoutGrad({ () throws(TensorError) in try value.expand(shape.dims) })
        guard let filled = expanded else {
            throw .runtime("output with shape \(shape.listDescription) doesn't match the broadcast shape \((try? Shape.broadcast(shape, value.shape))?.listDescription ?? value.shape.listDescription)")
        }
        overwrite(with: filled.storage)
        if records {
            try recordInPlace(value: value, regionShape: shape, positions: layout?.positions(shape.dims) ?? Array(0..<count), name: name, adopting: true)
        }
    }

    /// PyTorch's refusals of an in-place write while autograd records: into a leaf that
    /// requires grad, or into a view of one. Returns whether autograd must record the write
    /// (into a tensor that requires grad, or of a value that does).
    /// `throughView`: the write goes through a view of this tensor (`x[0] = v` writes into
    /// the view `x[0]`), which PyTorch reports as such.
    @discardableResult
    public func checkInPlace(writing value: Tensor?, throughView: Bool = false) throws(TensorError) -> Bool {
        guard GradMode.enabled else { return false }
        if isLeaf && requiresGradFlag && viewBase == nil && !throughView {
            throw .runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base = viewBase ?? (throughView ? self : nil), base.isLeaf && base.requiresGradFlag {
            throw .runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        return requiresGradFlag || (value?.requiresGradFlag ?? false) || (viewBase?.requiresGradFlag ?? false)
    }

    /// Takes `indices` along `dim` and lays the result out as `outShape`; the gradient
    /// scatters back with accumulation (an index may repeat). Each index moves one contiguous
    /// block of the dimensions after `dim`. The blocks of index `skipping` get no gradient
    /// (an embedding's `padding_idx`).
    func gathered<Indices: Collection<Int>>(dim d: Int, indices: Indices, outShape: Shape, name: String, savesIndices: Bool = false,
                                            skipping: Int? = nil) -> Tensor {
        let (outer, size, inner) = shape.split(at: d)
        let result = Tensor(shape: outShape, storage: storage.blocks(outer: outer, size: size, inner: inner, indices: indices))
        guard Tensor.needsGraph(self) else { return result }
        let source = shape
        return result.recording(name, [self], savesTensors: savesIndices) { g in
            func grad<T: FloatElement>(_ values: [T]) -> Tensor {
                let grad = values.withUnsafeBufferPointer { pg in
                    var grad = filledArray(T(0), count: source.count)
                    grad.withUnsafeMutableBufferPointer { out in
                        var k = 0
                        for o in 0..<outer {
                            for i in indices {
                                let base = (o * size + i) * inner
                                if i != skipping {
                                    for j in 0..<inner where k + j < pg.count { out[base + j] += pg[k + j] }
                                }
                                k += inner
                            }
                        }
                    }
                    return grad
                }
                return Tensor(shape: source, values: grad)
            }
            return [g.dtype == .float64 ? grad(g.doubles) : grad(g.floats)]
        }
    }
}
