/// ATen's CPU float sum (`cascade_sum` in SumKernel.cpp), association for association: rows are
/// summed in four interleaved accumulators whose partial sums cascade through four levels
/// every 16 (or more, for very long rows) steps, contiguous rows in vectors, and each output
/// adds its partial sums into the zero it starts from. Every element-wise `+` is the one ATen
/// performs, so sums agree with PyTorch's to the bit. The vectors are 32 bytes (8 floats, 4
/// doubles) whatever the capability: the sum kernel is registered with `REGISTER_DISPATCH`,
/// which leaves AVX512 processors the AVX2 build (measured: the fixtures of all three
/// capabilities are the same). Strides are in elements; `V` is the accumulator (the element
/// itself, or a vector).
enum CascadeSum {
    /// ATen's `multi_row_sum`: four columns `colStride` apart summed over `size` rows
    /// `rowStride` apart, each in a cascade of four levels.
    @inline(__always)
    static func multiRowSum<V: SumLanes>(
        _ p: UnsafePointer<V.Element>, rowStride: Int, colStride: Int, size: Int
    ) -> (V, V, V, V) {
        let levelPower = Swift.max(4, ceilLog2(size) / 4)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        return withUnsafeTemporaryAllocation(of: V.self, capacity: 16) { acc -> (V, V, V, V) in
            acc.initialize(repeating: V.zero)
            var i = 0
            while i + levelStep <= size {
                for _ in 0..<levelStep {
                    addRow(p + i * rowStride, colStride, into: acc)
                    i += 1
                }
                for j in 1..<4 {
                    for k in 0..<4 {
                        acc[4 * j + k] = acc[4 * j + k] + acc[4 * (j - 1) + k]
                        acc[4 * (j - 1) + k] = V.zero
                    }
                    if i & (levelMask << (j * levelPower)) != 0 { break }
                }
            }
            while i < size {
                addRow(p + i * rowStride, colStride, into: acc)
                i += 1
            }
            for j in 1..<4 {
                for k in 0..<4 { acc[k] = acc[k] + acc[4 * j + k] }
            }
            return (acc[0], acc[1], acc[2], acc[3])
        }
    }

    /// Adds one row's four columns into the first level's accumulators.
    @inline(__always)
    static func addRow<V: SumLanes>(_ base: UnsafePointer<V.Element>, _ colStride: Int, into acc: UnsafeMutableBufferPointer<V>) {
        acc[0] = acc[0] + V.load(base)
        acc[1] = acc[1] + V.load(base + colStride)
        acc[2] = acc[2] + V.load(base + 2 * colStride)
        acc[3] = acc[3] + V.load(base + 3 * colStride)
    }

    /// ATen's `row_sum`: `size` values `stride` apart, read as rows of four interleaved
    /// columns; the values after the last full row go to the first column's sum.
    @inline(__always)
    static func rowSum<V: SumLanes>(_ p: UnsafePointer<V.Element>, stride: Int, size: Int) -> V {
        let rows = size / 4
        var (s0, s1, s2, s3): (V, V, V, V) = multiRowSum(p, rowStride: stride * 4, colStride: stride, size: rows)
        for i in (rows * 4)..<Swift.max(rows * 4, size) { s0 = s0 + V.load(p + i * stride) }
        s0 = s0 + s1
        s0 = s0 + s2
        s0 = s0 + s3
        return s0
    }

    /// `utils::CeilLog2`: 1 up to 2, then the bits of `x - 1`.
    static func ceilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }

    /// The sum of contiguous `values`, as `sum()` of a contiguous tensor.
    static func total<T: FloatElement>(_ values: [T]) -> T {
        values.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return 0 }
            return total(base, count: p.count)
        }
    }

    /// The sum of `count` contiguous elements: TensorIterator merges a contiguous tensor's
    /// dimensions into one, so no plan is needed.
    static func total<T: FloatElement>(_ input: UnsafePointer<T>, count: Int) -> T {
        var out: T = 0
        let threads = count >= ReductionPlan.grain ? IntraOpThreads.current : 1
        if threads > 1 {
            ReductionPlan(dims: [count], strides: [1], reduced: [true], keepDim: false)
                .parallelSum(T.SumVector.self, input, into: &out, outputs: 1, threads: threads)
        } else {
            loop2d(T.SumVector.self, out: &out, input, size0: count, size1: 1, inStrides: (1, 0), outStrides: (0, 0))
        }
        return out
    }

    /// The column sums of a row-major `rows` x `columns` matrix (`sum(0)`) written over `out`.
    static func columnSums<T: FloatElement>(_ input: UnsafePointer<T>, rows: Int, columns: Int, into out: UnsafeMutablePointer<T>) {
        out.update(repeating: 0, count: columns)
        let threads = rows * columns >= ReductionPlan.grain ? IntraOpThreads.current : 1
        if threads > 1 {
            ReductionPlan(dims: [rows, columns], strides: [columns, 1], reduced: [true, false], keepDim: true)
                .parallelSum(T.SumVector.self, input, into: out, outputs: columns, threads: threads)
            return
        }
        // TensorIterator merges a dimension of size 1 away: one row is copied (added to zero),
        // one column is a contiguous sum; otherwise the rows are reduced first.
        if rows == 1 || columns == 1 {
            loop2d(T.SumVector.self, out: out, input, size0: rows * columns, size1: 1, inStrides: (1, 0), outStrides: (rows == 1 ? 1 : 0, 0))
        } else if rows > 1 {
            loop2d(T.SumVector.self, out: out, input, size0: rows, size1: columns, inStrides: (columns, 1), outStrides: (0, 1))
        }
    }

    /// The sums of a row-major tensor of `dims` over the dimensions `reduced` marks, written
    /// over `out` (row-major in the remaining dimensions), as `sum(dims, keepdim=True)`.
    static func sums<T: FloatElement>(_ input: UnsafePointer<T>, dims: [Int], reduced: [Bool], into out: UnsafeMutablePointer<T>, count: Int) {
        out.update(repeating: 0, count: count)
        ReductionPlan(dims: dims, strides: Shape(dims).strides, reduced: reduced, keepDim: true)
            .parallelSum(T.SumVector.self, input, into: out, outputs: count, threads: IntraOpThreads.current)
    }

    /// The body of `cascade_sum`'s TensorIterator loop over a `size0` x `size1` block: adds
    /// each output's sum into `out` (outputs `outStrides` apart along each dimension, 0 along a
    /// reduced one), choosing ATen's inner, outer, vectorised or scalar kernel.
    static func loop2d<V: SumLanes>(
        _: V.Type, out: UnsafeMutablePointer<V.Element>, _ input: UnsafePointer<V.Element>,
        size0: Int, size1: Int, inStrides: (Int, Int), outStrides: (Int, Int)
    ) {
        var (size0, size1, inStrides, outStrides) = (size0, size1, inStrides, outStrides)
        if outStrides.0 != 0 && outStrides.1 == 0 {
            swap(&inStrides.0, &inStrides.1)
            swap(&outStrides.0, &outStrides.1)
            swap(&size0, &size1)
        }
        if outStrides.0 != 0 {
            // Not a reduction (the reduced dimensions have size 1): each output adds its input.
            for j in 0..<size1 {
                for i in 0..<size0 {
                    out[j * outStrides.1 + i * outStrides.0] += input[j * inStrides.1 + i * inStrides.0]
                }
            }
            return
        }
        let outStride = outStrides.1
        if inStrides.0 == 1 && size0 >= V.width {
            innerVectorSum(V.self, out: out, input, rowStride: inStrides.1, outStride: outStride, size0: size0, size1: size1)
        } else if inStrides.1 == 1 && size1 >= V.width {
            outerVectorSum(V.self, out: out, input, inner: inStrides.0, outStride: outStride, size0: size0, size1: size1)
        } else if inStrides.0 < inStrides.1 {
            for j in 0..<size1 {
                out[j * outStride] += rowSum(input + j * inStrides.1, stride: inStrides.0, size: size0) as V.Element
            }
        } else {
            scalarOuterSum(out: out, input, inStrides: inStrides, outStride: outStride, size0: size0, size1: size1)
        }
    }

    /// `vectorized_inner_sum`: each of `size1` contiguous rows summed in whole vectors, its
    /// tail added in order to zero, then the vector's lanes added to that, first to last.
    static func innerVectorSum<V: SumLanes>(
        _: V.Type, out: UnsafeMutablePointer<V.Element>, _ input: UnsafePointer<V.Element>,
        rowStride: Int, outStride: Int, size0: Int, size1: Int
    ) {
        let vectors = size0 / V.width
        for j in 0..<size1 {
            let row = input + j * rowStride
            let partial: V = rowSum(row, stride: V.width, size: vectors)
            var total: V.Element = 0
            for k in (vectors * V.width)..<size0 { total += row[k] }
            for lane in 0..<V.width { total += partial.lane(lane) }
            out[j * outStride] += total
        }
    }

    /// `vectorized_outer_sum`: `size1` contiguous columns summed over `size0` rows `inner`
    /// apart, four vectors of columns at a time, then one vector, then column by column.
    static func outerVectorSum<V: SumLanes>(
        _: V.Type, out: UnsafeMutablePointer<V.Element>, _ input: UnsafePointer<V.Element>,
        inner: Int, outStride: Int, size0: Int, size1: Int
    ) {
        let w = V.width
        var j = 0
        while j + 4 * w <= size1 {
            let sums: (V, V, V, V) = multiRowSum(input + j, rowStride: inner, colStride: w, size: size0)
            store(sums.0, out + j * outStride, outStride)
            store(sums.1, out + (j + w) * outStride, outStride)
            store(sums.2, out + (j + 2 * w) * outStride, outStride)
            store(sums.3, out + (j + 3 * w) * outStride, outStride)
            j += 4 * w
        }
        while j + w <= size1 {
            store(rowSum(input + j, stride: inner, size: size0) as V, out + j * outStride, outStride)
            j += w
        }
        while j < size1 {
            out[j * outStride] += rowSum(input + j, stride: inner, size: size0) as V.Element
            j += 1
        }
    }

    /// `scalar_outer_sum`: columns `inStrides.1` apart, four at a time, each over `size0`
    /// values `inStrides.0` apart.
    static func scalarOuterSum<T: SumLanes>(
        out: UnsafeMutablePointer<T>, _ input: UnsafePointer<T>,
        inStrides: (Int, Int), outStride: Int, size0: Int, size1: Int
    ) where T.Element == T {
        var j = 0
        while j + 3 < size1 {
            let sums: (T, T, T, T) = multiRowSum(input + j * inStrides.1, rowStride: inStrides.0, colStride: inStrides.1, size: size0)
            out[j * outStride] += sums.0
            out[(j + 1) * outStride] += sums.1
            out[(j + 2) * outStride] += sums.2
            out[(j + 3) * outStride] += sums.3
            j += 4
        }
        while j < size1 {
            out[j * outStride] += rowSum(input + j * inStrides.1, stride: inStrides.0, size: size0) as T
            j += 1
        }
    }

    /// Adds a vector's lanes into outputs `stride` apart.
    @inline(__always)
    static func store<V: SumLanes>(_ v: V, _ out: UnsafeMutablePointer<V.Element>, _ stride: Int) {
        for lane in 0..<V.width { out[lane * stride] += v.lane(lane) }
    }
}
