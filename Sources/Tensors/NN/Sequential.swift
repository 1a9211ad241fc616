/// `nn.Sequential(*modules)`: calls its children in order, children named "0", "1", ...
public final class Sequential: Module {
    /// The layers in call order.
    public let modules: [any Module]
    /// Training mode flag.
    public var isTraining = true

    /// Creates the container.
    public init(_ modules: [any Module]) {
        self.modules = modules
    }

    /// The same container over `copier`'s children.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(Sequential(try modules.map { (m) throws(TensorError) in try copier.module(m) }))
    }

    /// "Sequential"
    public var typeName: String { "Sequential" }
    /// None of its own.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// "0", "1", ...
    public var children: [(name: String, module: any Module)] {
        modules.enumerated().map { (String($0.offset), $0.element) }
    }
    /// Empty.
    public var extraRepr: String { "" }

    /// Feeds the input through each module; a module returning several tensors passes all on.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        var current = inputs
        for module in modules { current = try module.forward(current) }
        return current
    }
}
