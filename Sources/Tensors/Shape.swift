/// The sizes of a tensor's dimensions, outermost first, as `torch.Size` holds them.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The size of each dimension.
    public var dims: [Int]

    /// Creates a shape from its dimension sizes.
    public init(_ dims: [Int]) {
        self.dims = dims
    }

    /// The number of dimensions.
    public var rank: Int { dims.count }

    /// The number of elements a tensor of this shape holds (1 for a scalar).
    public var count: Int { dims.reduce(1, *) }

    public var description: String {
        "torch.Size([" + dims.map(String.init).joined(separator: ", ") + "])"
    }
}
