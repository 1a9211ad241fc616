/// The copies `copy.copy` and `copy.deepcopy` make of a tensor, as PyTorch's `__reduce_ex__`,
/// `Tensor.__deepcopy__` and `Parameter.__deepcopy__` make them.
extension Tensor {
    /// `copy.copy(t)`: a new leaf over the same elements with the same `requires_grad` (also
    /// for a non-leaf, as PyTorch rebuilds it), a parameter staying a parameter; no `grad`.
    public func shallowCopy() -> Tensor {
        let result = detach()
        result.requiresGradFlag = requiresGrad
        result.isParameter = isParameter
        return result
    }

    /// `Tensor.__deepcopy__` for a leaf: the same layout over a copy of the elements, or over
    /// `sharing`'s elements when an earlier copy in the same `deepcopy` already copied this
    /// tensor's storage. `grad` is the caller's to copy (through the same memo).
    public func deepCopy(sharing: Tensor?) -> Tensor {
        let result: Tensor
        if let sharing {
            result = Tensor(shape: shape, buffer: sharing.buffer, layout: layout, base: nil)
        } else {
            switch elements {
            case .owned(let values): result = Tensor(shape: shape, storage: values)
            case .shared(let buffer): result = Tensor(shape: shape, buffer: TensorBuffer(buffer.elements), layout: layout, base: nil)
            }
        }
        result.requiresGradFlag = requiresGrad
        return result
    }

    /// `Parameter.__deepcopy__`: a parameter over a dense copy of the elements with the same
    /// `requires_grad`, without `grad` (PyTorch's copies only the data).
    public func parameterCopy() -> Tensor {
        let result = Tensor(shape: shape, storage: storage, requiresGrad: requiresGrad)
        result.isParameter = true
        return result
    }
}
