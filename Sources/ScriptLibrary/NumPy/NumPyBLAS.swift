import Glibc
import Tensors
import Script

/// The BLAS routines NumPy's `dot` / `matmul` call for float32 and float64 (`?dot` for two
/// vectors, `?gemv` for a matrix and a vector, `?gemm` for two matrices), from the OpenBLAS
/// the tensor engine also uses (opened the same way, on first use).
package struct NumPyBLAS: @unchecked Sendable {
    package typealias Dot<T> = (Int32, UnsafePointer<T>?, Int32, UnsafePointer<T>?, Int32) -> T
    package typealias Gemv<T> = (Int32, Int32, Int32, Int32, T, UnsafePointer<T>?, Int32, UnsafePointer<T>?, Int32, T,
                         UnsafeMutablePointer<T>?, Int32) -> Void
    package typealias Gemm<T> = (Int32, Int32, Int32, Int32, Int32, Int32, T, UnsafePointer<T>?, Int32, UnsafePointer<T>?, Int32, T,
                         UnsafeMutablePointer<T>?, Int32) -> Void
    package typealias SDot = @convention(c) (Int32, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32) -> Float
    package typealias DDot = @convention(c) (Int32, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32) -> Double
    package typealias SGemv = @convention(c) (Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
                                      Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    package typealias DGemv = @convention(c) (Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
                                      Double, UnsafeMutablePointer<Double>?, Int32) -> Void
    package typealias SGemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
                                      UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    package typealias DGemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32,
                                      UnsafePointer<Double>?, Int32, Double, UnsafeMutablePointer<Double>?, Int32) -> Void
    package typealias SSyrk = @convention(c) (Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, Float,
                                      UnsafeMutablePointer<Float>?, Int32) -> Void
    package typealias DSyrk = @convention(c) (Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, Double,
                                      UnsafeMutablePointer<Double>?, Int32) -> Void
    package typealias Syrk<T> = (Int32, Int32, Int32, Int32, Int32, T, UnsafePointer<T>?, Int32, T, UnsafeMutablePointer<T>?, Int32) -> Void
    package typealias SetThreads = @convention(c) (Int32) -> Void

    /// CBLAS's `CblasRowMajor`, `CblasNoTrans`, `CblasTrans`, `CblasUpper`.
    static let rowMajor: Int32 = 101, plain: Int32 = 111, transposed: Int32 = 112, upper: Int32 = 121

    let sdot: SDot, ddot: DDot, sgemv: SGemv, dgemv: DGemv, sgemm: SGemm, dgemm: DGemm, ssyrk: SSyrk, dsyrk: DSyrk

    /// OpenBLAS's routines, or nil when it cannot be loaded (products then use the tensor engine).
    static let shared: NumPyBLAS? = {
        for name in ["libopenblas.so.0", "libopenblas.so"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            func symbol<F>(_ name: String, _: F.Type) -> F? {
                dlsym(handle, name).map { unsafeBitCast($0, to: F.self) }
            }
            guard let sdot = symbol("cblas_sdot", SDot.self), let ddot = symbol("cblas_ddot", DDot.self),
                  let sgemv = symbol("cblas_sgemv", SGemv.self), let dgemv = symbol("cblas_dgemv", DGemv.self),
                  let sgemm = symbol("cblas_sgemm", SGemm.self), let dgemm = symbol("cblas_dgemm", DGemm.self),
                  let ssyrk = symbol("cblas_ssyrk", SSyrk.self), let dsyrk = symbol("cblas_dsyrk", DSyrk.self) else {
                continue
            }
            // One thread, as the tensor engine runs the same library (see `BLAS`).
            symbol("openblas_set_num_threads", SetThreads.self)?(1)
            return NumPyBLAS(sdot: sdot, ddot: ddot, sgemv: sgemv, dgemv: dgemv, sgemm: sgemm, dgemm: dgemm, ssyrk: ssyrk, dsyrk: dsyrk)
        }
        return nil
    }()

    /// `a @ b` for float32 or float64 arrays of rank 1 or 2 whose core dimensions agree, as
    /// NumPy's BLAS paths compute it; nil for anything else (other dtypes, batches, sizes past
    /// BLAS's 32-bit counts).
    package static func product(_ a: NDArray, _ b: NDArray) -> NDArray? {
        guard let blas = shared, a.dtype == b.dtype, (1...2).contains(a.rank), (1...2).contains(b.rank),
              a.count < Int(Int32.max), b.count < Int(Int32.max),
              (a.dims + b.dims).allSatisfy({ $0 < Int(Int32.max) }) else { return nil }
        // A matrix times its own transpose (one buffer, strides swapped) is NumPy's syrk case:
        // the operand laid out by rows is passed, transposed or not.
        let symmetric = a.rank == 2 && b.rank == 2 && a.tensor.sharesStorage(with: b.tensor)
            && a.tensor.storageOffset == b.tensor.storageOffset && a.dims == b.dims.reversed()
            && a.tensor.strides == b.tensor.strides.reversed() && a.tensor.strides[0] != a.tensor.strides[1]
        let byRows = a.rank == 2 && a.tensor.strides[1] < a.tensor.strides[0]
        // Otherwise a transposed matrix is read in place with BLAS's transpose flag, as NumPy passes it.
        let (left, leftT) = symmetric ? (byRows ? a : b, !byRows) : stored(a)
        let (right, rightT) = symmetric ? (left, false) : stored(b)
        let shapes = Operands(a: a.dims, b: b.dims, aTransposed: leftT, bTransposed: rightT, symmetric: symmetric)
        switch (left.elements, right.elements) {
        case (.float64(let x), .float64(let y)):
            guard let (values, dims) = product(x, y, shapes, dot: { blas.ddot($0, $1, $2, $3, $4) },
                                               gemv: { blas.dgemv($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) },
                                               gemm: { blas.dgemm($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) },
                                               syrk: { blas.dsyrk($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }) else { return nil }
            return try? NDArray(.float64(values), dims)
        case (.float32(let x), .float32(let y)):
            guard let (values, dims) = product(x, y, shapes, dot: { blas.sdot($0, $1, $2, $3, $4) },
                                               gemv: { blas.sgemv($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) },
                                               gemm: { blas.sgemm($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) },
                                               syrk: { blas.ssyrk($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) }) else { return nil }
            return try? NDArray(.float32(values), dims)
        default:
            return nil
        }
    }

    /// The logical shapes of the two operands and whether each is stored transposed.
    private struct Operands {
        let a: [Int], b: [Int], aTransposed: Bool, bTransposed: Bool, symmetric: Bool
    }

    /// A matrix whose transpose is dense (a `.T` view) as that dense transpose, flagged.
    private static func stored(_ array: NDArray) -> (NDArray, Bool) {
        if array.rank == 2, !array.tensor.isContiguous, let t = try? array.transposed([1, 0]), t.tensor.isContiguous {
            return (t, true)
        }
        return (array, false)
    }

    private static func product<T: BinaryFloatingPoint>(_ x: [T], _ y: [T], _ o: Operands, dot: Dot<T>, gemv: Gemv<T>,
                                                        gemm: Gemm<T>, syrk: Syrk<T>) -> (values: [T], dims: [Int])? {
        let rowMajor = NumPyBLAS.rowMajor, plain = NumPyBLAS.plain, transposed = NumPyBLAS.transposed
        let xd = o.a, yd = o.b
        switch (xd.count, yd.count) {
        case (1, 1):
            guard xd[0] == yd[0] else { return nil }
            return ([dot(Int32(xd[0]), x, 1, y, 1)], [])
        case (2, 1):
            guard xd[1] == yd[0] else { return nil }
            let m = xd[0], k = xd[1]
            var out = [T](repeating: 0, count: m)
            if m > 0 && k > 0 {
                if o.aTransposed {
                    gemv(rowMajor, transposed, Int32(k), Int32(m), 1, x, Int32(m), y, 1, 0, &out, 1)
                } else {
                    gemv(rowMajor, plain, Int32(m), Int32(k), 1, x, Int32(k), y, 1, 0, &out, 1)
                }
            }
            return (out, [m])
        case (1, 2):
            guard xd[0] == yd[0] else { return nil }
            let k = yd[0], n = yd[1]
            var out = [T](repeating: 0, count: n)
            if k > 0 && n > 0 {
                if o.bTransposed {
                    gemv(rowMajor, plain, Int32(n), Int32(k), 1, y, Int32(k), x, 1, 0, &out, 1)
                } else {
                    gemv(rowMajor, transposed, Int32(k), Int32(n), 1, y, Int32(n), x, 1, 0, &out, 1)
                }
            }
            return (out, [n])
        default:
            guard xd[1] == yd[0] else { return nil }
            let m = xd[0], k = xd[1], n = yd[1]
            var out = [T](repeating: 0, count: m * n)
            if m > 0 && k > 0 && o.symmetric {
                // The upper triangle from syrk, mirrored into the lower one; `x` holds the
                // operand laid out by rows (k x m when transposed).
                syrk(rowMajor, NumPyBLAS.upper, o.aTransposed ? transposed : plain, Int32(m), Int32(k), 1, x, Int32(o.aTransposed ? m : k),
                     0, &out, Int32(m))
                for i in 0..<m { for j in (i + 1)..<m { out[j * m + i] = out[i * m + j] } }
            } else if m > 0 && n > 0 && k > 0 {
                gemm(rowMajor, o.aTransposed ? transposed : plain, o.bTransposed ? transposed : plain, Int32(m), Int32(n), Int32(k), 1,
                     x, Int32(o.aTransposed ? m : k), y, Int32(o.bTransposed ? k : n), 0, &out, Int32(n))
            }
            return (out, [m, n])
        }
    }
}
