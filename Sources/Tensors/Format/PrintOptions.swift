/// `torch.set_printoptions`: how tensors print, per thread as PyTorch's are per process.
public struct PrintOptions: Sendable, BitwiseCopyable, Equatable {
    /// Digits after the decimal point.
    public var precision = 4
    /// Tensors with more elements print summarised.
    public var threshold = 1000
    /// Rows and columns shown at each end of a summarised dimension.
    public var edgeItems = 3
    /// Characters per line.
    public var lineWidth = 80
    /// nil: PyTorch's automatic choice of scientific notation; true or false forces it.
    public var sciMode: Bool?

    public init() {}

    /// PyTorch's named profiles: `default`, `short`, `full`; nil for another name.
    public init?(profile: String) {
        switch profile {
        case "default": break
        case "short":
            precision = 2
            edgeItems = 2
        case "full": threshold = .max
        default: return nil
        }
    }

    private static let state = ThreadValue(PrintOptions())

    /// The options in force on this thread.
    public static var current: PrintOptions {
        get { state.value }
        set { state.value = newValue }
    }
}
