extension Tensor {
    /// The same elements with a new shape, sharing storage; one size may be -1 (`view`).
    /// Throws PyTorch's error when the strides cannot express the new shape.
    public func view(_ dims: [Int]) throws(TensorError) -> Tensor {
        let target = try resolveShape(dims)
        if layout == nil { return denseView(target, name: "ViewBackward0") }
        guard let newStrides = viewStrides(target.dims) else {
            throw .runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return makeView(target.dims, strides: newStrides, offset: storageOffset, name: "ViewBackward0", gradient: .reshape)
    }

    /// `reshape`: a view when the strides allow one, otherwise a contiguous copy.
    public func reshape(_ dims: [Int]) throws(TensorError) -> Tensor {
        reshaped(try resolveShape(dims), name: "ViewBackward0")
    }

    /// Collapses dimensions `start...end` into one (`flatten(start_dim=0, end_dim=-1)`).
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws(TensorError) -> Tensor {
        let s = try shape.normalize(dim: startDim)
        let e = try shape.normalize(dim: endDim)
        if rank == 0 { return reshaped(Shape([1]), name: "ViewBackward0") }
        guard s <= e else { throw .runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = shape.dims[s...e].reduce(1, *)
        return reshaped(Shape(Array(shape.dims[..<s]) + [merged] + Array(shape.dims[(e + 1)...])), name: "ViewBackward0")
    }

    func resolveShape(_ dims: [Int]) throws(TensorError) -> Shape {
        guard let result = try Tensor.inferredSizes(dims, total: count) else { throw .invalidView(shape: dims, count: count) }
        return Shape(result)
    }

    /// ATen's `infer_size`: `dims` with its one -1 resolved so that the sizes multiply to
    /// `total`; nil when no size fits.
    static func inferredSizes(_ dims: [Int], total: Int) throws(TensorError) -> [Int]? {
        var inferred: Int?
        var known = 1
        for (i, d) in dims.enumerated() {
            if d == -1 {
                guard inferred == nil else { throw .runtime("only one dimension can be inferred") }
                inferred = i
            } else if d < 0 {
                throw .runtime("invalid shape dimension \(d)")
            } else {
                let (product, overflow) = known.multipliedReportingOverflow(by: d)
                guard !overflow else { return nil }
                known = product
            }
        }
        var result = dims
        if let i = inferred {
            guard known != 0, total % known == 0 else { return nil }
            result[i] = total / known
        } else if known != total {
            return nil
        }
        return result
    }

    /// The same elements under `target` (same count), recorded as `name`: a view when the
    /// strides allow one, otherwise a copy (recorded as PyTorch's `UnsafeViewBackward0`).
    func reshaped(_ target: Shape, name: String) -> Tensor {
        if layout == nil { return denseView(target, name: name) }
        if let newStrides = viewStrides(target.dims) {
            return makeView(target.dims, strides: newStrides, offset: storageOffset, name: name, gradient: .reshape)
        }
        let source = shape
        return Tensor(shape: target, storage: storage).recording("UnsafeViewBackward0", [self], savesTensors: false) { g in
            [Tensor(shape: source, storage: g.storage)]
        }
    }

    /// Inserts a dimension of size 1 at `dim`.
    public func unsqueeze(_ dim: Int) throws(TensorError) -> Tensor {
        let extent = rank + 1
        guard dim >= -extent, dim < extent else { throw .dimensionOutOfRange(dim: dim, rank: extent) }
        let d = dim < 0 ? dim + extent : dim
        var dims = shape.dims, newStrides = strides
        newStrides.insert(d >= rank ? 1 : dims[d] * newStrides[d], at: d)
        dims.insert(1, at: d)
        return makeView(dims, strides: newStrides, offset: storageOffset, name: "UnsqueezeBackward0", gradient: .reshape)
    }

    /// Removes every dimension of size 1 (`squeeze()`), or only `dim` if it has size 1.
    public func squeeze(_ dim: Int? = nil) throws(TensorError) -> Tensor {
        var dims = shape.dims, newStrides = strides
        let name: String
        if let dim {
            let d = try shape.normalize(dim: dim)
            if rank > 0 && dims[d] == 1 {
                dims.remove(at: d)
                newStrides.remove(at: d)
            }
            name = "SqueezeBackward1"
        } else {
            let kept = dims.indices.filter { dims[$0] != 1 }
            dims = kept.map { shape.dims[$0] }
            newStrides = kept.map { newStrides[$0] }
            name = "SqueezeBackward0"
        }
        return makeView(dims, strides: newStrides, offset: storageOffset, name: name, gradient: .reshape)
    }

    /// Swaps two dimensions (a view).
    public func transpose(_ dim0: Int, _ dim1: Int) throws(TensorError) -> Tensor {
        let a = try shape.normalize(dim: dim0)
        let b = try shape.normalize(dim: dim1)
        var order = Array(0..<rank)
        if rank >= 2 { order.swapAt(a, b) }
        return permuted(order, name: "TransposeBackward0")
    }

    /// The transpose of a matrix; vectors and scalars come back unchanged (`t()`).
    public func t() throws(TensorError) -> Tensor {
        guard rank <= 2 else { throw .runtime("t() expects a tensor with <= 2 dimensions, but self is \(rank)D") }
        return permuted(rank < 2 ? Array(0..<rank) : [1, 0], name: "TBackward0")
    }

    /// Reorders dimensions: result dimension k is dimension `order[k]` of this tensor.
    public func permute(_ order: [Int]) throws(TensorError) -> Tensor {
        guard order.count == rank else {
            throw .runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to len(dims) = \(order.count)")
        }
        var normalized: [Int] = []
        for d in order { normalized.append(try shape.normalize(dim: d)) }
        guard Set(normalized).count == rank else { throw .runtime("permute(): duplicate dims are not allowed.") }
        return permuted(normalized, name: "PermuteBackward0")
    }

    /// A view with dimension k being dimension `order[k]` of this tensor.
    func permuted(_ order: [Int], name: String) -> Tensor {
        let own = strides
        return makeView(order.map { shape.dims[$0] }, strides: order.map { own[$0] }, offset: storageOffset, name: name, gradient: .permute(order))
    }

    /// Repeats size-1 dimensions to `dims` (-1 keeps a size) as a view with stride 0 along
    /// the repeated dimensions (`expand`).
    public func expand(_ dims: [Int]) throws(TensorError) -> Tensor {
        guard dims.count >= rank else {
            throw .runtime("expand(torch.FloatTensor{\(shape.listDescription)}, size=\(Shape(dims).listDescription)): the number of sizes provided (\(dims.count)) must be greater or equal to the number of dimensions in the tensor (\(rank))")
        }
        var target = dims
        let offset = dims.count - rank
        let own = strides
        var newStrides = [Int](repeating: 0, count: dims.count)
        // From the last dimension, as c10's inferExpandGeometry: a new leading dimension kept
        // at size 1 takes the stride of the one after it times that one's size.
        for i in stride(from: dims.count - 1, through: 0, by: -1) {
            let size = i >= offset ? shape.dims[i - offset] : 1
            if target[i] == -1 {
                guard i >= offset else { throw .runtime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension \(i)") }
                target[i] = size
            }
            if size != 1 && size != target[i] {
                throw .runtime("The expanded size of the tensor (\(target[i])) must match the existing size (\(size)) at non-singleton dimension \(i).  Target sizes: \(Shape(dims).listDescription).  Tensor sizes: \(shape.listDescription)")
            }
            // A 0-dim tensor's expansion is all stride 0, as ATen's expand makes it.
            if size == target[i] && rank > 0 {
                newStrides[i] = i >= offset ? own[i - offset] : target[i + 1] &* newStrides[i + 1]
            }
        }
        _ = try Shape.checkedCount(target)
        return makeView(target, strides: newStrides, offset: storageOffset, name: "ExpandBackward0", gradient: .expand)
    }

    /// Concatenates tensors along an existing dimension (`torch.cat`).
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .runtime("torch.cat(): expected a non-empty list of Tensors") }
        let d = try first.shape.normalize(dim: dim)
        guard first.rank > 0 else { throw .runtime("zero-dimensional tensor (at position 0) cannot be concatenated") }
        var resultType = first.dtype
        for (i, t) in tensors.enumerated() {
            guard t.rank == first.rank else {
                throw .runtime("Tensors must have same number of dimensions: got \(first.rank) and \(t.rank)")
            }
            for k in 0..<first.rank where k != d && t.shape.dims[k] != first.shape.dims[k] {
                throw .runtime("Sizes of tensors must match except in dimension \(d). Expected size \(first.shape.dims[k]) but got size \(t.shape.dims[k]) for tensor number \(i) in the list.")
            }
            resultType = DType.promoted(resultType, t.dtype)
        }
        var outDims = first.shape.dims
        outDims[d] = tensors.reduce(0) { $0 &+ $1.shape.dims[d] }
        try MemoryBudget.reserve(outDims, elementSize: resultType.elementSize)
        return concatenated(tensors, dim: d, dtype: resultType, outDims: nil, name: "CatBackward0")
    }

    /// Joins equal-shaped tensors along a new dimension (`torch.stack`).
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .runtime("stack expects a non-empty TensorList") }
        let extent = first.rank + 1
        guard dim >= -extent, dim < extent else { throw .dimensionOutOfRange(dim: dim, rank: extent) }
        let d = dim < 0 ? dim + extent : dim
        var resultType = first.dtype
        for (i, t) in tensors.enumerated() {
            guard t.shape == first.shape else {
                throw .runtime("stack expects each tensor to be equal size, but got \(first.shape.listDescription) at entry 0 and \(t.shape.listDescription) at entry \(i)")
            }
            resultType = DType.promoted(resultType, t.dtype)
        }
        var outDims = first.shape.dims
        outDims.insert(tensors.count, at: d)
        try MemoryBudget.reserve(outDims, elementSize: resultType.elementSize)
        return concatenated(tensors, dim: d, dtype: resultType, outDims: outDims, name: "StackBackward0")
    }

    /// Joins blocks along `dim`; with `outDims` each input contributes one slice of a new dimension.
    static func concatenated(_ tensors: [Tensor], dim d: Int, dtype: DType, outDims: [Int]?, name: String) -> Tensor {
        let parts = tensors.map { t -> (outer: Int, block: Int) in
            let (outer, size, inner) = outDims == nil ? t.shape.split(at: d) : (Shape(Array(t.shape.dims[..<d])).count, 1, Shape(Array(t.shape.dims[d...])).count)
            return (outer, size * inner)
        }
        let outer = parts.first?.outer ?? 1
        let rowWidth = parts.reduce(0) { $0 + $1.block }
        var dims = outDims ?? tensors[0].shape.dims
        if outDims == nil { dims[d] = tensors.reduce(0) { $0 + $1.shape.dims[d] } }
        let out = Shape(dims)
        func join<T>(_ arrays: [[T]]) -> [T] {
            var result: [T] = []
            result.reserveCapacity(outer * rowWidth)
            for o in 0..<outer {
                for (k, a) in arrays.enumerated() {
                    let b = parts[k].block
                    result.append(contentsOf: a[(o * b)..<((o + 1) * b)])
                }
            }
            return result
        }
        let storage: TensorStorage = switch dtype {
        case .float32: .float32(join(tensors.map(\.floats)))
        case .float64: .float64(join(tensors.map(\.doubles)))
        case .int64: .int64(join(tensors.map(\.int64s)))
        case .int32: .int32(join(tensors.map { $0.storage.int32s }))
        case .uint8: .uint8(join(tensors.map { $0.storage.uint8s }))
        case .bool: .bool(join(tensors.map(\.bools)))
        }
        let shapes = tensors.map(\.shape)
        return Tensor(shape: out, storage: storage).recording(name, tensors, savesTensors: false) { g in
            let gv = g.storage
            var offset = 0
            var grads: [Tensor?] = []
            for (k, part) in parts.enumerated() {
                let piece = gv.rearranged(RowPieceTransform(outer: outer, rowWidth: rowWidth, offset: offset, width: part.block))
                offset += part.block
                grads.append(Tensor(shape: shapes[k], storage: piece))
            }
            return grads
        }
    }
}

/// Columns `offset..<offset + width` of each of `outer` rows of `rowWidth` elements.
struct RowPieceTransform: ArrayTransform {
    let outer: Int, rowWidth: Int, offset: Int, width: Int

    func apply<T>(_ values: [T]) -> [T] {
        var piece: [T] = []
        piece.reserveCapacity(outer * width)
        for o in 0..<outer {
            let start = o * rowWidth + offset
            piece.append(contentsOf: values[start..<(start + width)])
        }
        return piece
    }
}
