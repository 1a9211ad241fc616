import Tensors
import Script

/// `nn.Softmax(dim)` and `nn.LogSoftmax(dim)` as layers. Without `dim`, PyTorch's legacy
/// choice (0 for 0-, 1- and 3-d input, else 1), announced by `onImplicitDim`.
package final class SoftmaxLayer: StatelessModule {
    package enum Kind {
        case softmax
        case logSoftmax
    }

    package let kind: Kind
    package let dim: Int?
    package var isTraining = true
    /// Shows PyTorch's deprecation warning when forward picks the dimension itself.
    let onImplicitDim: (String) throws(TensorError) -> Void

    init(_ kind: Kind, dim: Int?, onImplicitDim: @escaping (String) throws(TensorError) -> Void) {
        self.kind = kind
        self.dim = dim
        self.onImplicitDim = onImplicitDim
    }

    package var typeName: String {
        switch kind {
        case .softmax: "Softmax"
        case .logSoftmax: "LogSoftmax"
        }
    }

    package var extraRepr: String { "dim=" + (dim.map(String.init) ?? "None") }

    package func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(SoftmaxLayer(kind, dim: dim, onImplicitDim: onImplicitDim))
    }

    func callAsFunction(_ input: Tensor) throws(TensorError) -> Tensor {
        let chosen: Int
        if let dim {
            chosen = dim
        } else {
            chosen = [0, 1, 3].contains(input.rank) ? 0 : 1
            let function = switch kind {
            case .softmax: "softmax"
            case .logSoftmax: "log_softmax"
            }
            try onImplicitDim("Implicit dimension choice for \(function) has been deprecated. Change the call to include dim=X as an argument.")
        }
        switch kind {
        case .softmax: return try input.softmax(dim: chosen)
        case .logSoftmax: return try input.logSoftmax(dim: chosen)
        }
    }

    package func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? try self(first) : nil
    }

    package func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        guard inputs.count == 1 else {
            if inputs.isEmpty { throw .other(.typeError, "\(typeName).forward() missing 1 required positional argument: 'input'") }
            throw .other(.typeError, "\(typeName).forward() takes 2 positional arguments but \(inputs.count + 1) were given")
        }
        return [try self(inputs[0])]
    }
}
