/// The dtype conversions of `nn.Module` (`double()`, `float()`, `to(dtype)`, `type(dtype)`),
/// done as PyTorch's `Module._apply` does them: each parameter keeps its identity (an
/// optimizer built before still holds it) and gets new elements of the dtype, as
/// `param.data = fn(param)` does; its gradient is converted the same way; buffers too.
extension Module {
    /// Converts every parameter, its gradient and every buffer to `dtype`; with
    /// `floatingOnly` (`double()`, `float()`, `to(dtype)`) integer and bool tensors are kept,
    /// as PyTorch converts only floating-point ones there; `type(dtype)` converts them all.
    public func convertTensors(to dtype: DType, floatingOnly: Bool) {
        func convert(_ t: Tensor) {
            guard !floatingOnly || t.dtype.isFloatingPoint else { return }
            t.replaceElements(converting: dtype)
        }
        for p in parameters() {
            convert(p)
            if let g = p.grad { convert(g) }
        }
        for (_, b) in namedBuffers() { convert(b) }
    }
}

extension Tensor {
    /// New dense elements holding these converted to `dtype`, in this same tensor object
    /// (PyTorch's `t.data = t.to(dtype)`): views made before keep the old elements.
    func replaceElements(converting target: DType) {
        guard target != dtype else { return }
        let converted = storage.converted(to: target)
        elements = .owned(converted)
        alias = nil
        dtype = target
    }
}
