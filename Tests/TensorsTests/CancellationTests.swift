import Testing
@testable import Tensors

/// A large product asks its caller's question between blocks; with none asked, or the answer
/// no, it is computed whole.
@Suite struct CancellationTests {
    private func operands() throws -> (Tensor, Tensor) {
        let generator = Generator(seed: 3)
        // 1024 x 512 x 512 multiply-adds: more than two blocks' worth.
        return (try Tensor.randn([1024, 512], generator: generator), try Tensor.randn([512, 512], generator: generator))
    }

    @Test func anInterruptedProductIsAKeyboardInterrupt() throws {
        let (a, b) = try operands()
        var asked = 0
        let error = expectTensorError { () throws(TensorError) in
            _ = try Cancellation.whileRunning({ asked += 1; return true }) { () throws(TensorError) in try a.matmul(b) }
        }
        #expect(error?.kind.pythonName == "KeyboardInterrupt")
        #expect(asked > 0)
        #expect(!Cancellation.isRequested)
    }

    @Test func aProductRunInBlocksMatchesTheReference() throws {
        let (a, b) = try operands()
        var asked = 0
        let blocked = try Cancellation.whileRunning({ asked += 1; return false }) { () throws(TensorError) in try a.matmul(b) }
        #expect(asked > 2)
        var reference = [Float](repeating: 0, count: 1024 * 512)
        let (x, y) = (a.floats, b.floats)
        x.withUnsafeBufferPointer { pa in
            y.withUnsafeBufferPointer { pb in
                reference.withUnsafeMutableBufferPointer { pc in
                    BLAS.portableSgemm(
                        transposeA: false, transposeB: false, m: 1024, n: 512, k: 512, alpha: 1, a: pa.baseAddress!,
                        lda: 512, b: pb.baseAddress!, ldb: 512, beta: 0, c: pc.baseAddress!, ldc: 512)
                }
            }
        }
        let worst = zip(blocked.floats, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-3)
    }

    @Test func aTransposedFirstProductIsBlockedAndMatchesTheReference() throws {
        // op(A) = Aᵀ, 1024 x 512 from a stored 512 x 1024: the product a gradient takes.
        let generator = Generator(seed: 5)
        let a = try Tensor.randn([512, 1024], generator: generator).floats
        let b = try Tensor.randn([512, 512], generator: generator).floats
        var asked = 0
        let blocked = Cancellation.whileRunning({ asked += 1; return false }) { BLAS.product(a, transposeA: true, b, transposeB: false, m: 1024, n: 512, k: 512) }
        #expect(asked > 2)
        var reference = [Float](repeating: 0, count: 1024 * 512)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                reference.withUnsafeMutableBufferPointer { pc in
                    BLAS.portableSgemm(
                        transposeA: true, transposeB: false, m: 1024, n: 512, k: 512, alpha: 1, a: pa.baseAddress!,
                        lda: 1024, b: pb.baseAddress!, ldb: 512, beta: 0, c: pc.baseAddress!, ldc: 512)
                }
            }
        }
        let worst = zip(blocked, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-3)
        var stopped = 0
        _ = Cancellation.whileRunning({ stopped += 1; return true }) { BLAS.product(a, transposeA: true, b, transposeB: false, m: 1024, n: 512, k: 512) }
        #expect(stopped == 1)
    }
}
