/// The element type of a tensor, named as PyTorch names it.
public enum DType: Sendable, Hashable, CustomStringConvertible {
    /// 32-bit IEEE floating point (`torch.float32`), the default for real numbers.
    case float32
    /// 64-bit signed integer (`torch.int64`, `torch.long`), used for indices and labels.
    case int64
    /// Boolean (`torch.bool`), produced by comparisons.
    case bool

    /// `torch.float32`, `torch.int64` or `torch.bool`.
    public var description: String {
        switch self {
        case .float32: "torch.float32"
        case .int64: "torch.int64"
        case .bool: "torch.bool"
        }
    }

    /// Whether values of this type can carry gradients.
    public var isFloatingPoint: Bool {
        switch self {
        case .float32: true
        case .int64, .bool: false
        }
    }

    /// Bytes per element, as PyTorch stores them (`element_size()`).
    var elementSize: Int {
        switch self {
        case .float32: 4
        case .int64: 8
        case .bool: 1
        }
    }

    /// The type both operands of an arithmetic operation are converted to (PyTorch's promotion).
    static func promoted(_ a: DType, _ b: DType) -> DType {
        if a == .float32 || b == .float32 { return .float32 }
        if a == .int64 || b == .int64 { return .int64 }
        return .bool
    }
}
