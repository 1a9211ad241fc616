import Dispatch

/// Thin, typed entry points into OpenBLAS.
///
/// OpenBLAS's own threads spin (sched_yield) while waiting for work, which costs more than it
/// gains on the small per-time-step products of a recurrent layer and collapses when other
/// processes share the cores. So OpenBLAS runs single-threaded and `gemm` splits large
/// products in two halves that run on Dispatch's pool, whose idle threads block instead.
enum BLAS {
    /// Products with fewer multiply-adds than this run on the calling thread only: waking a
    /// second thread costs several microseconds, more than half of a recurrent step saves.
    static let parallelThreshold = 1 << 23

    /// The library behind every product, loaded (and set to one thread) on first use.
    static let library = BLASLibrary.load()

    /// `C = alpha * op(A) * op(B) + beta * C` over row-major float32 buffers.
    static func sgemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        switch library {
        case .openBLAS(let sgemm, _):
            sgemm(
                BLASLibrary.rowMajor,
                transposeA ? BLASLibrary.transpose : BLASLibrary.noTranspose,
                transposeB ? BLASLibrary.transpose : BLASLibrary.noTranspose,
                Int32(m), Int32(n), Int32(k),
                alpha, a, Int32(lda), b, Int32(ldb),
                beta, c, Int32(ldc))
        case .portable:
            portableSgemm(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
    }

    /// `sgemm` as a plain loop, for a machine without OpenBLAS. As in BLAS, C is not read
    /// when beta is zero.
    static func portableSgemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k {
                    let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += x * y
                }
                let scaled = alpha * sum
                c[i * ldc + j] = beta == 0 ? scaled : scaled + beta * c[i * ldc + j]
            }
        }
    }
}

/// Raw operand addresses handed to the second half of a split product.
private struct GemmOperands: @unchecked Sendable {
    let a: UnsafePointer<Float>
    let b: UnsafePointer<Float>
    let c: UnsafeMutablePointer<Float>
}

extension BLAS {
    /// `C = alpha * op(A) * op(B) + beta * C` where each matrix is dense row-major, so leading
    /// dimensions follow from the shapes; zero-sized products only scale C. Large products are
    /// split by rows (or by columns when there are few rows) across two threads; with
    /// `concurrent` false (a caller that keeps the other core busy itself) the same parts run
    /// one after the other, so the result is the same bit for bit.
    static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0,
        leadingA: Int? = nil, concurrent: Bool = true
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<(m * n) { c[i] = beta == 0 ? 0 : c[i] * beta }
            return
        }
        // A block of a transposed A's rows keeps the whole matrix's row length.
        let lda = leadingA ?? (transposeA ? m : k)
        let ldb = transposeB ? k : n
        if k == 1 && beta == 0 {
            // A one-deep product is an outer product: one multiplication per element, as
            // PyTorch computes it (a zero times a negative stays -0, which a sum from 0 loses).
            for i in 0..<m {
                let x = a[transposeA ? i : i * lda]
                for j in 0..<n { c[i * n + j] = alpha * (x * b[transposeB ? j * ldb : j]) }
            }
            return
        }
        if m == 1 && transposeB && n >= 4 && n * k <= sequentialProduct {
            rowDots(a, transposeA: transposeA, b, c, n: n, k: k, lda: lda, ldb: ldb, alpha: alpha, beta: beta)
            return
        }
        if m * n * k <= smallProduct || (!transposeB && m * n * k <= sequentialProduct && sumsInOrder(m: m, n: n, k: k, transposeA: transposeA)) {
            small(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k, lda: lda, ldb: ldb, alpha: alpha, beta: beta)
            return
        }
        if m <= 64 && n >= columnBlockWidth && k <= 1024 {
            columnBlocks(
                a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k, lda: lda, ldb: ldb, alpha: alpha, beta: beta,
                concurrent: concurrent)
            return
        }
        // A product long enough to notice runs in blocks of rows, asking between blocks whether
        // its caller was interrupted (it then stops, and the caller discards C).
        // At least `interruptibleRows` rows a block: thinner blocks would make OpenBLAS pack
        // all of B again for too little work each time.
        if let blockRows = interruptibleBlockRows(m: m, n: n, k: k) {
            var start = 0
            while start < m, !Cancellation.isRequested {
                let size = Swift.min(blockRows, m - start)
                // Row `start` of op(A) begins `start` elements into a transposed A (its column).
                gemm(transposeA ? a + start : a + start * lda, transposeA: transposeA, b, transposeB: transposeB, c + start * n,
                     m: size, n: n, k: k, alpha: alpha, beta: beta, leadingA: lda, concurrent: concurrent)
                start += size
            }
            return
        }
        let splitRows = m >= 64 && m >= n
        guard m * n * k >= parallelThreshold, splitRows || n >= 64 else {
            sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: n)
            return
        }
        let operands = GemmOperands(a: a, b: b, c: c)
        let extent = splitRows ? m : n
        let first = (extent / 2 + 15) / 16 * 16
        let half: @Sendable (Int) -> Void = { part in
            let start = part == 0 ? 0 : first
            let size = part == 0 ? first : extent - first
            if splitRows {
                let pa = transposeA ? operands.a + start : operands.a + start * lda
                sgemm(transposeA: transposeA, transposeB: transposeB, m: size, n: n, k: k, alpha: alpha, a: pa, lda: lda, b: operands.b, ldb: ldb, beta: beta, c: operands.c + start * n, ldc: n)
            } else {
                let pb = transposeB ? operands.b + start * ldb : operands.b + start
                sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: size, k: k, alpha: alpha, a: operands.a, lda: lda, b: pb, ldb: ldb, beta: beta, c: operands.c + start, ldc: n)
            }
        }
        if concurrent {
            DispatchQueue.concurrentPerform(iterations: 2, execute: half)
        } else {
            half(0)
            half(1)
        }
    }

    /// The rows of each block in which `gemm` computes an (untransposed-A) product of at least
    /// 128 rows, asking between blocks whether it was interrupted; nil when it computes the
    /// product whole. A caller that computes the same blocks itself, one `gemm` each, gets
    /// the same result bit for bit (a recurrent wavefront projects a layer's input this way).
    static func interruptibleBlockRows(m: Int, n: Int, k: Int) -> Int? {
        guard n > 0, k > 0 else { return nil }
        let blockRows = Swift.max(interruptibleRows, interruptibleWork / (n * k))
        return m > blockRows && m * n * k > 2 * interruptibleWork ? blockRows : nil
    }

    /// Multiply-adds between two interrupt checks in a large product: a few tens of
    /// milliseconds of OpenBLAS on one core, so an interrupt reaches the product well within
    /// 200 ms while each block stays large enough to run at full speed.
    static let interruptibleWork = 1 << 26
    static let interruptibleRows = 128

    /// Products of at most this many multiply-adds run as plain loops: OpenBLAS spends about a
    /// thousand instructions dispatching a call, several times the work of a recurrent cell's
    /// 1x4x4 step.
    static let smallProduct = 512

    /// Up to this many multiply-adds, products PyTorch sums in order of k (`sumsInOrder`) run
    /// as the plain loops, which do the same.
    static let sequentialProduct = 1 << 20

    /// Whether PyTorch's sgemm (MKL) sums each element of this product (B untransposed) in
    /// order of k without fused multiply-adds. Measured against PyTorch: A of at most 2 rows
    /// (depths to 256, up to 300 columns); at most 3 rows and depth 8; and, for 2, 3, 4 or 8
    /// columns, depth at most 8 (up to 200 rows) or A transposed with at most 8 columns
    /// (depths to 100). Other shapes take other kernels there.
    static func sumsInOrder(m: Int, n: Int, k: Int, transposeA: Bool) -> Bool {
        if m <= 2 || (m <= 3 && k <= 8) { return true }
        guard n == 2 || n == 3 || n == 4 || n == 8 else { return false }
        return k <= 8 || (transposeA && m <= 8)
    }

    /// `C = alpha * op(A) * op(B) + beta * C` with each element's products summed in order of
    /// k before C is added (so an accumulating product rounds as a product followed by an
    /// addition). With B transposed each element is a dot product of two contiguous runs;
    /// otherwise rows are built in a scratch row with the loop over columns innermost.
    static func small(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, lda: Int, ldb: Int, alpha: Float, beta: Float
    ) {
        let (aRow, aCol) = transposeA ? (1, lda) : (lda, 1)
        // beta == 0 ignores C entirely, as BLAS does (it may hold NaN or garbage).
        @inline(__always) func store(_ out: UnsafeMutablePointer<Float>, _ total: Float) {
            out.pointee = beta == 0 ? alpha * total : alpha * total + beta * out.pointee
        }
        if transposeB {
            for i in 0..<m {
                for j in 0..<n {
                    var total: Float = 0
                    let bj = b + j * ldb
                    for p in 0..<k { total += a[i * aRow + p * aCol] * bj[p] }
                    store(c + i * n + j, total)
                }
            }
            return
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scratch in
            guard let row = scratch.baseAddress else { return }
            for i in 0..<m {
                row.update(repeating: 0, count: n)
                for p in 0..<k {
                    let x = a[i * aRow + p * aCol]
                    let bp = b + p * ldb
                    for j in 0..<n { row[j] += x * bp[j] }
                }
                for j in 0..<n { store(c + i * n + j, row[j]) }
            }
        }
    }

    /// A one-row product with B transposed (a batch-1 `linear`, a recurrent step's `h W_hh^T`)
    /// in the association PyTorch's sgemm gives it on x86 (measured for depths 5 to 64, rows
    /// in groups of four): the first `(k - 1) % 4 + 2` products summed in order, the rest in
    /// four accumulators by position, added as `(a0 + a2) + (a1 + a3)`, no fused
    /// multiply-adds. The rows after the last group of four are summed in order, which is
    /// PyTorch's association up to a depth of 9.
    static func rowDots(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, n: Int, k: Int, lda: Int, ldb: Int, alpha: Float, beta: Float
    ) {
        let step = transposeA ? lda : 1
        let grouped = n - n % 4
        let peel = (k - 1) % 4 + 2
        for j in 0..<n {
            let row = b + j * ldb
            // Sums start from +0, as PyTorch's do (a row of zero products is +0, not -0).
            var total: Float = 0
            if j >= grouped || peel >= k {
                for p in 0..<k { total += a[p * step] * row[p] }
            } else {
                for p in 0..<peel { total += a[p * step] * row[p] }
                // k - peel is 3 modulo 4: three products open lanes 1 to 3, then whole groups of four.
                var lanes: (Float, Float, Float, Float) = (
                    total, 0 + a[peel * step] * row[peel], 0 + a[(peel + 1) * step] * row[peel + 1],
                    0 + a[(peel + 2) * step] * row[peel + 2])
                var p = peel + 3
                while p + 3 < k {
                    lanes.0 += a[p * step] * row[p]
                    lanes.1 += a[(p + 1) * step] * row[p + 1]
                    lanes.2 += a[(p + 2) * step] * row[p + 2]
                    lanes.3 += a[(p + 3) * step] * row[p + 3]
                    p += 4
                }
                total = (lanes.0 + lanes.2) + (lanes.1 + lanes.3)
            }
            c[j] = beta == 0 ? alpha * total : alpha * total + beta * c[j]
        }
    }

    /// Products with at least this many columns (and few rows) run as column blocks.
    static let columnBlockWidth = 128

    /// A product with few rows (a recurrent step: batch x hidden) as narrow column blocks.
    /// OpenBLAS serves products under about 10^6 multiply-adds with kernels that skip packing
    /// the whole right operand, which measured 25-35% faster on 32x256x256 steps; the blocks
    /// go to two threads when the product is large enough.
    static func columnBlocks(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, lda: Int, ldb: Int, alpha: Float, beta: Float,
        concurrent: Bool
    ) {
        var narrowest = transposeB ? 32 : 64
        while narrowest > 16 && m * narrowest * k > 1_000_000 { narrowest /= 2 }
        let width = narrowest
        let blocks = (n + width - 1) / width
        let operands = GemmOperands(a: a, b: b, c: c)
        let run: @Sendable (Int, Int) -> Void = { first, last in
            for block in first..<last {
                let start = block * width
                let size = Swift.min(width, n - start)
                let pb = transposeB ? operands.b + start * ldb : operands.b + start
                sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: size, k: k, alpha: alpha, a: operands.a, lda: lda, b: pb, ldb: ldb, beta: beta, c: operands.c + start, ldc: n)
            }
        }
        if concurrent && m * n * k >= parallelThreshold && blocks >= 2 {
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                part == 0 ? run(0, blocks / 2) : run(blocks / 2, blocks)
            }
        } else {
            run(0, blocks)
        }
    }

    /// `op(A) * op(B)` over arrays, as a new array of m*n elements.
    static func product(
        _ a: [Float], transposeA: Bool, _ b: [Float], transposeB: Bool, m: Int, n: Int, k: Int
    ) -> [Float] {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                product(pa.baseAddress, transposeA: transposeA, pb.baseAddress, transposeB: transposeB, m: m, n: n, k: k)
            }
        }
    }

    /// `op(A) * op(B)` from raw operands, as a new array of m*n elements.
    static func product(
        _ a: UnsafePointer<Float>?, transposeA: Bool, _ b: UnsafePointer<Float>?, transposeB: Bool, m: Int, n: Int, k: Int
    ) -> [Float] {
        guard let a, let b, k > 0 else { return filledArray(Float(0), count: m * n) }
        return makeFloats(m * n) { out in
            guard let c = out.baseAddress else { return }
            gemm(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k)
        }
    }
}
