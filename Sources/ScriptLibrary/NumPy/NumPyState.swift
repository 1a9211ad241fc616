import Tensors
import Script

/// Library state the workspace owns for `numpy`: print options, the legacy global random
/// state and the type objects of arrays and scalars.
package final class NumPyState {
    package var printOptions = NumPyPrintOptions()
    /// `np.seterr`'s modes for floating-point errors.
    var errorState = NumPyErrorState()
    /// `np.random.seed` / `np.random.rand`'s generator, seeded from entropy at start-up.
    lazy var random = RandomStateObject(LegacyRandom(seed: UInt32.random(in: 0...UInt32.max)))
    var scalarTypes: [DType: TypeObject] = [:]
    var ndarrayType: TypeObject?
    /// NumPy's exception classes by name (`AxisError`, `UFuncTypeError`), made on first use.
    var errorTypes: [String: TypeObject] = [:]
    /// `numpy.dtype`, made with its per-dtype subclasses on first use.
    var dtypeBaseType: TypeObject?

    /// `np.dtype`: a type whose instances belong to one subclass per dtype
    /// (`numpy.dtypes.Float32DType`), callable as NumPy's constructor.
    func dtypeType(_ interpreter: Interpreter) -> TypeObject {
        if let t = dtypeBaseType { return t }
        let constructor = BuiltinFunction("numpy.dtype", signature: "numpy.dtype(dtype, align=False, copy=False)") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "dtype", ["dtype", "align", "copy"], required: 1, interpreter: i)
            return .object(NumPyDTypeObject(try args.dtype() ?? .float64))
        }
        let base = TypeObject(name: "dtype", bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "numpy")
        dtypeBaseType = base
        for dtype in DType.allCases {
            let type = TypeObject(name: dtype.numpyDTypeClassName, bases: [base], kind: .builtin, constructor: constructor, module: "numpy.dtypes")
            interpreter.types.registerNative(type, forTypeName: "numpy.dtypes." + dtype.numpyDTypeClassName)
        }
        return base
    }

    /// `np.float64`, `np.int64`, ...: the scalar type of `dtype`, callable as a constructor.
    func scalarType(_ dtype: DType, base: TypeObject, float: TypeObject? = nil) -> TypeObject {
        if let t = scalarTypes[dtype] { return t }
        let name = dtype == .bool ? "bool" : dtype.name
        let constructor = BuiltinFunction("numpy." + name, signature: "numpy.\(name)(value=0)") { interpreter, a throws(ScriptError) in
            try a.expect(name, 0...1)
            guard let v = a.positional.first else { return NumPyScalar(dtype, .int(0)).value }
            if case .str(let text) = v {
                guard let d = Double(text.trimmingTrailingSpaces) else {
                    throw .valueError("could not convert string to float: '\(text)'")
                }
                return NumPyScalar(dtype, .float(d)).value
            }
            let array = try interpreter.ndarray(v, dtype: dtype)
            return array.rank == 0 ? NumPyScalar(dtype, array.elements.scalar(at: 0)).value : .object(array)
        }
        let type = TypeObject(name: name, bases: dtype == .float64 ? [float ?? base] : [base], kind: .builtin, constructor: constructor, module: "numpy")
        scalarTypes[dtype] = type
        return type
    }
}

extension Interpreter {
    /// `numpy.exceptions.AxisError`: a ValueError and an IndexError, as NumPy's.
    var numpyAxisErrorType: TypeObject {
        numpyErrorType("AxisError", bases: [.valueError, .indexError], module: "numpy.exceptions")
    }

    /// NumPy's `UFuncTypeError` (a TypeError): a ufunc's result cannot be cast to its output.
    var numpyUFuncTypeErrorType: TypeObject {
        numpyErrorType("UFuncTypeError", bases: [.typeError], module: "numpy._core._exceptions")
    }

    /// One of NumPy's exception classes, made on first use.
    func numpyErrorType(_ name: String, bases: [ExceptionKind], module: String) -> TypeObject {
        if let type = numpy.errorTypes[name] { return type }
        let type = TypeObject(name: name, bases: bases.map { types.exception($0) }, kind: .user, module: module)
        numpy.errorTypes[name] = type
        return type
    }

    /// An AxisError to throw with `message`.
    func numpyAxisError(_ message: String) -> ScriptError { numpyError(numpyAxisErrorType, message) }

    /// NumPy's error when a ufunc's `from` result cannot be written into an output of `to`
    /// under the same-kind rule (`a += 1.5` on an integer array).
    func numpyOutputCastError(_ ufunc: String, from: DType, to: DType) -> ScriptError {
        numpyError(numpyUFuncTypeErrorType,
                   "Cannot cast ufunc '\(ufunc)' output from dtype('\(from.name)') to dtype('\(to.name)') with casting rule 'same_kind'")
    }

    /// An instance of `type` to throw with `message`.
    func numpyError(_ type: TypeObject, _ message: String) -> ScriptError {
        do {
            return try errorToRaise(try call(.type(type), Arguments([.str(message)])))
        } catch {
            return error
        }
    }

    /// The workspace's numpy state, made on first use.
    var numpy: NumPyState {
        let key = ObjectIdentifier(NumPyState.self)
        if let state = workspace.extensions[key] as? NumPyState { return state }
        let state = NumPyState()
        workspace.extensions[key] = state
        _ = state.dtypeType(self)
        for dtype in DType.allCases {
            types.registerNative(state.scalarType(dtype, base: types.object, float: types.float), forTypeName: "numpy." + (dtype == .bool ? "bool" : dtype.name))
        }
        return state
    }
}
