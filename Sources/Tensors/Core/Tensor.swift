/// An n-dimensional array of float32, float64, int64, int32, uint8 or bool elements that can take part in autograd.
///
/// A tensor is a reference, as in PyTorch: layers and optimizers update their parameters in
/// place and every holder sees the change.
public final class Tensor {
    /// The size of each dimension.
    public internal(set) var shape: Shape
    /// The element type; in-place writes convert to it and only a module conversion changes
    /// it (`Module.convertTensors`, as `param.data = ...` does in PyTorch), so it is
    /// kept here rather than read through the elements (which would retain their array).
    public internal(set) var dtype: DType
    /// The elements: held inline until a view or alias is made, then in a buffer they share.
    var elements: TensorElements
    /// How this tensor aliases another's elements; nil for a tensor that owns them densely
    /// (most tensors: the field costs one word).
    var alias: Alias?
    /// Where this tensor's elements lie in `buffer`; nil when they are all of it, row-major.
    var layout: ViewLayout? { alias?.layout }
    /// The tensor this one is a view of (PyTorch's `_base`), for in-place autograd rules.
    var viewBase: Tensor? { alias?.base }
    var requiresGradFlag: Bool
    /// The gradient accumulated by `backward()`, or nil.
    public var grad: Tensor?
    var gradFn: GradNode?
    /// Whether this tensor is a module parameter (printed as `Parameter containing:`).
    public internal(set) var isParameter = false
    /// Whether `backward` stores the gradient of this non-leaf tensor (`retain_grad()`).
    var retainsGrad = false
    /// Whatever a language binding attaches to this tensor object (Python attributes set on
    /// it); Tensors never reads it, and views and copies start without it.
    public var bindingAttributes: AnyObject?

    init(shape: Shape, storage: TensorStorage, requiresGrad: Bool = false) {
        self.shape = shape
        self.dtype = storage.dtype
        self.elements = .owned(storage)
        self.alias = nil
        self.requiresGradFlag = requiresGrad
    }

    /// A tensor over `buffer`'s elements at `layout` (a view, or a detached alias when
    /// `base` is nil).
    init(shape: Shape, buffer: TensorBuffer, layout: ViewLayout?, base: Tensor?) {
        self.shape = shape
        self.dtype = buffer.elements.dtype
        self.elements = .shared(buffer)
        self.alias = layout == nil && base == nil ? nil : Alias(layout: layout, base: base)
        self.requiresGradFlag = false
    }

    /// This tensor's elements, row-major: the buffer itself when it is laid out densely (no
    /// copy), gathered otherwise. Kernels read this, so they always see contiguous input.
    var storage: TensorStorage {
        guard let alias, let layout = alias.layout, case .shared(let buffer) = elements else { return bufferElements }
        if let cache = alias.gathered, cache.version == buffer.version { return cache.values }
        let rowMajor = ViewLayout.isRowMajor(shape.dims, layout.strides)
        // Row-major over the whole buffer but for the strides of size-1 dimensions: no copy.
        if rowMajor && layout.offset == 0 && shape.count == buffer.elements.count { return buffer.elements }
        let values = rowMajor
            ? buffer.elements.range(layout.offset, count: shape.count)
            : buffer.elements.gather(layout.positions(shape.dims))
        alias.gathered = (buffer.version, values)
        return values
    }

    /// Every element of the buffer (more than this tensor's when it is a view).
    @inline(__always)
    var bufferElements: TensorStorage {
        switch elements {
        case .owned(let values): values
        case .shared(let buffer): buffer.elements
        }
    }

    /// The buffer views share, made on first use (a tensor nothing aliases needs none).
    var buffer: TensorBuffer {
        switch elements {
        case .owned(let values):
            let shared = TensorBuffer(values)
            elements = .shared(shared)
            return shared
        case .shared(let buffer):
            return buffer
        }
    }

    /// Runs `body` on the buffer's elements held uniquely (no copy) and counts the write.
    func mutateBuffer(_ body: (inout TensorStorage) -> Void) {
        switch elements {
        case .owned(var values):
            elements = .owned(.bool([]))
            body(&values)
            elements = .owned(values)
        case .shared(let buffer):
            buffer.mutate(body)
        }
    }

    convenience init(shape: Shape, floats: [Float]) {
        self.init(shape: shape, storage: .float32(floats))
    }

    /// A float32 tensor of `shape` holding `values` (row-major). Throws if the counts differ.
    public convenience init(floats values: [Float], shape: Shape) throws(TensorError) {
        guard values.count == shape.count else { throw .invalidView(shape: shape.dims, count: values.count) }
        self.init(shape: shape, storage: .float32(values))
    }

    /// An int64 tensor of `shape` holding `values` (row-major). Throws if the counts differ.
    public convenience init(int64s values: [Int64], shape: Shape) throws(TensorError) {
        guard values.count == shape.count else { throw .invalidView(shape: shape.dims, count: values.count) }
        self.init(shape: shape, storage: .int64(values))
    }

    /// A float64 tensor of `shape` holding `values` (row-major). Throws if the counts differ.
    public convenience init(doubles values: [Double], shape: Shape) throws(TensorError) {
        guard values.count == shape.count else { throw .invalidView(shape: shape.dims, count: values.count) }
        self.init(shape: shape, storage: .float64(values))
    }

    /// A bool tensor of `shape` holding `values` (row-major). Throws if the counts differ.
    public convenience init(bools values: [Bool], shape: Shape) throws(TensorError) {
        guard values.count == shape.count else { throw .invalidView(shape: shape.dims, count: values.count) }
        self.init(shape: shape, storage: .bool(values))
    }

    /// A zero-dimensional float32 tensor.
    public convenience init(scalar value: Float) {
        self.init(shape: .scalar, storage: .float32([value]))
    }

    /// A zero-dimensional int64 tensor.
    public convenience init(scalar value: Int64) {
        self.init(shape: .scalar, storage: .int64([value]))
    }

    /// The number of dimensions (`dim()`).
    public var rank: Int { shape.rank }
    /// The number of elements (`numel()`).
    public var count: Int { shape.count }
    /// Whether operations on this tensor are recorded for autograd.
    public var requiresGrad: Bool { requiresGradFlag }
    /// Whether this tensor was created by the user rather than by a recorded operation.
    public var isLeaf: Bool { gradFn == nil }
    /// The PyTorch name of the operation that created this tensor (`AddmmBackward0`), if recorded.
    public var gradFnName: String? { gradFn?.name }

    /// The size of dimension `dim` (negative counts from the end): `size(dim)`.
    public func size(_ dim: Int) throws(TensorError) -> Int {
        guard rank > 0 else { throw .dimensionOutOfRange(dim: dim, rank: 0) }
        return shape.dims[try shape.normalize(dim: dim)]
    }

    /// Switches gradient tracking on a leaf (`requires_grad_()`); only float tensors may require grad.
    public func setRequiresGrad(_ flag: Bool = true) throws(TensorError) {
        if flag && !dtype.isFloatingPoint {
            throw .runtime("only Tensors of floating point dtype can require gradients")
        }
        if !isLeaf && !flag {
            throw .runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        requiresGradFlag = flag
    }

    /// `requires_grad=True` given to a creation function, refused with PyTorch's message for that path.
    public func requireGradAtCreation() throws(TensorError) {
        guard dtype.isFloatingPoint else { throw .runtime("Only Tensors of floating point and complex dtype can require gradients") }
        requiresGradFlag = true
    }

    /// Asks `backward` to keep this non-leaf tensor's gradient in `grad` (`retain_grad()`).
    public func retainGrad() throws(TensorError) {
        guard requiresGrad else { throw .runtime("can't retain_grad on Tensor that has requires_grad=False") }
        retainsGrad = true
        gradFn?.retainer = self
    }

    /// The elements as float32, row-major (converted from other dtypes).
    public var floats: [Float] { storage.floats }
    /// The elements as int64, row-major (converted from other dtypes).
    public var int64s: [Int64] { storage.int64s }
    /// The elements as float64, row-major (converted from other dtypes).
    public var doubles: [Double] { storage.doubles }
    /// The elements as booleans, row-major.
    public var bools: [Bool] { storage.bools }

    /// The single element as a Double (`item()`); throws unless the tensor has one element.
    public func item() throws(TensorError) -> Double {
        guard count == 1 else {
            throw .runtime("a Tensor with \(count) elements cannot be converted to Scalar")
        }
        return bufferElements.double(at: layout?.offset ?? 0)
    }

    /// The single element as a Swift value of the tensor's kind (`item()` keeps int-ness).
    public func scalarValue() throws(TensorError) -> ScalarValue {
        guard count == 1 else {
            throw .runtime("a Tensor with \(count) elements cannot be converted to Scalar")
        }
        return bufferElements.scalar(at: layout?.offset ?? 0)
    }

    /// A new leaf sharing these elements but no graph (`detach()`, `.data`): writes through
    /// either are seen by both, as in PyTorch.
    public func detach() -> Tensor {
        Tensor(shape: shape, buffer: buffer, layout: layout, base: nil)
    }

    /// `nn.Parameter(self, requires_grad)`: a new leaf sharing these elements that prints
    /// as `Parameter containing:` and registers when assigned to a module.
    /// Only float tensors may require grad, as in PyTorch.
    public func parameter(requiresGrad: Bool = true) throws(TensorError) -> Tensor {
        let result = detach()
        if dtype.isFloatingPoint { try result.setRequiresGrad(requiresGrad) }
        result.isParameter = true
        return result
    }

    /// Replaces the elements in place without recording (for optimizers and loading
    /// weights); `values` holds `count` elements in row-major order.
    func overwrite(with values: TensorStorage) {
        guard let layout else {
            mutateBuffer { $0 = values.converted(to: $0.dtype) }
            return
        }
        let positions = layout.positions(shape.dims)
        mutateBuffer { $0.scatter(values, at: positions) }
    }

    /// Mutates float elements in place, without a copy of the buffer when it is dense. A
    /// float64 tensor's elements pass through float32 (callers written for float32, such as
    /// the optimizers, then update it at float32 precision rather than not at all).
    func mutateFloats(_ body: (inout [Float]) -> Void) {
        if dtype == .float64 {
            var values = floats
            body(&values)
            overwrite(with: .float32(values))
            return
        }
        guard layout == nil else {
            guard case .float32(var values) = storage else { return }
            body(&values)
            overwrite(with: .float32(values))
            return
        }
        mutateBuffer { elements in
            guard case .float32(var values) = elements else { return }
            elements = .int64([])
            body(&values)
            elements = .float32(values)
        }
    }
}

/// A Python scalar extracted from a tensor.
public enum ScalarValue: Sendable, Hashable {
    /// A Python float.
    case float(Double)
    /// A Python int.
    case int(Int64)
    /// A Python bool.
    case bool(Bool)

    var doubleValue: Double {
        switch self {
        case .float(let v): v
        case .int(let v): Double(v)
        case .bool(let v): v ? 1 : 0
        }
    }

    var floatValue: Float {
        switch self {
        case .float(let v): Float(v)
        case .int(let v): Float(v)
        case .bool(let v): v ? 1 : 0
        }
    }

    /// Truncates floats toward zero; NaN and out-of-range values give Int64.min, as
    /// PyTorch's conversion does on x86.
    var int64Value: Int64 {
        switch self {
        case .float(let v): DType.truncated(v)
        case .int(let v): v
        case .bool(let v): v ? 1 : 0
        }
    }

    /// The dtype PyTorch gives this number as an operand: the default float dtype, int64 or bool.
    var dtype: DType {
        switch self {
        case .float: DefaultDType.current
        case .int: .int64
        case .bool: .bool
        }
    }

    var boolValue: Bool {
        switch self {
        case .float(let v): v != 0
        case .int(let v): v != 0
        case .bool(let v): v
        }
    }
}
