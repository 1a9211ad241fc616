/// The views that move, split or window dimensions: `movedim`, `unflatten` and `unfold`.
extension Tensor {
    /// Moves the dimensions `source` to the positions `destination`, the others keeping their
    /// order (`movedim`, `moveaxis`): a permutation, as ATen composes it.
    public func movedim(source: [Int], destination: [Int]) throws(TensorError) -> Tensor {
        guard source.count == destination.count else {
            throw .runtime("movedim: Invalid source or destination dims: source (\(Shape(source).listDescription) dims) should contain the same number of dims as destination (\(Shape(destination).listDescription) dims)")
        }
        var from: [Int] = [], to: [Int] = []
        for d in source { from.append(try shape.normalize(dim: d)) }
        for d in destination { to.append(try shape.normalize(dim: d)) }
        guard Set(from).count == from.count else { throw .runtime("movedim: repeated dim in `source` (\(Shape(source).listDescription))") }
        guard Set(to).count == to.count else { throw .runtime("movedim: repeated dim in `destination` (\(Shape(destination).listDescription))") }
        // A 0-dim tensor is returned as an alias.
        guard rank > 0 else { return permuted([], name: "AliasBackward0") }
        var order = [Int](repeating: -1, count: rank)
        for (s, d) in zip(from, to) { order[d] = s }
        let rest = (0..<rank).filter { !from.contains($0) }
        let free = (0..<rank).filter { order[$0] < 0 }
        for (d, s) in zip(free, rest) { order[d] = s }
        return permuted(order, name: "PermuteBackward0")
    }

    /// Splits dimension `dim` into `sizes` (one may be -1), as a view (`unflatten`).
    public func unflatten(dim: Int, sizes: [Int]) throws(TensorError) -> Tensor {
        // PyTorch's text goes on with the C++ stack trace of the error it wraps.
        guard rank > 0 else { throw .runtime("unflatten got an unexpected error:\nDimension specified as 0 but tensor has no dimensions") }
        let d = try shape.normalize(dim: dim)
        guard !sizes.isEmpty else { throw .runtime("unflatten: sizes must be non-empty") }
        let extent = shape.dims[d]
        guard let resolved = try Tensor.inferredSizes(sizes, total: extent) else {
            throw .runtime("unflatten: Provided sizes \(Shape(sizes).listDescription) don't multiply up to the size of dim \(d) (\(extent)) in the input tensor")
        }
        var dims = shape.dims
        dims.replaceSubrange(d...d, with: resolved)
        return try view(dims)
    }

    /// The windows of `size` elements every `step` along `dimension`, as a new last dimension
    /// of a view (`unfold`; windows may overlap, and their gradients add up).
    public func unfold(dimension: Int, size: Int, step: Int) throws(TensorError) -> Tensor {
        let d = try shape.normalize(dim: dimension)
        let maximum = rank == 0 ? 1 : shape.dims[d]
        guard size <= maximum else { throw .runtime("maximum size for tensor at dimension \(d) is \(maximum) but size is \(size)") }
        guard size >= 0 else { throw .runtime("size is \(size) but must be >= 0") }
        guard step > 0 else { throw .runtime("step is \(step) but must be > 0") }
        var dims = shape.dims
        if rank > 0 { dims[d] = (dims[d] - size) / step + 1 }
        dims.append(size)
        let rank = self.rank
        return regionView(dims, name: "UnfoldBackward0") { strides, offset in
            var windowed = strides
            windowed.append(rank == 0 ? 1 : strides[d])
            if rank > 0 { windowed[d] = windowed[d] &* step }
            return (windowed, offset)
        }
    }
}
