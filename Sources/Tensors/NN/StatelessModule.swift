/// A module with no parameters, no children and nothing between the parentheses of its repr
/// (activations and losses).
public protocol StatelessModule: Module {}

extension StatelessModule {
    /// None.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// Empty, as PyTorch prints it.
    public var extraRepr: String { "" }
}

/// A loss criterion called as `criterion(input, target)`.
public protocol LossModule: StatelessModule {
    /// The loss of `input` against `target`, combined by the criterion's reduction.
    func callAsFunction(_ input: Tensor, _ target: Tensor) throws(TensorError) -> Tensor
}

extension LossModule {
    /// `forward(input, target)` without arrays; nil unless both are given.
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        guard let second else { return nil }
        return try self(first, second)
    }

    /// `forward(input, target)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 2...2, typeName)
        return [try self(inputs[0], inputs[1])]
    }
}
