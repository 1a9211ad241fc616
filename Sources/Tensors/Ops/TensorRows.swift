/// The sub-tensors along dimension 0, one at a time (`for row in tensor`): each is a view
/// (PyTorch iterates through `unbind(0)`), made when it is asked for, all sharing one layout.
public struct TensorRows: IteratorProtocol {
    let tensor: Tensor
    let rows: Int
    let rowDims: [Int]
    let rowStrides: [Int]
    /// The row-major strides of a row within the tensor, for the gradient's region.
    let logicalStrides: [Int]
    let step: Int
    let logicalStep: Int
    var index = 0

    /// The rows of `tensor`; throws for a 0-d tensor, which has none.
    public init(_ tensor: Tensor) throws(TensorError) {
        guard tensor.rank > 0 else {
            throw .index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        }
        self.tensor = tensor
        rows = tensor.shape.dims[0]
        rowDims = Array(tensor.shape.dims.dropFirst())
        let strides = tensor.strides
        rowStrides = Array(strides.dropFirst())
        step = strides[0]
        let rowMajor = tensor.shape.strides
        logicalStrides = Array(rowMajor.dropFirst())
        logicalStep = rowMajor[0]
    }

    /// The next row, or nil after the last.
    public mutating func next() -> Tensor? {
        guard index < rows else { return nil }
        defer { index += 1 }
        let region = ViewLayout(strides: logicalStrides, offset: index * logicalStep)
        return tensor.makeView(rowDims, strides: rowStrides, offset: tensor.storageOffset + index * step,
                               name: "UnbindBackward0", gradient: .region(region))
    }
}
