/// ATen's `parallel_reduce` (TensorIteratorReduce.cpp) over a `ReductionPlan`: how PyTorch
/// divides a sum of at least `grain` elements between its intra-op threads, and so how the
/// partial sums associate. Recur computes the same parts in the same order on one thread; the
/// result depends on the thread count (`IntraOpThreads`), never on Recur's scheduling.
extension ReductionPlan {
    /// `at::internal::GRAIN_SIZE`: fewer elements are summed by one thread.
    static let grain = 32768

    /// Adds the sums of `input` into `out` (zeroed by the caller, `outputs` elements) as
    /// PyTorch does with `threads` threads: one thread below the grain; a single output in two
    /// passes (each thread's share of the elements into its own slot, then the slots summed);
    /// several outputs split along one kept dimension.
    func parallelSum<V: SumLanes>(_: V.Type, _ input: UnsafePointer<V.Element>, into out: UnsafeMutablePointer<V.Element>,
                                  outputs: Int, threads: Int) {
        let numel = sizes.reduce(1, *)
        if numel < Self.grain || threads < 2 {
            sum(V.self, input, into: out)
        } else if outputs == 1 {
            twoPassSum(V.self, input, into: out, numel: numel, threads: threads)
        } else {
            dimensionSplitSum(V.self, input, into: out, threads: threads)
        }
    }

    /// `two_pass_reduction`: `parallel_for(0, numel, GRAIN_SIZE)` gives thread t the elements
    /// from t * chunk in iteration order, summed into slot t of a zeroed buffer; the slots are
    /// then reduced into the output by the same kernel.
    private func twoPassSum<V: SumLanes>(_: V.Type, _ input: UnsafePointer<V.Element>, into out: UnsafeMutablePointer<V.Element>,
                                         numel: Int, threads: Int) {
        var slots = [V.Element](repeating: 0, count: threads)
        // parallel_for runs the whole range on the calling thread unless it exceeds the grain.
        let used = numel > Self.grain ? Swift.min(threads, (numel + Self.grain - 1) / Self.grain) : 1
        let chunk = (numel + used - 1) / used
        slots.withUnsafeMutableBufferPointer { slot in
            guard let first = slot.baseAddress else { return }
            for t in 0..<used where t * chunk < numel {
                sum(V.self, input, into: first + t, range: (t * chunk)..<Swift.min(numel, (t + 1) * chunk))
            }
            CascadeSum.loop2d(V.self, out: out, UnsafePointer(first), size0: threads, size1: 1, inStrides: (1, 0), outStrides: (0, 0))
        }
    }

    /// `parallel_dim_reduction`: the outermost kept dimension at least as long as the thread
    /// count (else the longest kept one) is cut into one run of columns per thread, rounded to
    /// 128 bytes when its columns are adjacent in memory; each run is summed as a narrowed plan.
    private func dimensionSplitSum<V: SumLanes>(_: V.Type, _ input: UnsafePointer<V.Element>, into out: UnsafeMutablePointer<V.Element>,
                                                threads: Int) {
        let dim = splitDimension(threads: threads)
        let columns = sizes[dim]
        guard columns > 1 else {
            sum(V.self, input, into: out)
            return
        }
        let used = Swift.min(threads, columns)
        let chunk = (columns + used - 1) / used
        let multiple = inStrides[dim] == 1 ? 128 / MemoryLayout<V.Element>.stride : 1
        for t in 0..<used where t * chunk < columns {
            var begin = t * chunk, end = Swift.min(columns, (t + 1) * chunk)
            begin -= begin % multiple
            if end != columns { end -= end % multiple }
            guard begin < end else { continue }
            var part = self
            part.sizes[dim] = end - begin
            part.sum(V.self, input + begin * inStrides[dim], into: out + begin * outStrides[dim])
        }
    }

    /// `find_split_dim`: from the outermost dimension inwards over the kept ones, the first
    /// with at least `threads` columns, else the longest.
    private func splitDimension(threads: Int) -> Int {
        var best = sizes.count - 1
        var d = best
        while d >= 0 && !(outStrides[d] == 0 && sizes[d] > 1) {
            if sizes[d] >= threads { return d }
            if sizes[d] > sizes[best] { best = d }
            d -= 1
        }
        return best
    }

    /// `serial_for_each` over the elements `range` of the iteration order: the kernel's loop
    /// on the partial first row, the whole rows, then the partial last row (ATen's
    /// `DimCounter::max_2d_step`), each at its position.
    func sum<V: SumLanes>(_: V.Type, _ input: UnsafePointer<V.Element>, into out: UnsafeMutablePointer<V.Element>, range: Range<Int>) {
        let n = sizes.count
        guard n > 0, !range.isEmpty else { return }
        var values = [Int](repeating: 0, count: n)
        var rest = range.lowerBound
        for d in 0..<n {
            values[d] = rest % sizes[d]
            rest /= sizes[d]
        }
        let inner = (inStrides[0], n > 1 ? inStrides[1] : 0)
        let outer = (outStrides[0], n > 1 ? outStrides[1] : 0)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let left = range.upperBound - offset
            let step0 = Swift.min(sizes[0] - values[0], left)
            let step1 = step0 == sizes[0] && n > 1 ? Swift.min(sizes[1] - values[1], left / sizes[0]) : 1
            var inOffset = 0, outOffset = 0
            for d in 0..<n {
                inOffset += values[d] * inStrides[d]
                outOffset += values[d] * outStrides[d]
            }
            CascadeSum.loop2d(V.self, out: out + outOffset, input + inOffset, size0: step0, size1: step1, inStrides: inner, outStrides: outer)
            offset += step0 * step1
            // DimCounter::increment: whole rows carry from the second dimension.
            var d = step1 != 1 ? 1 : 0
            var overflow = step1 != 1 ? step1 : step0
            while d < n && overflow > 0 {
                let value = values[d] + overflow
                if value >= sizes[d] {
                    values[d] = value - sizes[d]
                    overflow = 1
                } else {
                    values[d] = value
                    overflow = 0
                }
                d += 1
            }
        }
    }
}
