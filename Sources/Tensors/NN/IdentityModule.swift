/// `nn.Identity()`: returns its input itself.
public final class IdentityModule: StatelessModule {
    /// Training mode flag.
    public var isTraining = true

    /// Creates the module.
    public init() {}

    /// "Identity"
    public var typeName: String { "Identity" }

    /// Another identity in the same mode.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module { inSameMode(IdentityModule()) }

    /// The input itself.
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? first : nil
    }

    /// `forward(input)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...1, typeName)
        return inputs
    }
}

/// `nn.Flatten(start_dim=1, end_dim=-1)`.
public final class FlattenModule: Module {
    /// First dimension flattened.
    public let startDim: Int
    /// Last dimension flattened.
    public let endDim: Int
    /// Training mode flag.
    public var isTraining = true

    /// Creates the module.
    public init(startDim: Int = 1, endDim: Int = -1) {
        self.startDim = startDim
        self.endDim = endDim
    }

    /// "Flatten"
    public var typeName: String { "Flatten" }

    /// The same layer.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(FlattenModule(startDim: startDim, endDim: endDim))
    }
    /// None.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `start_dim=1, end_dim=-1`
    public var extraRepr: String { "start_dim=\(startDim), end_dim=\(endDim)" }

    /// `input.flatten(start_dim, end_dim)`.
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? try first.flatten(startDim: startDim, endDim: endDim) : nil
    }

    /// `forward(input)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...1, typeName)
        return [try inputs[0].flatten(startDim: startDim, endDim: endDim)]
    }
}
