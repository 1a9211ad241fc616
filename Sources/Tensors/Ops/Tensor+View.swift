/// How a view's gradient reaches the tensor it views.
enum ViewGradient {
    /// The same elements in the same order (view, reshape, unsqueeze, squeeze, flatten).
    case reshape
    /// Result dimension k is dimension `order[k]` of the base (transpose, permute, t).
    case permute([Int])
    /// Summed over the broadcast dimensions (expand).
    case expand
    /// A region of the base: the gradient is scattered into zeros at these positions of the
    /// base's row-major layout (select, slice, narrow, split, unbind).
    case region(ViewLayout)
}

extension Tensor {
    /// The step in elements between neighbours along each dimension (`stride()`).
    public var strides: [Int] { layout?.strides ?? shape.strides }

    /// The stride of dimension `dim` (negative counts from the end): `stride(dim)`.
    public func dimensionStride(_ dim: Int) throws(TensorError) -> Int {
        let d = try shape.normalize(dim: dim)
        return rank == 0 ? 1 : strides[d]
    }

    /// Where the first element lies in the shared storage (`storage_offset()`).
    public var storageOffset: Int { layout?.offset ?? 0 }

    /// Whether the elements lie row-major without gaps (`is_contiguous()`), by PyTorch's rule:
    /// dimensions of size 1 may have any stride, and an empty tensor is contiguous.
    public var isContiguous: Bool {
        guard let layout else { return true }
        return ViewLayout.isRowMajor(shape.dims, layout.strides)
    }

    /// Whether the elements fill their extent exactly once in some order of the dimensions
    /// (c10's `is_non_overlapping_and_dense`: a permutation of a contiguous layout).
    var isNonOverlappingAndDense: Bool {
        let dims = shape.dims
        let strides = self.strides
        if dims.count == 1 { return dims[0] < 2 || strides[0] == 1 }
        // Dimensions of size 1 go last; the others by stride, each the product of the ones before.
        let order = dims.indices.sorted { a, b in
            if dims[a] < 2 { return false }
            if dims[b] < 2 { return true }
            return strides[a] < strides[b]
        }
        var required = 1
        for d in order {
            if dims[d] < 2 { return true }
            if strides[d] != required { return false }
            required *= dims[d]
        }
        return true
    }

    /// An address that identifies the first element (`data_ptr()`): equal for tensors that
    /// start at the same element of the same storage.
    public var dataPointer: Int {
        let base = Int(bitPattern: UInt(bitPattern: ObjectIdentifier(buffer)))
        return base &+ storageOffset &* dtype.elementSize
    }

    /// The tensor this one is a view of (`_base`), or nil.
    public var viewedTensor: Tensor? { viewBase }

    /// Whether this tensor and `other` share storage (a view of one another, or `.data`).
    public func sharesStorage(with other: Tensor) -> Bool { buffer === other.buffer }

    /// This tensor when it is contiguous, otherwise a contiguous copy (`contiguous()`).
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        return Tensor(shape: shape, storage: storage).recording("CloneBackward0", [self], savesTensors: false) { g in [g] }
    }

    /// A view of these elements as `dims` with `strides` from `offset` in the shared storage,
    /// recorded as `name`.
    func makeView(_ dims: [Int], strides: [Int], offset: Int, name: String, gradient: ViewGradient) -> Tensor {
        let outShape = Shape(dims)
        // Only a view with exactly the row-major strides drops its layout: PyTorch keeps the
        // strides of size-1 and empty dimensions as the view computed them, and reports them.
        let dense = offset == 0 && outShape.count == bufferElements.count && strides == outShape.strides
        let result = Tensor(shape: outShape, buffer: buffer, layout: dense ? nil : ViewLayout(strides: strides, offset: offset), base: viewBase ?? self)
        guard Tensor.needsGraph(self) else { return result }
        let source = shape
        return result.recording(name, [self], savesTensors: false) { g in
            switch gradient {
            case .reshape:
                return [Tensor(shape: source, storage: g.storage)]
            case .permute(let order):
                var inverse = [Int](repeating: 0, count: order.count)
                for (k, d) in order.enumerated() { inverse[d] = k }
                return [Tensor(shape: source, storage: Kernels.permute(g.storage, outShape, inverse))]
            case .expand:
                return [g.summed(from: outShape, to: source)]
            case .region(let region):
                return [g.scatterAdded(at: region.positions(dims), into: source)]
            }
        }
    }

    /// A view of all of a dense tensor's elements as `target` (the lesson's `view`s and
    /// reshapes: no strides to compute).
    func denseView(_ target: Shape, name: String) -> Tensor {
        let result = Tensor(shape: target, buffer: buffer, layout: nil, base: viewBase ?? self)
        guard Tensor.needsGraph(self) else { return result }
        let source = shape
        return result.recording(name, [self], savesTensors: false) { g in [Tensor(shape: source, storage: g.storage)] }
    }

    /// A view that takes a region of this tensor: `transform` maps (strides, offset) of a
    /// layout to the region's, and is applied both to the real layout and to the row-major
    /// one the gradient is scattered into.
    func regionView(_ dims: [Int], name: String, _ transform: ([Int], Int) -> (strides: [Int], offset: Int)) -> Tensor {
        let actual = transform(strides, storageOffset)
        // The row-major region is only needed by the gradient.
        let logical = Tensor.needsGraph(self) ? transform(shape.strides, 0) : (strides: [], offset: 0)
        return makeView(dims, strides: actual.strides, offset: actual.offset, name: name,
                        gradient: .region(ViewLayout(strides: logical.strides, offset: logical.offset)))
    }

    /// Strides for viewing this tensor as `target` without copying, or nil when some new
    /// dimension would span elements that are not evenly spaced (PyTorch's `computeStride`).
    func viewStrides(_ target: [Int]) -> [Int]? {
        let oldDims = shape.dims, oldStrides = strides
        if oldDims.isEmpty { return [Int](repeating: 1, count: target.count) }
        var newStrides = [Int](repeating: 0, count: target.count)
        if count == 0 {
            if oldDims == target { return oldStrides }
            for d in Swift.stride(from: target.count - 1, through: 0, by: -1) {
                newStrides[d] = d == target.count - 1 ? 1 : Swift.max(target[d + 1], 1) * newStrides[d + 1]
            }
            return newStrides
        }
        var viewD = target.count - 1
        var chunkBaseStride = oldStrides[oldStrides.count - 1]
        var tensorNumel = 1
        var viewNumel = 1
        for tensorD in Swift.stride(from: oldDims.count - 1, through: 0, by: -1) {
            tensorNumel *= oldDims[tensorD]
            if tensorD == 0 || (oldDims[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride) {
                while viewD >= 0 && (viewNumel < tensorNumel || target[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBaseStride
                    viewNumel *= target[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if tensorD > 0 {
                    chunkBaseStride = oldStrides[tensorD - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
        }
        return viewD == -1 ? newStrides : nil
    }
}

extension ViewLayout {
    /// PyTorch's contiguity rule: row-major strides, ignoring dimensions of size 1; an empty
    /// tensor is contiguous.
    static func isRowMajor(_ dims: [Int], _ strides: [Int]) -> Bool {
        if dims.contains(0) { return true }
        var expected = 1
        for d in stride(from: dims.count - 1, through: 0, by: -1) {
            if dims[d] != 1 {
                guard strides[d] == expected else { return false }
                expected *= dims[d]
            }
        }
        return true
    }
}
