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
