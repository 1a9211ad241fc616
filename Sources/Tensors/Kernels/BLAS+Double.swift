/// float64 products through `cblas_dgemm`, as PyTorch's float64 `mm`/`addmm` go through its
/// BLAS. They run on the calling thread: float64 models are small (tutorials checking
/// precision), so the float32 path's splitting and blocking are not worth their code here.
extension BLAS {
    /// `C = op(A) * op(B) + beta * C` over dense row-major double matrices.
    static func dgemm(
        _ a: UnsafePointer<Double>, transposeA: Bool, _ b: UnsafePointer<Double>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int, beta: Double = 0
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<(m * n) { c[i] = beta == 0 ? 0 : c[i] * beta }
            return
        }
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        switch library {
        case .openBLAS(_, let dgemm):
            dgemm(
                BLASLibrary.rowMajor,
                transposeA ? BLASLibrary.transpose : BLASLibrary.noTranspose,
                transposeB ? BLASLibrary.transpose : BLASLibrary.noTranspose,
                Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
        case .portable:
            portableDgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c)
        }
    }

    /// `dgemm` as a plain loop, for a machine without OpenBLAS (C is not read when beta is zero).
    static func portableDgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double, c: UnsafeMutablePointer<Double>
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Double = 0
                for p in 0..<k {
                    sum += (transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j])
                }
                c[i * n + j] = beta == 0 ? sum : sum + beta * c[i * n + j]
            }
        }
    }
}
