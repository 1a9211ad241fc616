import Testing
@testable import Tensors

@Suite struct BLASTests {
    @Test func sgemmMatchesHandComputedProduct() {
        // [[1 2 3] [4 5 6]] x [[7 8] [9 10] [11 12]] = [[58 64] [139 154]]
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: 0, count: 4)
        c.withUnsafeMutableBufferPointer { cp in
            BLAS.sgemm(
                transposeA: false, transposeB: false, m: 2, n: 2, k: 3,
                alpha: 1, a: a, lda: 3, b: b, ldb: 2, beta: 0, c: cp.baseAddress!, ldc: 2)
        }
        #expect(c == [58, 64, 139, 154])
    }

    @Test func sgemmHonoursTransposeFlags() {
        // A^T where A is stored 3x2: the same product as above.
        let at: [Float] = [1, 4, 2, 5, 3, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: 0, count: 4)
        c.withUnsafeMutableBufferPointer { cp in
            BLAS.sgemm(
                transposeA: true, transposeB: false, m: 2, n: 2, k: 3,
                alpha: 1, a: at, lda: 2, b: b, ldb: 2, beta: 0, c: cp.baseAddress!, ldc: 2)
        }
        #expect(c == [58, 64, 139, 154])
    }

    @Test func shapeCountsElements() {
        #expect(Shape([5, 1, 4]).count == 20)
        #expect(Shape([]).count == 1)
        #expect(Shape([5, 1, 4]).description == "torch.Size([5, 1, 4])")
    }
}

@Suite struct GemmPathTests {
    @Test func smallProductWithZeroBetaIgnoresC() {
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: .nan, count: 4)
        c.withUnsafeMutableBufferPointer { cp in
            BLAS.gemm(a, transposeA: false, b, transposeB: false, cp.baseAddress!, m: 2, n: 2, k: 3)
        }
        var reference = [Float](repeating: 0, count: 4)
        reference.withUnsafeMutableBufferPointer { cp in
            BLAS.sgemm(
                transposeA: false, transposeB: false, m: 2, n: 2, k: 3,
                alpha: 1, a: a, lda: 3, b: b, ldb: 2, beta: 0, c: cp.baseAddress!, ldc: 2)
        }
        #expect(c == reference)
    }

    /// Checks `BLAS.gemm` against a float64 triple loop on shapes that take each path:
    /// plain loops for small products, direct, narrow column blocks (serial and on two
    /// threads), and row or column halves.
    @Test(arguments: [
        (1, 4, 4), (5, 10, 8), (8, 8, 8), (8, 8, 9), (4, 1, 3), (3, 5, 7), (32, 256, 256), (32, 200, 96), (8, 130, 40), (300, 64, 128), (70, 200, 100), (1100, 64, 16),
    ])
    func gemmMatchesReference(_ shape: (Int, Int, Int)) throws {
        let (m, n, k) = shape
        let g = Generator(seed: UInt64(m * 1_000_000 + n * 1000 + k))
        for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
            let a = g.normalFloats(m * k)
            let b = g.normalFloats(k * n)
            let c0 = g.normalFloats(m * n)
            var c = c0
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        if let x = pa.baseAddress, let y = pb.baseAddress, let z = pc.baseAddress {
                            BLAS.gemm(x, transposeA: ta, y, transposeB: tb, z, m: m, n: n, k: k, alpha: 0.5, beta: 2)
                        }
                    }
                }
            }
            var worst = 0.0
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k {
                        let av = Double(ta ? a[p * m + i] : a[i * k + p])
                        let bv = Double(tb ? b[j * k + p] : b[p * n + j])
                        sum += av * bv
                    }
                    let expected = 0.5 * sum + 2 * Double(c0[i * n + j])
                    worst = max(worst, abs(Double(c[i * n + j]) - expected) / (1 + abs(expected)))
                }
            }
            #expect(worst < 1e-4, "m=\(m) n=\(n) k=\(k) transposeA=\(ta) transposeB=\(tb): worst \(worst)")
        }
    }

    /// `concurrent: false` runs the same parts on one thread: column blocks of a recurrent
    /// step (32x1024x256), row halves, column halves, and the row blocks of a long product.
    @Test(arguments: [(32, 1024, 256), (512, 256, 128), (96, 1024, 128), (1200, 1024, 128)])
    func serialPartsGiveTheSameBits(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let g = Generator(seed: UInt64(m + n + k))
        let (a, b, c0) = (g.normalFloats(m * k), g.normalFloats(k * n), g.normalFloats(m * n))
        func product(_ concurrent: Bool) -> [Float] {
            var c = c0
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        if let x = pa.baseAddress, let y = pb.baseAddress, let z = pc.baseAddress {
                            BLAS.gemm(x, transposeA: false, y, transposeB: false, z, m: m, n: n, k: k, beta: 1, concurrent: concurrent)
                        }
                    }
                }
            }
            return c
        }
        let same = product(false) == product(true)
        #expect(same, "m=\(m) n=\(n) k=\(k)")
    }

    /// The row blocks `gemm` reports are the ones it computes: one `gemm` per block gives the
    /// whole product's bits.
    @Test func reportedRowBlocksReproduceTheProduct() throws {
        let (m, n, k) = (1000, 768, 256)
        let blockRows = try #require(BLAS.interruptibleBlockRows(m: m, n: n, k: k))
        #expect(BLAS.interruptibleBlockRows(m: 100, n: n, k: k) == nil)
        let g = Generator(seed: 7)
        let (a, b) = (g.normalFloats(m * k), g.normalFloats(k * n))
        var whole = [Float](repeating: 0, count: m * n)
        var blocks = whole
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return }
                whole.withUnsafeMutableBufferPointer { pc in
                    if let z = pc.baseAddress { BLAS.gemm(x, transposeA: false, y, transposeB: true, z, m: m, n: n, k: k) }
                }
                blocks.withUnsafeMutableBufferPointer { pc in
                    guard let z = pc.baseAddress else { return }
                    for start in stride(from: 0, to: m, by: blockRows) {
                        let rows = min(blockRows, m - start)
                        BLAS.gemm(x + start * k, transposeA: false, y, transposeB: true, z + start * n, m: rows, n: n, k: k)
                    }
                }
            }
        }
        let same = whole == blocks
        #expect(same)
    }
}

@Suite struct BLASLibraryTests {
    @Test func openBLASIsLoadedOnFirstProduct() {
        guard case .openBLAS = BLAS.library else {
            Issue.record("OpenBLAS was not loaded: \(BLAS.library)")
            return
        }
    }

    /// The fallback for machines without OpenBLAS against OpenBLAS itself, on operands with
    /// padded leading dimensions, every transpose, and beta 0 over a C full of NaN (which BLAS
    /// must not read).
    @Test(arguments: [(1, 1, 1), (3, 5, 7), (17, 9, 33)])
    func portableSgemmMatchesOpenBLAS(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let g = Generator(seed: UInt64(m * 10_000 + n * 100 + k))
        for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
            for (alpha, beta) in [(Float(1), Float(0)), (0.5, 2)] {
                let lda = (ta ? m : k) + 3
                let ldb = (tb ? k : n) + 2
                let ldc = n + 1
                let a = g.normalFloats((ta ? k : m) * lda)
                let b = g.normalFloats((tb ? n : k) * ldb)
                let c0 = beta == 0 ? [Float](repeating: .nan, count: m * ldc) : g.normalFloats(m * ldc)
                var viaOpenBLAS = c0
                var viaLoop = c0
                viaOpenBLAS.withUnsafeMutableBufferPointer { c in
                    BLAS.sgemm(
                        transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                        b: b, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: ldc)
                }
                viaLoop.withUnsafeMutableBufferPointer { c in
                    BLAS.portableSgemm(
                        transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                        b: b, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: ldc)
                }
                var worst: Float = 0
                for i in 0..<m {
                    for j in 0..<n {
                        let index = i * ldc + j
                        worst = max(worst, abs(viaOpenBLAS[index] - viaLoop[index]) / (1 + abs(viaOpenBLAS[index])))
                    }
                }
                #expect(worst < 1e-5, "m=\(m) n=\(n) k=\(k) transposeA=\(ta) transposeB=\(tb) beta=\(beta)")
                // Padding columns of C are never written.
                for i in 0..<m where ldc > n {
                    #expect(viaLoop[i * ldc + n].bitPattern == c0[i * ldc + n].bitPattern)
                }
            }
        }
    }
}
