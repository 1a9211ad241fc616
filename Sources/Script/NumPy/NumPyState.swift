import Tensors

/// Library state the workspace owns for `numpy`: print options, the legacy global random
/// state and the type objects of arrays and scalars.
final class NumPyState {
    var printOptions = NumPyPrintOptions()
    /// `np.random.seed` / `np.random.rand`'s generator, seeded from entropy at start-up.
    lazy var random = RandomStateObject(LegacyRandom(seed: UInt32.random(in: 0...UInt32.max)))
    var scalarTypes: [DType: TypeObject] = [:]
    var ndarrayType: TypeObject?
    /// `numpy.exceptions.AxisError`, made on first use.
    var axisErrorType: TypeObject?

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
        if let type = numpy.axisErrorType { return type }
        let type = TypeObject(name: "AxisError", bases: [types.exception(.valueError), types.exception(.indexError)], kind: .user,
                              module: "numpy.exceptions")
        numpy.axisErrorType = type
        return type
    }

    /// An AxisError to throw with `message`.
    func numpyAxisError(_ message: String) -> ScriptError {
        do {
            return try errorToRaise(try call(.type(numpyAxisErrorType), Arguments([.str(message)])))
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
        for dtype in DType.allCases {
            types.registerNative(state.scalarType(dtype, base: types.object, float: types.float), forTypeName: "numpy." + (dtype == .bool ? "bool" : dtype.name))
        }
        return state
    }
}
