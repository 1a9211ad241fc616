import Glibc

/// The matrix-product routine `BLAS` calls: OpenBLAS, loaded on the first product, or a plain
/// loop when OpenBLAS cannot be loaded.
///
/// OpenBLAS is opened with `dlopen` instead of being linked so that a process that never
/// multiplies matrices (a kernel answering its first requests, `recur install`) does not map
/// it: with libgfortran it keeps about 2 MiB resident, and its 60 KiB of thread-local storage
/// would otherwise be reserved in every thread of the process, libzmq's included.
enum BLASLibrary {
    /// `cblas_sgemm` (LP64 OpenBLAS: `blasint` is a C `int`; the enums are C `int`s).
    typealias SgemmFunction = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32,
        Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
        Float, UnsafeMutablePointer<Float>?, Int32
    ) -> Void
    /// `cblas_dgemm`, the same over doubles.
    typealias DgemmFunction = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32,
        Double, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
        Double, UnsafeMutablePointer<Double>?, Int32
    ) -> Void
    typealias SetThreadsFunction = @convention(c) (Int32) -> Void

    case openBLAS(SgemmFunction, DgemmFunction)
    /// OpenBLAS is missing: products run in `BLAS.portableSgemm` and `portableDgemm`; `reason` says why.
    case portable(reason: String)

    /// Sonames tried in order: the runtime package's (`libopenblas0`), then the development link.
    static let candidates = ["libopenblas.so.0", "libopenblas.so"]

    /// CBLAS constants (`CblasRowMajor`, `CblasNoTrans`, `CblasTrans`).
    static let rowMajor: Int32 = 101
    static let noTranspose: Int32 = 111
    static let transpose: Int32 = 112

    /// Loads OpenBLAS and switches it to one thread (see `BLAS`); on failure, says so once on
    /// standard error, since matrix products still work, only slower.
    static func load() -> BLASLibrary {
        var failures: [String] = []
        for name in candidates {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                failures.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            guard let sgemm = dlsym(handle, "cblas_sgemm"), let dgemm = dlsym(handle, "cblas_dgemm") else {
                failures.append("\(name): no cblas_sgemm or cblas_dgemm")
                dlclose(handle)
                continue
            }
            if let setThreads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(setThreads, to: SetThreadsFunction.self)(1)
            }
            return .openBLAS(unsafeBitCast(sgemm, to: SgemmFunction.self), unsafeBitCast(dgemm, to: DgemmFunction.self))
        }
        let reason = "OpenBLAS could not be loaded (" + failures.joined(separator: "; ")
            + "); matrix products use a slow built-in loop. Install OpenBLAS (Debian: libopenblas0)."
        warn("recur: " + reason)
        return .portable(reason: reason)
    }

    private static func warn(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = write(STDERR_FILENO, base, buffer.count)
        }
    }
}
