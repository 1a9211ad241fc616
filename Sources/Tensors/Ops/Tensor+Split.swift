extension Tensor {
    /// Views of consecutive pieces of `size` elements along `dim`, the last one shorter when
    /// the size does not divide (`split(int)`).
    public func split(size: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        guard rank > 0 else { throw .runtime("split expects at least a 1-dimensional tensor") }
        let d = try shape.normalize(dim: dim)
        guard size >= 0 else { throw .runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let extent = shape.dims[d]
        guard size > 0 || extent == 0 else {
            throw .runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(extent)")
        }
        // Rounded up without forming extent + size (a size near Int.max would overflow).
        let pieces = size == 0 ? 1 : Swift.max(extent / size + (extent % size == 0 ? 0 : 1), 1)
        return (0..<pieces).map { k in
            let start = k * size
            return sliceView(dim: d, start: start, length: Swift.min(size, extent - start), step: 1, name: "SplitBackward0")
        }
    }

    /// Views of pieces of the given lengths along `dim` (`split(list)`, `split_with_sizes`).
    public func split(sections: [Int], dim: Int = 0) throws(TensorError) -> [Tensor] {
        guard rank > 0 else { throw .runtime("split expects at least a 1-dimensional tensor") }
        let d = try shape.normalize(dim: dim)
        let extent = shape.dims[d]
        var total = 0
        for s in sections {
            guard s >= 0 else {
                throw .runtime("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(Shape(sections).listDescription)")
            }
            total = total.addingReportingOverflow(s).overflow ? Int.max : total + s
        }
        guard total == extent else {
            throw .runtime("split_with_sizes expects split_sizes to sum exactly to \(extent) (input tensor's size at dimension \(d)), but got split_sizes=\(Shape(sections).listDescription)")
        }
        var start = 0
        return sections.map { length in
            defer { start += length }
            return sliceView(dim: d, start: start, length: length, step: 1, name: "SplitWithSizesBackward0")
        }
    }

    /// At most `chunks` views of equal size (the last may be smaller) along `dim` (`chunk`).
    public func chunk(_ chunks: Int, dim: Int = 0) throws(TensorError) -> [Tensor] {
        guard rank > 0 else { throw .runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw .runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let d = try shape.normalize(dim: dim)
        let extent = shape.dims[d]
        if extent == 0 {
            // ATen's chunk keeps the count of empty pieces (split would make one).
            try MemoryBudget.reserve([chunks], elementSize: MemoryLayout<Tensor>.size * 16)
            return try split(sections: [Int](repeating: 0, count: chunks), dim: d)
        }
        // PyTorch's int64 arithmetic wraps for a huge `chunks`, and split then names the size.
        return try split(size: (extent &+ chunks &- 1) / chunks, dim: d)
    }

    /// The views along `dim`, each without that dimension (`unbind`).
    public func unbind(dim: Int = 0) throws(TensorError) -> [Tensor] {
        guard rank > 0 else { throw .index("Dimension specified as 0 but tensor has no dimensions") }
        let d = try shape.normalize(dim: dim)
        return (0..<shape.dims[d]).map { selectView(dim: d, index: $0, name: "UnbindBackward0") }
    }
}
