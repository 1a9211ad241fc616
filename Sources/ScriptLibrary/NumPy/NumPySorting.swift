import Tensors
import Script

/// `sort`, `argsort` (stable, NaN last, as NumPy's) and `unique`.
package enum NumPySorting {
    static func argsort(_ a: NDArray, axis: Int, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        // A 0-d array sorts as its one element.
        if a.rank == 0 { return try NDArray(.int64([0]), [1]) }
        return try ordered(a, axis: axis, interpreter).indices
    }

    package static func sort(_ a: NDArray, axis: Int, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        try ordered(a, axis: axis, interpreter).values
    }

    private static func ordered(_ a: NDArray, axis: Int, _ interpreter: Interpreter) throws(ScriptError) -> (values: NDArray, indices: NDArray) {
        if a.rank == 0 { _ = try NumPyShapes.axis(axis, rank: 0, interpreter) }
        let ax = try NumPyShapes.axis(axis, rank: a.rank, interpreter)
        let order = (0..<a.rank).filter { $0 != ax } + [ax]
        let moved = try a.transposed(order)
        let n = a.dims[ax]
        guard case .float64(let keys) = moved.elements.converted(to: .float64) else { return (a, a) }
        let values = moved.elements
        var positions: [Int] = []
        var indices: [Int64] = []
        positions.reserveCapacity(keys.count)
        for start in stride(from: 0, to: keys.count, by: Swift.max(n, 1)) where n > 0 {
            let row = (0..<n).sorted { i, j in
                let x = keys[start + i], y = keys[start + j]
                if x.isNaN { return false }
                if y.isNaN { return true }
                return x < y || (x == y && i < j)
            }
            for i in row {
                positions.append(start + i)
                indices.append(Int64(i))
            }
        }
        var inverse = [Int](repeating: 0, count: order.count)
        for (k, d) in order.enumerated() { inverse[d] = k }
        let movedDims = moved.dims
        let sortedValues = try NDArray(values.gathered(positions), movedDims).transposed(inverse).copied()
        let sortedIndices = try NDArray(.int64(indices), movedDims).transposed(inverse).copied()
        return (sortedValues, sortedIndices)
    }

    /// `np.unique`: sorted distinct values of the flattened array, optionally with counts.
    static func unique(_ a: NDArray, counts: Bool, _ interpreter: Interpreter) throws(ScriptError) -> (NDArray, NDArray) {
        let flat = try a.reshaped([-1])
        let sorted = try sort(flat, axis: 0, interpreter)
        guard case .float64(let keys) = sorted.elements.converted(to: .float64) else { return (sorted, sorted) }
        var keep: [Int] = []
        var tally: [Int64] = []
        for (i, k) in keys.enumerated() {
            if let last = keep.last, keys[last] == k || (keys[last].isNaN && k.isNaN) {
                tally[tally.count - 1] += 1
            } else {
                keep.append(i)
                tally.append(1)
            }
        }
        return (try NDArray(sorted.elements.gathered(keep), [keep.count]), try NDArray(.int64(tally), [tally.count]))
    }
}
