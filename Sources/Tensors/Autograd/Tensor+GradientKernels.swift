/// Gradient steps shared by several nodes, computed in the incoming gradient's dtype (float64
/// gradients stay float64; everything else is computed as float32).
extension Tensor {
    /// This gradient's elements added into zeros of `shape` at `positions`.
    func scatterAdded(at positions: [Int], into shape: Shape) -> Tensor {
        if dtype == .float64 { return Tensor(shape: shape, values: Tensor.scatterAdded(doubles, at: positions, count: shape.count)) }
        return Tensor(shape: shape, floats: Tensor.scatterAdded(floats, at: positions, count: shape.count))
    }

    /// This gradient of shape `from` summed down to `to` (the inverse of broadcasting).
    func summed(from: Shape, to: Shape) -> Tensor {
        if dtype == .float64 { return Tensor(shape: to, values: Kernels.sum(doubles, from: from, to: to)) }
        return Tensor(shape: to, floats: Kernels.sum(floats, from: from, to: to))
    }

    /// This gradient with zeros where `flags` holds.
    func zeroed(where flags: [Bool]) -> Tensor {
        if dtype == .float64 { return Tensor(shape: shape, values: zip(doubles, flags).map { $1 ? 0 : $0 }) }
        return Tensor(shape: shape, floats: zip(floats, flags).map { $1 ? 0 : $0 })
    }
}
