import CBLAS
import Dispatch

/// Thin, typed entry points into OpenBLAS.
///
/// OpenBLAS's own threads spin (sched_yield) while waiting for work, which costs more than it
/// gains on the small per-time-step products of a recurrent layer and collapses when other
/// processes share the cores. So OpenBLAS runs single-threaded and `gemm` splits large
/// products in two halves that run on Dispatch's pool, whose idle threads block instead.
enum BLAS {
    /// Products with fewer multiply-adds than this run on the calling thread only.
    static let parallelThreshold = 1 << 20

    /// Switches OpenBLAS to one thread, once, before the first product.
    static let singleThreaded: Void = openblas_set_num_threads(1)

    /// `C = alpha * op(A) * op(B) + beta * C` over row-major float32 buffers.
    static func sgemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
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
    /// split by rows (or by columns when there are few rows) across two threads.
    static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<(m * n) { c[i] = beta == 0 ? 0 : c[i] * beta }
            return
        }
        _ = singleThreaded
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        let splitRows = m >= 64 && m >= n
        guard m * n * k >= parallelThreshold, splitRows || n >= 64 else {
            sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: n)
            return
        }
        let operands = GemmOperands(a: a, b: b, c: c)
        let extent = splitRows ? m : n
        let first = (extent / 2 + 15) / 16 * 16
        DispatchQueue.concurrentPerform(iterations: 2) { part in
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
        guard let a, let b, k > 0 else { return [Float](repeating: 0, count: m * n) }
        return makeFloats(m * n) { out in
            guard let c = out.baseAddress else { return }
            gemm(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k)
        }
    }
}
