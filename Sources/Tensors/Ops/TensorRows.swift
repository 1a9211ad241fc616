/// The sub-tensors along dimension 0, one at a time (`for row in tensor`): each is
/// `select(dim: 0, index: i)`, made when it is asked for, all sharing one shape.
public struct TensorRows: IteratorProtocol {
    let tensor: Tensor
    let rowShape: Shape
    let rows: Int
    let rowCount: Int
    var index = 0

    /// The rows of `tensor`; throws for a 0-d tensor, which has none.
    public init(_ tensor: Tensor) throws(TensorError) {
        guard tensor.rank > 0 else {
            throw .index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        }
        self.tensor = tensor
        rowShape = Shape(Array(tensor.shape.dims.dropFirst()))
        rows = tensor.shape.dims[0]
        rowCount = rowShape.count
    }

    /// The next row, or nil after the last.
    public mutating func next() -> Tensor? {
        guard index < rows else { return nil }
        defer { index += 1 }
        return tensor.selectView(dim: 0, index: index, name: "SelectBackward0")
    }
}
