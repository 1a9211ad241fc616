/// The element type of a tensor, named as PyTorch names it.
public enum DType: Sendable, Hashable, CaseIterable, BitwiseCopyable, CustomStringConvertible {
    /// 32-bit IEEE floating point (`torch.float32`), PyTorch's default for real numbers.
    case float32
    /// 64-bit IEEE floating point (`torch.float64`, `torch.double`).
    case float64
    /// 64-bit signed integer (`torch.int64`, `torch.long`), used for indices and labels.
    case int64
    /// 32-bit signed integer (`torch.int32`, `torch.int`).
    case int32
    /// 8-bit unsigned integer (`torch.uint8`), as images are stored.
    case uint8
    /// Boolean (`torch.bool`), produced by comparisons.
    case bool

    /// `torch.float32`, `torch.int64`, ...
    public var description: String { "torch." + name }

    /// The name after `torch.` (`float32`).
    public var name: String {
        switch self {
        case .float32: "float32"
        case .float64: "float64"
        case .int64: "int64"
        case .int32: "int32"
        case .uint8: "uint8"
        case .bool: "bool"
        }
    }

    /// PyTorch's scalar type name (`Float`, `Double`, `Long`, `Int`, `Byte`, `Bool`), used in
    /// its error texts and legacy tensor type names (`torch.DoubleTensor`).
    public var scalarTypeName: String {
        switch self {
        case .float32: "Float"
        case .float64: "Double"
        case .int64: "Long"
        case .int32: "Int"
        case .uint8: "Byte"
        case .bool: "Bool"
        }
    }

    /// Whether values of this type can carry gradients.
    public var isFloatingPoint: Bool {
        switch self {
        case .float32, .float64: true
        case .int64, .int32, .uint8, .bool: false
        }
    }

    /// Bytes per element, as PyTorch stores them (`element_size()`).
    public var elementSize: Int {
        switch self {
        case .float32, .int32: 4
        case .float64, .int64: 8
        case .uint8, .bool: 1
        }
    }

    /// PyTorch's type-promotion category: bool (0) < integral (1) < floating (2).
    public var category: Int {
        switch self {
        case .bool: 0
        case .int64, .int32, .uint8: 1
        case .float32, .float64: 2
        }
    }

    /// PyTorch's `promoteTypes` for two tensor dtypes of the same kind of operand.
    public static func promoted(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        switch (a, b) {
        case (.bool, let other), (let other, .bool): return other
        case (.float64, _), (_, .float64): return .float64
        case (.float32, _), (_, .float32): return .float32
        case (.int64, _), (_, .int64): return .int64
        // int32 with uint8 (the only pair left) promotes to int32.
        case (.int32, _), (_, .int32): return .int32
        case (.uint8, .uint8): return .uint8
        }
    }

    /// PyTorch's `result_type` (`ResultTypeState`): dimensioned tensors decide first, then
    /// zero-dimensional tensors, then Python scalars (already given their default dtype); a
    /// lower tier counts only when it is of a higher category (bool < integral < floating).
    static func resultType(_ operands: [(dtype: DType, tier: OperandTier)]) -> DType {
        // Three slots rather than a dictionary: this runs for every arithmetic operation.
        var dimensioned: DType?, zeroDimensional: DType?, scalar: DType?
        for (dtype, tier) in operands {
            switch tier {
            case .dimensioned: dimensioned = dimensioned.map { promoted($0, dtype) } ?? dtype
            case .zeroDimensional: zeroDimensional = zeroDimensional.map { promoted($0, dtype) } ?? dtype
            case .scalar: scalar = scalar.map { promoted($0, dtype) } ?? dtype
            }
        }
        return combined(dimensioned, combined(zeroDimensional, scalar)) ?? .float32
    }

    /// `resultType` of two operands (the common case, without an array).
    @inline(__always)
    static func resultType(_ a: DType, _ aTier: OperandTier, _ b: DType, _ bTier: OperandTier) -> DType {
        if a == b { return a }
        if aTier == bTier { return promoted(a, b) }
        let (higher, lower) = aTier.precedence > bTier.precedence ? (a, b) : (b, a)
        return combined(higher, lower) ?? higher
    }

    /// ATen's `combine_categories`.
    static func combined(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return promoted(higher, lower) }
        return higher
    }
}

/// How an operand takes part in type promotion.
enum OperandTier: Hashable {
    /// A tensor with at least one dimension.
    case dimensioned
    /// A zero-dimensional tensor.
    case zeroDimensional
    /// A Python number.
    case scalar

    /// Dimensioned tensors decide before 0-d tensors, which decide before Python numbers.
    var precedence: Int {
        switch self {
        case .dimensioned: 2
        case .zeroDimensional: 1
        case .scalar: 0
        }
    }
}
