/// Loops over raw element buffers. They assume shapes were validated by the caller.
enum Kernels {
    /// Elementwise `a + b` over equal-length arrays.
    static func add<T: FloatElement>(_ a: [T], _ b: [T]) -> [T] {
        let n = min(a.count, b.count)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                makeArray(n) { out in
                    for i in 0..<n { out[i] = pa[i] + pb[i] }
                }
            }
        }
    }

    /// Applies `op` to `a` and `b` broadcast to `out`.
    @inline(__always)
    static func broadcast<T, U>(
        _ a: [T], _ sa: Shape, _ b: [T], _ sb: Shape, out: Shape, _ op: (T, T) -> U
    ) -> [U] {
        let n = out.count
        if n == 0 { return [] }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                // Every element is written below; the fill value only sizes the array.
                let first = op(pa[0], pb[0])
                if n <= specialisedArrayLimit {
                    var result = filledArray(first, count: n)
                    result.withUnsafeMutableBufferPointer { po in
                        broadcastInto(po, pa, sa, pb, sb, out: out, op)
                    }
                    return result
                }
                return [U](unsafeUninitializedCapacity: n) { po, initialized in
                    po.initialize(repeating: first)
                    initialized = n
                    broadcastInto(po, pa, sa, pb, sb, out: out, op)
                }
            }
        }
    }

    /// Writes `op(a, b)` broadcast to `out` into `po` (all `out.count` elements).
    @inline(__always)
    static func broadcastInto<T, U>(
        _ po: UnsafeMutableBufferPointer<U>, _ pa: UnsafeBufferPointer<T>, _ sa: Shape,
        _ pb: UnsafeBufferPointer<T>, _ sb: Shape, out: Shape, _ op: (T, T) -> U
    ) {
        let n = po.count
        if sa.count == n && sb.count == n {
            for i in 0..<n { po[i] = op(pa[i], pb[i]) }
            return
        }
        if sb.count == 1 && sa.count == n {
            let s = pb[0]
            for i in 0..<n { po[i] = op(pa[i], s) }
            return
        }
        if sa.count == 1 && sb.count == n {
            let s = pa[0]
            for i in 0..<n { po[i] = op(s, pb[i]) }
            return
        }
        let stA = sa.broadcastStrides(to: out)
        let stB = sb.broadcastStrides(to: out)
        let rank = out.rank
        let inner = out.dims[rank - 1]
        let ia = stA[rank - 1]
        let ib = stB[rank - 1]
        var counter = Odometer(dims: out.dims)
        let stepA = counter.steps(for: stA, last: rank - 2)
        let stepB = counter.steps(for: stB, last: rank - 2)
        var offA = 0
        var offB = 0
        var o = 0
        while o < n {
            for j in 0..<inner {
                po[o + j] = op(pa[offA + j * ia], pb[offB + j * ib])
            }
            o += inner
            if let d = counter.tick(last: rank - 2) {
                offA += stepA[d]
                offB += stepB[d]
            }
        }
    }

    /// Sums `values` of shape `shape` down to `target`, the inverse of broadcasting, as
    /// PyTorch's `sum_to` does it: one sum over the leading dimensions and those `target` has
    /// as 1 (ATen's cascade sum).
    static func sum<T: FloatElement>(_ values: [T], from shape: Shape, to target: Shape) -> [T] {
        if shape == target { return values }
        if target.count == 1 { return [CascadeSum.total(values)] }
        let leading = shape.rank - target.rank
        let reduced = shape.dims.indices.map { d in d < leading || (target.dims[d - leading] == 1 && shape.dims[d] != 1) }
        var result = filledArray(T(0), count: target.count)
        values.withUnsafeBufferPointer { pv in
            result.withUnsafeMutableBufferPointer { out in
                guard let input = pv.baseAddress, let o = out.baseAddress else { return }
                CascadeSum.sums(input, dims: shape.dims, reduced: reduced, into: o, count: target.count)
            }
        }
        return result
    }

    /// Maps every element through `op`.
    @inline(__always)
    static func map<T: FloatElement>(_ a: [T], _ op: (T) -> T) -> [T] {
        a.withUnsafeBufferPointer { pa in
            makeArray(pa.count) { out in
                for i in 0..<pa.count { out[i] = op(pa[i]) }
            }
        }
    }

    /// Elementwise `op(a, b)` over equal-length arrays.
    @inline(__always)
    static func zip<T: FloatElement>(_ a: [T], _ b: [T], _ op: (T, T) -> T) -> [T] {
        let n = min(a.count, b.count)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                makeArray(n) { out in
                    for i in 0..<n { out[i] = op(pa[i], pb[i]) }
                }
            }
        }
    }

    /// Moves dimensions: element at index `i` of the result comes from the source index with
    /// dimensions permuted by `order` (result dim k is source dim order[k]).
    static func permute(_ storage: TensorStorage, _ shape: Shape, _ order: [Int]) -> TensorStorage {
        let n = shape.count
        if case .float32(let v) = storage, let last = order.last, last == shape.rank - 1, shape.dims[last] > 1 {
            return .float32(permuteBlocks(v, shape, order))
        }
        let srcStrides = shape.strides
        let outDims = order.map { shape.dims[$0] }
        let st = order.map { srcStrides[$0] }
        var offsets = [Int](repeating: 0, count: n)
        if n > 0 {
            var counter = Odometer(dims: outDims)
            let step = counter.steps(for: st, last: outDims.count - 1)
            var off = 0
            for o in 0..<n {
                offsets[o] = off
                if let d = counter.tick(last: outDims.count - 1) { off += step[d] }
            }
        }
        if case .float32(let v) = storage {
            return .float32(v.withUnsafeBufferPointer { pv in
                makeFloats(n) { out in for o in 0..<n { out[o] = pv[offsets[o]] } }
            })
        }
        return storage.gather(offsets)
    }

    /// `permute` when the innermost dimension stays innermost: whole rows move with one copy.
    static func permuteBlocks(_ v: [Float], _ shape: Shape, _ order: [Int]) -> [Float] {
        let rank = shape.rank
        let block = shape.dims[rank - 1]
        let outer = Shape(Array(order.dropLast().map { shape.dims[$0] }))
        let srcStrides = shape.strides
        let st = order.dropLast().map { srcStrides[$0] }
        let rows = outer.count
        return v.withUnsafeBufferPointer { pv in
            makeFloats(v.count) { out in
                guard let src = pv.baseAddress, let dst = out.baseAddress else { return }
                var counter = Odometer(dims: outer.dims)
                let step = counter.steps(for: st, last: rank - 2)
                var off = 0
                for r in 0..<rows {
                    (dst + r * block).update(from: src + off, count: block)
                    if let d = counter.tick(last: rank - 2) { off += step[d] }
                }
            }
        }
    }
}
