import Testing
@testable import Tensors

/// int64 tensors wrap around as PyTorch's (two's complement) instead of trapping.
@Suite struct IntegerWrapTests {
    @Test func absOfTheMostNegativeInt64IsItself() throws {
        let values = try Tensor(int64s: [Int64.min, Int64.min + 1, -3, 0, Int64.max], shape: Shape([5]))
        #expect(try values.abs().int64s == [Int64.min, Int64.max, 3, 0, Int64.max])
    }

    @Test func sumsAndNegationWrap() throws {
        let extremes = try Tensor(int64s: [Int64.max, Int64.max], shape: Shape([2]))
        #expect(extremes.sum().int64s == [Int64.max &+ Int64.max])
        let lowest = try Tensor(int64s: [Int64.min], shape: Shape([1]))
        #expect(try lowest.arithmetic(.mul, scalar: .int(-1)).int64s == [Int64.min])
    }
}
