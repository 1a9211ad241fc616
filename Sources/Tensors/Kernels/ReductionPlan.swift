/// The iteration ATen's TensorIterator builds for a reduction (`reduce_op`): the dimensions
/// reordered with the reduced ones first and the others by stride (the output's, then the
/// input's), adjacent dimensions that step evenly merged, and the first two handed to the
/// kernel's two-dimensional loop for every position of the rest. Which loop `cascade_sum`
/// runs, and so how a sum associates, follows from this layout.
struct ReductionPlan {
    /// The iteration's sizes, fastest-moving first.
    var sizes: [Int]
    /// The input's strides in elements per iteration dimension.
    var inStrides: [Int]
    /// The output's strides in elements per iteration dimension (0 along reduced ones).
    var outStrides: [Int]

    /// The plan for summing an input of `dims` laid out at `strides` over the dimensions
    /// marked in `reduced`, into a new row-major output (`keepDim` as `sum(dim, keepdim)`).
    init(dims: [Int], strides: [Int], reduced: [Bool], keepDim: Bool) {
        let n = dims.count
        var outStrides = [Int](repeating: 0, count: n)
        // The output is allocated contiguous in its own shape; reduced dimensions read it at
        // stride 0 (inserted by review_reduce_result, or broadcast with keepdim).
        var step = 1
        for d in stride(from: n - 1, through: 0, by: -1) {
            if reduced[d] {
                if keepDim { outStrides[d] = dims[d] == 1 ? step : 0 }
            } else {
                outStrides[d] = step
                step *= Swift.max(dims[d], 1)
            }
        }
        let perm = Self.order(dims: dims, strides: [outStrides, strides])
        sizes = perm.map { dims[$0] }
        inStrides = perm.map { strides[$0] }
        self.outStrides = perm.map { outStrides[$0] }
        coalesce()
    }

    /// TensorIterator's `reorder_dimensions` for a reduction: `should_swap` over the output,
    /// whose reduced dimensions (stride 0) go first, then the input.
    private static func order(dims: [Int], strides operands: [[Int]]) -> [Int] {
        IterationOrder.sorted(dims.count) { d0, d1 in
            for (operand, strides) in operands.enumerated() {
                let (s0, s1) = (strides[d0], strides[d1])
                if operand == 0 && (s0 == 0) != (s1 == 0) { return s1 == 0 ? 1 : -1 }
                if s0 == 0 || s1 == 0 { continue }
                if s0 < s1 { return -1 }
                if s0 > s1 { return 1 }
                if dims[d0] > dims[d1] { return 1 }
            }
            return 0
        }
    }

    /// TensorIterator's `coalesce_dimensions`: a dimension of size 1 disappears, and two
    /// neighbours merge when the second's strides continue the first's for both operands.
    private mutating func coalesce() {
        guard sizes.count > 1 else { return }
        var prev = 0
        for d in 1..<sizes.count {
            let merge = sizes[prev] == 1 || sizes[d] == 1
                || (sizes[prev] * inStrides[prev] == inStrides[d] && sizes[prev] * outStrides[prev] == outStrides[d])
            if merge {
                if sizes[prev] == 1 {
                    inStrides[prev] = inStrides[d]
                    outStrides[prev] = outStrides[d]
                }
                sizes[prev] *= sizes[d]
            } else {
                prev += 1
                if prev != d {
                    inStrides[prev] = inStrides[d]
                    outStrides[prev] = outStrides[d]
                    sizes[prev] = sizes[d]
                }
            }
        }
        sizes.removeSubrange((prev + 1)...)
        inStrides.removeSubrange((prev + 1)...)
        outStrides.removeSubrange((prev + 1)...)
    }

    /// Adds the sums of `input` (at its first element) into `out` (zeroed by the caller),
    /// the two-dimensional loop once per position of the outer dimensions, first fastest.
    func sum<V: SumLanes>(_: V.Type, _ input: UnsafePointer<V.Element>, into out: UnsafeMutablePointer<V.Element>) {
        guard !sizes.contains(0) else { return }
        let n = sizes.count
        let size0 = n > 0 ? sizes[0] : 1, size1 = n > 1 ? sizes[1] : 1
        let inner = (n > 0 ? inStrides[0] : 0, n > 1 ? inStrides[1] : 0)
        let outer = (n > 0 ? outStrides[0] : 0, n > 1 ? outStrides[1] : 0)
        var index = [Int](repeating: 0, count: Swift.max(n - 2, 0))
        var (inOffset, outOffset) = (0, 0)
        while true {
            CascadeSum.loop2d(V.self, out: out + outOffset, input + inOffset, size0: size0, size1: size1, inStrides: inner, outStrides: outer)
            var k = 0
            while k < index.count {
                let d = k + 2
                index[k] += 1
                inOffset += inStrides[d]
                outOffset += outStrides[d]
                if index[k] < sizes[d] { break }
                inOffset -= inStrides[d] * sizes[d]
                outOffset -= outStrides[d] * sizes[d]
                index[k] = 0
                k += 1
            }
            if k == index.count { return }
        }
    }
}
