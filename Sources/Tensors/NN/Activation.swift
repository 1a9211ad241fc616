/// An elementwise activation used as a layer (`nn.Tanh()`, `nn.ReLU()`, `nn.Sigmoid()`).
public final class Activation: StatelessModule {
    /// Which function the layer applies.
    public enum Kind: Sendable {
        /// `nn.Tanh`
        case tanh
        /// `nn.ReLU`
        case relu
        /// `nn.Sigmoid`
        case sigmoid
    }

    /// The function applied.
    public let kind: Kind
    /// Training mode flag.
    public var isTraining = true

    /// Creates the layer.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// The same layer (its settings are all it holds).
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(Activation(kind))
    }

    /// "Tanh", "ReLU" or "Sigmoid".
    public var typeName: String {
        switch kind {
        case .tanh: "Tanh"
        case .relu: "ReLU"
        case .sigmoid: "Sigmoid"
        }
    }

    /// Applies the function elementwise.
    public func callAsFunction(_ input: Tensor) throws(TensorError) -> Tensor {
        switch kind {
        case .tanh: input.tanh()
        case .relu: try input.relu()
        case .sigmoid: input.sigmoid()
        }
    }

    /// `forward(input)` without arrays; nil for two inputs (`forward` reports the error).
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? try self(first) : nil
    }

    /// `forward(input)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...1, typeName)
        return [try self(inputs[0])]
    }
}
