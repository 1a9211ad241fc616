/// The order TensorIterator's `reorder_dimensions` iterates dimensions in, fastest first.
enum IterationOrder {
    /// An insertion sort of `count` dimensions starting from the reversed ones (row-major
    /// order, fastest first), where `shouldSwap(d0, d1)` is 1 when `d0` should move outside
    /// `d1`, -1 when not, and 0 without an opinion (the sort then looks further back).
    static func sorted(_ count: Int, by shouldSwap: (Int, Int) -> Int) -> [Int] {
        var perm = Array((0..<count).reversed())
        guard count > 1 else { return perm }
        for i in 1..<count {
            var dim1 = i
            for dim0 in stride(from: i - 1, through: 0, by: -1) {
                let comparison = shouldSwap(perm[dim0], perm[dim1])
                if comparison > 0 {
                    perm.swapAt(dim0, dim1)
                    dim1 = dim0
                } else if comparison < 0 {
                    break
                }
            }
        }
        return perm
    }
}
