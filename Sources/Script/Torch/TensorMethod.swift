/// The tensor methods `callMethod` implements, found by name with one hash lookup instead of
/// a string comparison per case.
enum TensorMethod: String, CaseIterable {
    case size
    case dim
    case numel
    case nelement
    case view
    case reshape
    case float
    case double
    case long
    case int
    case byte
    case half
    case short
    case char
    case bfloat16
    case bool
    case type
    case item
    case tolist
    case numpy
    case backward
    case detach
    case clone
    case contiguous
    case cpu
    case cuda
    case to
    case requiresGrad_ = "requires_grad_"
    case retainGrad = "retain_grad"
    case zero_
    case fill_
    case max
    case min
    case argmax
    case sum
    case mean
    case softmax
    case logSoftmax = "log_softmax"
    case tanh
    case relu
    case sigmoid
    case exp
    case log
    case sqrt
    case abs
    case neg
    case pow
    case t
    case transpose
    case permute
    case unsqueeze
    case squeeze
    case flatten
    case expand
    case add
    case sub
    case mul
    case div
    case matmul
    case eq
    case ne
    case lt
    case le
    case gt
    case ge
    case any
    case all
    case allclose
    case equal
    case add_
    case sub_
    case mul_
    case div_
    case stride
    case isContiguous = "is_contiguous"
    case storageOffset = "storage_offset"
    case dataPtr = "data_ptr"
    case isView = "_is_view"
    case narrow
    case select
    case split
    case chunk
    case unbind
    case indexSelect = "index_select"
    case gather
    case take
    case scatter
    case scatter_
    case scatterAdd = "scatter_add"
    case scatterAdd_ = "scatter_add_"
    case indexAdd = "index_add"
    case indexAdd_ = "index_add_"
    case maskedFill = "masked_fill"
    case maskedFill_ = "masked_fill_"
    case nonzero
    case where_ = "where"

    static let named: [String: TensorMethod] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The keywords Recur reads (PyTorch may accept more: the others are refused, never
    /// ignored).
    var implementedKeywords: Set<String> {
        switch self {
        case .size, .softmax, .logSoftmax, .unsqueeze, .squeeze, .stride, .unbind: ["dim"]
        case .dim, .numel, .nelement, .float, .double, .long, .int, .byte, .half, .short, .char, .bfloat16, .bool,
             .item, .tolist, .numpy, .detach,
             .clone, .contiguous, .cpu, .cuda, .retainGrad, .zero_, .tanh, .relu, .sigmoid, .exp, .log,
             .sqrt, .abs, .neg, .t, .isContiguous, .storageOffset, .dataPtr, .isView, .view, .reshape, .permute,
             .expand: []
        case .type: ["dtype"]
        case .backward: ["gradient", "retain_graph"]
        case .to: ["dtype", "device"]
        case .requiresGrad_: ["requires_grad"]
        case .fill_: ["value"]
        case .max, .min, .argmax, .any, .all: ["dim", "keepdim"]
        case .sum, .mean: ["dim", "keepdim", "dtype"]
        case .pow: ["exponent"]
        case .transpose: ["dim0", "dim1"]
        case .flatten: ["start_dim", "end_dim"]
        case .add, .sub, .add_, .sub_: ["other", "alpha"]
        case .mul, .div, .matmul, .eq, .ne, .lt, .le, .gt, .ge, .equal, .mul_, .div_: ["other"]
        case .allclose: ["other", "rtol", "atol", "equal_nan"]
        case .narrow: ["dim", "start", "length"]
        case .select, .indexSelect, .gather: ["dim", "index"]
        case .split: ["split_size", "dim"]
        case .chunk: ["chunks", "dim"]
        case .take: ["index"]
        case .scatter, .scatter_: ["dim", "index", "src", "value"]
        case .scatterAdd, .scatterAdd_: ["dim", "index", "src"]
        case .indexAdd, .indexAdd_: ["dim", "index", "source", "alpha"]
        case .maskedFill, .maskedFill_: ["mask", "value"]
        case .nonzero: ["as_tuple"]
        case .where_: ["condition", "other"]
        }
    }

    /// The most positional arguments Recur reads.
    var implementedPositional: Int {
        switch self {
        case .size, .softmax, .logSoftmax, .unsqueeze, .squeeze, .stride, .unbind, .backward, .requiresGrad_,
             .fill_, .pow, .add, .sub, .mul, .div, .matmul, .eq, .ne, .lt, .le, .gt, .ge, .equal, .add_,
             .sub_, .mul_, .div_, .take, .type: 1
        case .dim, .numel, .nelement, .float, .double, .long, .int, .byte, .half, .short, .char, .bfloat16, .bool,
             .item, .tolist, .numpy, .detach,
             .clone, .contiguous, .cpu, .cuda, .retainGrad, .zero_, .tanh, .relu, .sigmoid, .exp, .log,
             .sqrt, .abs, .neg, .t, .isContiguous, .storageOffset, .dataPtr, .isView, .nonzero: 0
        case .view, .reshape, .permute, .expand, .to: .max
        case .max, .min, .argmax, .any, .all, .sum, .mean, .transpose, .flatten, .select, .indexSelect,
             .gather, .split, .chunk, .maskedFill, .maskedFill_, .where_: 2
        case .allclose: 4
        case .narrow, .scatter, .scatter_, .scatterAdd, .scatterAdd_, .indexAdd, .indexAdd_: 3
        }
    }
}
