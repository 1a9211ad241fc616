import Tensors
import Script

/// `numpy.ndarray`: an n-dimensional array over the tensor engine's storage. Views made by
/// basic indexing, `reshape`, `.T` or `torch.from_numpy` share the elements, as in NumPy.
package final class NDArray: ScriptObject {
    /// The elements, shape and strides (replaced only by the in-place `resize`).
    package var tensor: Tensor

    init(_ tensor: Tensor) { self.tensor = tensor }

    /// An array owning `elements` laid out row-major as `dims`.
    convenience init(_ elements: ElementArray, _ dims: [Int]) throws(ScriptError) {
        self.init(try tensorCall { () throws(TensorError) in try Tensor(elements: elements, shape: Shape(dims)) })
    }

    package var dtype: DType { tensor.dtype }
    var dims: [Int] { tensor.shape.dims }
    var rank: Int { tensor.rank }
    package var count: Int { tensor.count }
    /// The elements, row-major (no copy for a dense array).
    var elements: ElementArray { tensor.isContiguous ? tensor.elementArray : NumPyStridedCopy.elements(of: tensor) }

    package var typeName: String { "numpy.ndarray" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        ArrayPrinter(options: interpreter.numpy.printOptions).repr(self)
    }

    package func str(interpreter: Interpreter) throws(ScriptError) -> String {
        if rank == 0 { return try interpreter.str(NumPyScalar(dtype, elements.scalar(at: 0)).value) }
        return ArrayPrinter(options: interpreter.numpy.printOptions).str(self)
    }

    package func summary(interpreter: Interpreter) -> String? {
        "\(dims.isEmpty ? "scalar" : dims.map(String.init).joined(separator: "x")): \(count) elems, type `\(dtype.name)`"
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard let first = dims.first else { throw .typeError("len() of unsized object") }
        return first
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        guard let first = dims.first else { throw .typeError("iteration over a 0-d array") }
        return NDArrayRowIterator(self, count: first)
    }

    package func truth(interpreter: Interpreter) throws(ScriptError) -> Bool? {
        guard count == 1 else {
            throw .valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
        return elements.scalar(at: 0).boolValue
    }

    package func index(interpreter: Interpreter) throws(ScriptError) -> Int? {
        guard rank == 0, dtype.integerRange != nil || dtype == .bool else {
            throw .typeError("only integer scalar arrays can be converted to a scalar index")
        }
        return Int(elements.scalar(at: 0).int64Value)
    }

    package func floatValue(interpreter: Interpreter) throws(ScriptError) -> Double? {
        guard count == 1 else { throw .typeError("only length-1 arrays can be converted to Python scalars") }
        return elements.scalar(at: 0).doubleValue
    }

    package var attributeNames: [String] { NDArray.attributeList }
}

extension ScalarValue {
    var boolValue: Bool {
        switch self {
        case .float(let v): v != 0
        case .int(let v): v != 0
        case .bool(let v): v
        }
    }

    var doubleValue: Double {
        switch self {
        case .float(let v): v
        case .int(let v): Double(v)
        case .bool(let v): v ? 1 : 0
        }
    }

    /// Truncated toward zero (NaN and out-of-range floats give Int64.min, as NumPy's cast on x86).
    var int64Value: Int64 {
        switch self {
        case .float(let v): v.isFinite && v.magnitude < 9.2e18 ? Int64(v.rounded(.towardZero)) : Int64.min
        case .int(let v): v
        case .bool(let v): v ? 1 : 0
        }
    }
}

/// `for row in array`: sub-arrays along the first axis (views), or scalars for a 1-d array.
package final class NDArrayRowIterator: ValueIterator {
    package let array: NDArray
    package let count: Int
    package var position = 0
    init(_ array: NDArray, count: Int) {
        self.array = array
        self.count = count
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard position < count else { return nil }
        defer { position += 1 }
        return try array.subscripted([.int(position)], interpreter: interpreter)
    }
}
