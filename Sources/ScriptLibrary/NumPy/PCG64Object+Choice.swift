import Tensors
import Script

/// `Generator.choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)` with NumPy's
/// sampling paths: Lemire integers, inverse CDF for `p=`, Floyd's algorithm or a tail shuffle
/// without replacement.
extension PCG64Object {
    func choice(_ args: NumPyArguments, _ i: Interpreter) throws(ScriptError) -> Value {
        if let axis = try args.int("axis"), axis != 0 {
            throw .typeError("choice(axis=...) is not provided by Recur's numpy: it samples along axis 0 (see docs/NUMPY.md)")
        }
        let aValue = args["a"] ?? .none
        let source: NDArray? = aValue.intLike == nil ? try i.ndarray(aValue) : nil
        if let source, source.rank == 0 { return try choice(args, population: .int(Int(source.elements.scalar(at: 0).int64Value)), i) }
        return try choice(args, population: aValue, i)
    }

    private func choice(_ args: NumPyArguments, population aValue: Value, _ i: Interpreter) throws(ScriptError) -> Value {
        let source: NDArray? = aValue.intLike == nil ? try i.ndarray(aValue) : nil
        let dims = try args["size"].map { (v) throws(ScriptError) in try i.numpyShape(v) }
        let size = try NumPyShapes.checkedCount(dims ?? [], dtype: .int64)
        let population = source.map { $0.dims[0] } ?? aValue.intLike ?? 0
        if source == nil, population <= 0, size != 0 { throw .valueError("a must be a positive integer unless no samples are taken") }
        if source != nil, population == 0, size != 0 { throw .valueError("a cannot be empty unless no samples are taken") }
        let p = try args["p"].map { (v) throws(ScriptError) in try probabilities(v, population: population, i) }
        var picks: [Int64]
        if try args.bool("replace", true) {
            if let p {
                let cdf = PCG64Object.cdf(p)
                picks = (0..<size).map { _ in Int64(PCG64Object.searchRight(cdf, generator.nextDouble())) }
            } else {
                picks = (0..<size).map { _ in Int64(bitPattern: generator.bounded(UInt64(population - 1))) }
            }
        } else {
            guard size <= population else { throw .valueError("Cannot take a larger sample than population when replace is False") }
            if var p {
                guard p.filter({ $0 > 0 }).count >= size else { throw .valueError("Fewer non-zero entries in p than size") }
                picks = []
                while picks.count < size {
                    let draws = (0..<(size - picks.count)).map { _ in generator.nextDouble() }
                    for k in picks { p[Int(k)] = 0 }
                    let cdf = PCG64Object.cdf(p)
                    // New picks in the order they first appear, each once.
                    for u in draws {
                        let k = Int64(PCG64Object.searchRight(cdf, u))
                        if !picks.contains(k) { picks.append(k) }
                    }
                }
            } else {
                picks = try withoutReplacement(size, of: population, shuffle: try args.bool("shuffle", true))
            }
        }
        let positions = try NDArray(.int64(picks), dims ?? [])
        guard let source else {
            return dims == nil ? .int(Int(picks.first ?? 0)) : .object(positions)
        }
        if dims == nil { return try source.subscripted([.int(Int(picks.first ?? 0))], interpreter: i) }
        return try source.subscripted([.object(positions)], interpreter: i)
    }

    /// `p=` checked as NumPy checks it (1-d, one per element, no NaN or negative, summing to 1).
    private func probabilities(_ v: Value, population: Int, _ i: Interpreter) throws(ScriptError) -> [Double] {
        let array = try i.ndarray(v)
        guard array.rank == 1 else { throw .valueError("p must be 1-dimensional") }
        guard array.count == population else { throw .valueError("a and p must have same size") }
        // Read once: a strided view's elements are gathered on each read.
        let elements = array.elements
        let p = (0..<elements.count).map { elements.scalar(at: $0).doubleValue }
        // Kahan summation, as NumPy's kahan_sum.
        var sum = p.first ?? 0, carry = 0.0
        for x in p.dropFirst() {
            let y = x - carry
            let t = sum + y
            carry = (t - sum) - y
            sum = t
        }
        if sum.isNaN { throw .valueError("Probabilities contain NaN") }
        if p.contains(where: { $0 < 0 }) { throw .valueError("Probabilities are not non-negative") }
        let tolerance = array.dtype == .float32 ? Double(Float.ulpOfOne).squareRoot() : Double.ulpOfOne.squareRoot()
        if abs(sum - 1) > tolerance {
            throw .valueError("Probabilities do not sum to 1. See Notes section of docstring for more information.")
        }
        return p
    }

    /// `cumsum(p) / cdf[-1]`, in NumPy's order of operations.
    private static func cdf(_ p: [Double]) -> [Double] {
        var total = 0.0
        var cdf = p.map { total += $0; return total }
        let last = cdf.last ?? 1
        for k in cdf.indices { cdf[k] /= last }
        return cdf
    }

    /// `searchsorted(cdf, u, side='right')`.
    private static func searchRight(_ cdf: [Double], _ u: Double) -> Int {
        var low = 0, high = cdf.count
        while low < high {
            let mid = (low + high) / 2
            if cdf[mid] <= u { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `size` distinct positions of `population`: a tail shuffle when the sample is a large
    /// share of a large population, Floyd's algorithm with NumPy's hash set otherwise.
    private func withoutReplacement(_ size: Int, of population: Int, shuffle: Bool) throws(ScriptError) -> [Int64] {
        if population > 10000 && size > population / (shuffle ? 50 : 20) {
            _ = try NumPyShapes.checkedCount([population], dtype: .int64)
            var all = (0..<Int64(population)).map { $0 }
            shuffleTail(&all, first: Swift.max(population - size, 1))
            return Array(all[(population - size)...])
        }
        var mask = UInt64(1.2 * Double(size))
        for shift: UInt64 in [1, 2, 4, 8, 16, 32] { mask |= mask >> shift }
        let empty = UInt64.max
        var set = [UInt64](repeating: empty, count: Int(mask) + 1)
        var picks = [Int64](repeating: 0, count: size)
        for j in (population - size)..<population {
            let value = generator.bounded(UInt64(j))
            var slot = Int(value & mask)
            while set[slot] != empty && set[slot] != value { slot = (slot + 1) & Int(mask) }
            if set[slot] == empty {
                set[slot] = value
                picks[j - population + size] = Int64(value)
            } else {
                slot = j & Int(mask)
                while set[slot] != empty { slot = (slot + 1) & Int(mask) }
                set[slot] = UInt64(j)
                picks[j - population + size] = Int64(j)
            }
        }
        if shuffle { shuffleTail(&picks, first: 1) }
        return picks
    }

    /// `_shuffle_int`: positions n-1 down to `first` swapped with a Lemire draw below them.
    private func shuffleTail(_ items: inout [Int64], first: Int) {
        guard items.count > first else { return }
        for k in stride(from: items.count - 1, through: first, by: -1) {
            items.swapAt(k, Int(generator.bounded(UInt64(k))))
        }
    }
}
