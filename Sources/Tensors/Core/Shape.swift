/// The sizes of a tensor's dimensions, outermost first, as `torch.Size` holds them.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The size of each dimension.
    public var dims: [Int]

    /// Creates a shape from its dimension sizes.
    public init(_ dims: [Int]) {
        self.dims = dims
    }

    /// The shape of a zero-dimensional (scalar) tensor.
    public static let scalar = Shape([])

    /// The number of dimensions.
    public var rank: Int { dims.count }

    /// The number of elements a tensor of this shape holds (1 for a scalar).
    public var count: Int { dims.reduce(1, *) }

    /// The size of dimension `i` (already normalised).
    public subscript(_ i: Int) -> Int { dims[i] }

    /// PyTorch's `torch.Size([2, 3])`.
    public var description: String {
        "torch.Size([" + dims.map(String.init).joined(separator: ", ") + "])"
    }

    /// The shape as PyTorch prints a tuple: `(2, 3)`, `(4,)`, `()`.
    public var tupleDescription: String {
        dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
    }

    /// The shape as PyTorch prints a list: `[2, 3]`.
    var listDescription: String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }

    /// The element count of `dims`, rejecting negative sizes, overflow and allocations the
    /// process cannot make (of float32 elements; see `MemoryBudget`).
    static func checkedCount(_ dims: [Int], elementSize: Int = 4) throws(TensorError) -> Int {
        try MemoryBudget.reserve(dims, elementSize: elementSize)
        return dims.reduce(1, *)
    }

    /// Row-major element strides (`tensor.stride()` of a contiguous tensor): a dimension of
    /// size 0 counts as 1, as in c10's contiguous strides (`torch.zeros(3, 0).stride()` is (1, 1)).
    public var strides: [Int] {
        var result = [Int](repeating: 1, count: dims.count)
        var running = 1
        for i in stride(from: dims.count - 1, through: 0, by: -1) {
            result[i] = running
            running *= Swift.max(dims[i], 1)
        }
        return result
    }

    /// Resolves a possibly negative dimension index against this shape's rank, as PyTorch does
    /// (a scalar accepts -1 and 0).
    func normalize(dim: Int) throws(TensorError) -> Int {
        let extent = Swift.max(rank, 1)
        guard dim >= -extent, dim < extent else {
            throw .dimensionOutOfRange(dim: dim, rank: rank)
        }
        return dim < 0 ? dim + extent : dim
    }

    /// Splits the shape around `dim` into (elements before, size of dim, elements after).
    func split(at dim: Int) -> (outer: Int, size: Int, inner: Int) {
        if rank == 0 { return (1, 1, 1) }
        var outer = 1
        for i in 0..<dim { outer *= dims[i] }
        var inner = 1
        for i in (dim + 1)..<rank { inner *= dims[i] }
        return (outer, dims[dim], inner)
    }

    /// The shape two operands broadcast to under PyTorch's (NumPy's) rules.
    static func broadcast(_ a: Shape, _ b: Shape) throws(TensorError) -> Shape {
        if a == b { return a }
        let rank = Swift.max(a.rank, b.rank)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.rank ? 1 : a.dims[i - (rank - a.rank)]
            let db = i < rank - b.rank ? 1 : b.dims[i - (rank - b.rank)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw .broadcast(sizeA: da, sizeB: db, dim: i)
            }
        }
        return Shape(out)
    }

    /// Strides that read this shape as if broadcast to `target` (0 along broadcast dimensions).
    func broadcastStrides(to target: Shape) -> [Int] {
        let own = strides
        let offset = target.rank - rank
        var result = [Int](repeating: 0, count: target.rank)
        for i in 0..<rank where dims[i] != 1 || target.dims[i + offset] == 1 {
            result[i + offset] = dims[i] == 1 ? 0 : own[i]
        }
        return result
    }
}
