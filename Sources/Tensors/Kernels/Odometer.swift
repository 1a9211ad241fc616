/// A row-major counter over `dims` for walking strided storage: `tick` says which dimension
/// advanced, and `steps(for:)` precomputes how far an offset moves when it does, so a loop
/// keeps one offset per operand with a single addition per tick.
struct Odometer {
    /// The current index, last dimension fastest.
    private(set) var index: [Int]
    let dims: [Int]

    init(dims: [Int]) {
        self.dims = dims
        index = [Int](repeating: 0, count: dims.count)
    }

    /// Advances the counter over dimensions `0...last`; returns the dimension that advanced
    /// (those after it wrapped to zero), or nil when the whole range has been walked.
    @inline(__always)
    mutating func tick(last: Int) -> Int? {
        var d = last
        while d >= 0 {
            index[d] += 1
            if index[d] < dims[d] { return d }
            index[d] = 0
            d -= 1
        }
        return nil
    }

    /// For each dimension `d`: the offset change when `tick(last:)` returns `d`, that is one
    /// step along `d` minus the rewind of every dimension after it up to `last`.
    func steps(for strides: [Int], last: Int) -> [Int] {
        var result = [Int](repeating: 0, count: max(last + 1, 0))
        var rewind = 0
        var d = last
        while d >= 0 {
            result[d] = strides[d] - rewind
            rewind += strides[d] * (dims[d] - 1)
            d -= 1
        }
        return result
    }
}
