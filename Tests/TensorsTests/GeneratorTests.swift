import Testing
@testable import Tensors

@Suite struct GeneratorTests {
    @Test func manualSeedRestartsTheStream() throws {
        let g = Generator(seed: 5)
        let first = try Tensor.randn([10], generator: g).floats
        g.manualSeed(5)
        #expect(try Tensor.randn([10], generator: g).floats == first)
        #expect(try Tensor.randn([10], generator: g).floats != first)
    }

    @Test func distributionsHaveTheRightMoments() throws {
        let g = Generator(seed: 11)
        let n = try Tensor.randn([20000], generator: g).floats
        let mean = n.reduce(0, +) / Float(n.count)
        let variance = n.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(n.count)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
        let u = try Tensor.rand([20000], generator: g).floats
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(u.reduce(0, +) / Float(u.count) - 0.5) < 0.01)
        let r = try Tensor.randint(low: 2, high: 5, [1000], generator: g).int64s
        #expect(Set(r) == [2, 3, 4])
        #expect(try Tensor.randperm(6, generator: g).int64s.sorted() == [0, 1, 2, 3, 4, 5])
    }

    /// Values and dtypes of eye, arange, full and nested lists are checked against PyTorch in
    /// OpsTests; here, a ragged list and the dtypes of int and bool lists.
    @Test func creationFunctions() throws {
        #expect(throws: TensorError.self) { try Tensor(.list([.list([.int(1)]), .list([.int(3), .int(4)])])) }
        #expect(try Tensor(.list([.int(1), .int(2)])).dtype == .int64)
        #expect(try Tensor(.list([.bool(true)])).dtype == .bool)
    }
}
