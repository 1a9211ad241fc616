/// The Python exception class a tensor error corresponds to.
public enum TensorErrorKind: Sendable, Hashable {
    /// `RuntimeError`: shape, dtype and autograd failures.
    case runtimeError
    /// `IndexError`: an index outside a dimension.
    case indexError
    /// `ValueError`: a bad argument value.
    case valueError
    /// `TypeError`: a bad argument type.
    case typeError
    /// `OSError`: a file could not be read or written.
    case fileError
    /// `NotImplementedError`: an operation not defined for a dtype.
    case notImplementedError
    /// `KeyboardInterrupt`: the caller interrupted a long operation (see `Cancellation`).
    case keyboardInterrupt

    /// The Python class name (`RuntimeError`, ...).
    public var pythonName: String {
        switch self {
        case .runtimeError: "RuntimeError"
        case .indexError: "IndexError"
        case .valueError: "ValueError"
        case .typeError: "TypeError"
        case .fileError: "OSError"
        case .notImplementedError: "NotImplementedError"
        case .keyboardInterrupt: "KeyboardInterrupt"
        }
    }
}

/// A failure of a tensor operation; `message` follows PyTorch's text where PyTorch has one.
public enum TensorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A dimension index outside `[-rank, rank-1]`.
    case dimensionOutOfRange(dim: Int, rank: Int)
    /// Two shapes that do not broadcast.
    case broadcast(sizeA: Int, sizeB: Int, dim: Int)
    /// A `view`/`reshape` target that does not hold the same number of elements.
    case invalidView(shape: [Int], count: Int)
    /// An integer index outside a dimension.
    case indexOutOfBounds(index: Int, dim: Int, size: Int)
    /// Matrix operands whose inner sizes differ.
    case matmulShapes(operation: String, left: Shape, right: Shape)
    /// `backward` reached a node whose saved values were already released.
    case backwardThroughFreedGraph
    /// `backward` on a tensor that is not part of a graph.
    case doesNotRequireGrad
    /// `backward()` without a gradient on a non-scalar.
    case implicitGradOfNonScalar
    /// A recurrent layer's input whose last size is not `input_size`.
    case rnnInputSize(expected: Int, got: Int)
    /// `load_state_dict` found missing, unexpected or mis-shaped entries.
    case loadStateDict(module: String, problems: [String])
    /// Any other failure, with its exception class and PyTorch-style message.
    case other(TensorErrorKind, String)

    /// The Python exception class.
    public var kind: TensorErrorKind {
        switch self {
        case .dimensionOutOfRange, .indexOutOfBounds: .indexError
        case .broadcast, .invalidView, .matmulShapes, .backwardThroughFreedGraph, .doesNotRequireGrad,
            .implicitGradOfNonScalar, .rnnInputSize, .loadStateDict:
            .runtimeError
        case .other(let kind, _): kind
        }
    }

    /// The message without the exception class.
    public var message: String {
        switch self {
        case .dimensionOutOfRange(let dim, let rank):
            let extent = max(rank, 1)
            return "Dimension out of range (expected to be in range of [\(-extent), \(extent - 1)], but got \(dim))"
        case .broadcast(let a, let b, let dim):
            return "The size of tensor a (\(a)) must match the size of tensor b (\(b)) at non-singleton dimension \(dim)"
        case .invalidView(let shape, let count):
            return "shape '[" + shape.map(String.init).joined(separator: ", ") + "]' is invalid for input of size \(count)"
        case .indexOutOfBounds(let index, let dim, let size):
            return "index \(index) is out of bounds for dimension \(dim) with size \(size)"
        case .matmulShapes(let operation, let left, let right):
            let l = left.dims.map(String.init).joined(separator: "x")
            let r = right.dims.map(String.init).joined(separator: "x")
            return "\(operation): mat1 and mat2 shapes cannot be multiplied (\(l) and \(r))"
        case .backwardThroughFreedGraph:
            return "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."
        case .doesNotRequireGrad:
            return "element 0 of tensors does not require grad and does not have a grad_fn"
        case .implicitGradOfNonScalar:
            return "grad can be implicitly created only for scalar outputs"
        case .rnnInputSize(let expected, let got):
            return "input.size(-1) must be equal to input_size. Expected \(expected), got \(got)"
        case .loadStateDict(let module, let problems):
            return "Error(s) in loading state_dict for \(module):\n\t" + problems.joined(separator: "\n\t")
        case .other(_, let message):
            return message
        }
    }

    /// `RuntimeError: message`, as Python prints the last line of a traceback.
    public var description: String { kind.pythonName + ": " + message }

    static func runtime(_ message: String) -> TensorError { .other(.runtimeError, message) }
    static func value(_ message: String) -> TensorError { .other(.valueError, message) }
    static func index(_ message: String) -> TensorError { .other(.indexError, message) }
    static func type(_ message: String) -> TensorError { .other(.typeError, message) }
}
