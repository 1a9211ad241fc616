import CNumPy
import Tensors
import Script

/// What NumPy does when a floating-point error occurs (`np.seterr(divide='ignore')`).
package enum NumPyErrorMode: String, CaseIterable {
    case ignore, warn, raise, call, print, log
}

/// The floating-point errors NumPy tracks through the processor's status flags, in the order
/// it reports them.
package enum NumPyFloatError: CaseIterable {
    case divide, over, under, invalid

    /// The key in `np.geterr()` and the keyword of `seterr` / `errstate`.
    var key: String {
        switch self {
        case .divide: "divide"
        case .over: "over"
        case .under: "under"
        case .invalid: "invalid"
        }
    }

    /// The words NumPy's messages start with.
    var words: String {
        switch self {
        case .divide: "divide by zero"
        case .over: "overflow"
        case .under: "underflow"
        case .invalid: "invalid value"
        }
    }

    /// The error's bit in `recur_numpy_fp_test`'s answer.
    package var flag: Int32 {
        switch self {
        case .divide: 1
        case .over: 2
        case .under: 4
        case .invalid: 8
        }
    }

    /// Sets this error's status flag, as NumPy's integer loops do for a division by zero.
    package func raise() { recur_numpy_fp_raise(flag) }
}

/// The four modes `np.geterr()` reports; NumPy's defaults.
package struct NumPyErrorState: Equatable {
    var modes: [NumPyFloatError: NumPyErrorMode] = [.divide: .warn, .over: .warn, .under: .ignore, .invalid: .warn]

    /// `{'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}`.
    func dict() throws(ScriptError) -> Value {
        let dict = DictObject()
        for error in NumPyFloatError.allCases { try dict.set(.str(error.key), .str((modes[error] ?? .ignore).rawValue)) }
        return .dict(dict)
    }

    /// This state with the modes `all=` and the per-error keywords set (the others kept).
    func updated(_ settings: [String: Value], _ interpreter: Interpreter) throws(ScriptError) -> NumPyErrorState {
        var next = self
        func mode(_ value: Value) throws(ScriptError) -> NumPyErrorMode {
            let text = try interpreter.str(value)
            guard let mode = NumPyErrorMode(rawValue: text) else { throw .valueError("invalid error mode '\(text)'") }
            return mode
        }
        if let all = settings["all"], !all.isNone {
            let m = try mode(all)
            for error in NumPyFloatError.allCases { next.modes[error] = m }
        }
        for error in NumPyFloatError.allCases {
            if let value = settings[error.key], !value.isNone { next.modes[error] = try mode(value) }
        }
        return next
    }
}

/// `np.errstate(**modes)`: a context manager that sets the modes inside its block and restores
/// the previous ones after it, and a decorator that runs a function under them.
package final class NumPyErrStateObject: ScriptObject {
    package let settings: [String: Value]
    private var saved: [NumPyErrorState] = []

    init(_ settings: [String: Value]) { self.settings = settings }

    package static let keywords = ["all", "divide", "over", "under", "invalid"]

    package var typeName: String { "numpy.errstate" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<numpy.errstate object at \(addressText(of: self))>" }

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        let state = interpreter.numpy
        let next = try state.errorState.updated(settings, interpreter)
        saved.append(state.errorState)
        state.errorState = next
        return Value.none
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) {
        if let previous = saved.popLast() { interpreter.numpy.errorState = previous }
    }

    /// `@np.errstate(all='ignore')` over a function.
    package func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try arguments.expect("errstate", 1...1)
        let function = arguments.positional[0]
        var name = "function"
        if case .str(let text)? = (try? interpreter.attributeIfPresent(function, "__name__")) ?? nil { name = text }
        return .builtin(BuiltinFunction(name) { (interpreter, arguments) throws(ScriptError) -> Value in
            _ = try self.enter(interpreter: interpreter)
            defer { try? self.exit(interpreter: interpreter) }
            return try interpreter.call(function, arguments)
        })
    }
}

extension Interpreter {
    /// Runs `body` with the floating-point status flags cleared, then treats the flags it
    /// raised as NumPy treats them after ufunc `name`: warnings, FloatingPointError, ...
    func numpyChecked<T>(_ name: String, _ body: () throws(ScriptError) -> T) throws(ScriptError) -> T {
        recur_numpy_fp_clear()
        let value = try body()
        let raised = recur_numpy_fp_test()
        if raised != 0 { try numpyReport(raised, in: name) }
        return value
    }

    /// NumPy's handling of the errors in `raised` (status flags) after `name`.
    func numpyReport(_ raised: Int32, in name: String) throws(ScriptError) {
        let modes = numpy.errorState.modes
        for error in NumPyFloatError.allCases where raised & error.flag != 0 {
            let message = "\(error.words) encountered in \(name)"
            switch modes[error] ?? .ignore {
            case .ignore: continue
            case .warn: try warn(message, category: .runtimeWarning)
            case .raise: throw ScriptError(.floatingPointError, message)
            case .print: host.write("Warning: \(message)\n", to: .stderr)
            case .call:
                // np.seterrcall is not provided, so no callback can have been set.
                throw ScriptError(.nameError, "python callback specified for \(error.words) (in  \(name)) but no function found.")
            case .log:
                throw ScriptError(.nameError, "log specified for \(error.words) (in \(name)) but no object with write method found.")
            }
        }
    }
}

extension NumPyModule {
    /// `seterr`, `geterr` and `errstate` (a class, as NumPy's).
    static func fillErrorState(_ interpreter: Interpreter, _ table: inout [String: Value]) {
        table["geterr"] = .builtin(BuiltinFunction("numpy.geterr", signature: "numpy.geterr()") { i, a throws(ScriptError) in
            try a.expect("geterr", 0...0)
            return try i.numpy.errorState.dict()
        })
        table["seterr"] = .builtin(BuiltinFunction("numpy.seterr", signature: "numpy.seterr(all=None, divide=None, over=None, under=None, invalid=None)") { i, a throws(ScriptError) in
            let args = try NumPyArguments(a, "seterr", NumPyErrStateObject.keywords, interpreter: i)
            var settings: [String: Value] = [:]
            for key in NumPyErrStateObject.keywords { settings[key] = args[key] }
            let old = try i.numpy.errorState.dict()
            i.numpy.errorState = try i.numpy.errorState.updated(settings, i)
            return old
        })
        let constructor = BuiltinFunction("numpy.errstate", signature: "numpy.errstate(*, call=_Unspecified, **kwargs)") { _, a throws(ScriptError) in
            guard a.positional.isEmpty else {
                throw .typeError("errstate.__init__() takes 1 positional argument but \(a.positional.count + 1) were given")
            }
            var settings: [String: Value] = [:]
            for entry in a.keywords {
                if entry.name == "call" {
                    throw .typeError("errstate(call=...): np.seterrcall callbacks are not provided by Recur's numpy (see docs/NUMPY.md)")
                }
                guard NumPyErrStateObject.keywords.contains(entry.name) else {
                    throw .typeError("errstate.__init__() got an unexpected keyword argument '\(entry.name)'")
                }
                settings[entry.name] = entry.value
            }
            return .object(NumPyErrStateObject(settings))
        }
        let type = TypeObject(name: "errstate", bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "numpy")
        interpreter.types.registerNative(type, forTypeName: "numpy.errstate")
        table["errstate"] = .type(type)
    }
}
