extension Tensor {
    /// PyTorch's in-place view methods (`unsqueeze_`, `squeeze_`, `t_`, `transpose_`): this
    /// same tensor object takes the shape and strides of `makeView(self)` over its own
    /// elements, so every name bound to it sees the new shape. A tensor taking part in
    /// autograd is refused (PyTorch's error for a leaf; Recur does not record the others).
    public func becomeView(_ name: String, _ makeView: (Tensor) throws(TensorError) -> Tensor) throws(TensorError) {
        if GradMode.enabled && requiresGradFlag {
            if isLeaf && viewBase == nil { throw .runtime("a leaf Variable that requires grad is being used in an in-place operation.") }
            throw .other(.notImplementedError, "\(name) on a tensor that requires grad is not supported in Recur; use the out-of-place form")
        }
        let view = try GradMode.withoutGrad { () throws(TensorError) in try makeView(self) }
        elements = view.elements
        shape = view.shape
        alias = view.layout == nil && viewBase == nil ? nil : Alias(layout: view.layout, base: viewBase)
    }
}
