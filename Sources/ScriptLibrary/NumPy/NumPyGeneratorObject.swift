import Tensors
import Script

/// `np.random.Generator` (what `np.random.default_rng(seed)` returns): NumPy's samplers over a
/// PCG64 bit generator, drawing NumPy's streams bit for bit.
package final class NumPyGeneratorObject: ScriptObject {
    let bitGenerator: PCG64Object
    private lazy var methods = NumPyGeneratorObject.methods { [unowned self] in self }

    init(_ bitGenerator: PCG64Object) { self.bitGenerator = bitGenerator }

    package var typeName: String { "numpy.random.Generator" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "Generator(PCG64) at 0x" + addressText(of: self).dropFirst(2).drop { $0 == "0" }.uppercased()
    }
    package func str(interpreter: Interpreter) throws(ScriptError) -> String { "Generator(PCG64)" }
    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        name == "bit_generator" ? .object(bitGenerator) : methods[name]
    }
    package var attributeNames: [String] { (methods.keys + ["bit_generator"]).sorted() }

    /// The generator's methods, bound to the generator `me` gives.
    private static func methods(_ me: @escaping () -> NumPyGeneratorObject) -> [String: Value] {
        var ns: [String: Value] = [:]
        func add(_ name: String, _ names: [String], required: Int = 0, _ body: @escaping (NumPyArguments, Interpreter) throws(ScriptError) -> Value) {
            ns[name] = .builtin(BuiltinFunction("Generator." + name, signature: "Generator.\(name)(\(names.joined(separator: ", ")))") { i, a throws(ScriptError) in
                try body(try NumPyArguments(a, name, names, required: required, interpreter: i), i)
            })
        }
        func floats(_ args: NumPyArguments, _ name: String, _ draw: @escaping (inout PCG64) -> Double) throws(ScriptError) -> Value {
            try me().bitGenerator.fill(size: args, dtype: .float64, name: name, double: draw, float: nil)
        }
        add("random", ["size", "dtype", "out"]) { args, _ throws(ScriptError) in
            try refuseOut(args, "random")
            return try me().bitGenerator.fill(size: args, dtype: try args.dtype() ?? .float64, name: "random",
                                              double: { $0.nextDouble() }, float: { $0.nextFloat() })
        }
        add("standard_normal", ["size", "dtype", "out"]) { args, _ throws(ScriptError) in
            try refuseOut(args, "standard_normal")
            return try me().bitGenerator.fill(size: args, dtype: try args.dtype() ?? .float64, name: "standard_normal",
                                              double: { $0.standardNormal() }, float: { $0.standardNormalFloat() })
        }
        add("standard_exponential", ["size", "dtype", "method", "out"]) { args, i throws(ScriptError) in
            try refuseOut(args, "standard_exponential")
            if let method = args["method"], try i.str(method) != "zig" {
                throw .typeError("standard_exponential(method=...): Recur provides method='zig' only (see docs/NUMPY.md)")
            }
            guard (try args.dtype() ?? .float64) == .float64 else {
                throw .typeError("standard_exponential(dtype=...): Recur provides float64 only (see docs/NUMPY.md)")
            }
            return try floats(args, "standard_exponential") { $0.standardExponential() }
        }
        add("normal", ["loc", "scale", "size"]) { args, i throws(ScriptError) in
            let loc = try scalarParameter(args, "loc", 0, i), scale = try scalarParameter(args, "scale", 1, i)
            try nonNegative(scale, "scale")
            return try floats(args, "normal") { loc + scale * $0.standardNormal() }
        }
        add("uniform", ["low", "high", "size"]) { args, i throws(ScriptError) in
            let low = try scalarParameter(args, "low", 0, i), high = try scalarParameter(args, "high", 1, i)
            let range = high - low
            guard range.isFinite else { throw ScriptError(.overflowError, "high - low range exceeds valid bounds") }
            try nonNegative(range, "high - low")
            return try floats(args, "uniform") { low + range * $0.nextDouble() }
        }
        add("exponential", ["scale", "size"]) { args, i throws(ScriptError) in
            let scale = try scalarParameter(args, "scale", 1, i)
            try nonNegative(scale, "scale")
            return try floats(args, "exponential") { scale * $0.standardExponential() }
        }
        ns["binomial"] = .builtin(BuiltinFunction("Generator.binomial", signature: "Generator.binomial(n, p, size=None)") { i, a throws(ScriptError) in
            let bits = me().bitGenerator
            return try NumPyBinomial.draw(a, i) { n, p in NumPyBinomial.sample(&bits.generator, n: n, p: p, legacy: false) }
        })
        add("integers", ["low", "high", "size", "dtype", "endpoint"], required: 1) { args, i throws(ScriptError) in
            try me().bitGenerator.integers(args, i)
        }
        add("choice", ["a", "size", "replace", "p", "axis", "shuffle"], required: 1) { args, i throws(ScriptError) in
            try me().bitGenerator.choice(args, i)
        }
        add("shuffle", ["x", "axis"], required: 1) { args, i throws(ScriptError) in
            guard (try args.int("axis") ?? 0) == 0 || args["x"].map({ i.isNDArray($0) }) == true else {
                throw ScriptError(.notImplementedError, "Axis argument is only supported on ndarray objects")
            }
            try NumPyRandomModule.shuffle(args["x"] ?? .none, axis: try args.int("axis") ?? 0, &me().bitGenerator.generator, i)
            return .none
        }
        add("permutation", ["x", "axis"], required: 1) { args, i throws(ScriptError) in
            try NumPyRandomModule.permutation(args["x"] ?? .none, axis: try args.int("axis") ?? 0, &me().bitGenerator.generator, i)
        }
        add("permuted", ["x", "axis", "out"]) { args, i throws(ScriptError) in
            try refuseOut(args, "permuted")
            return try me().bitGenerator.permuted(try args.array("x"), axis: try args.int("axis"), i)
        }
        return ns
    }

    private static func refuseOut(_ args: NumPyArguments, _ name: String) throws(ScriptError) {
        if args["out"] != nil { throw .typeError("\(name)(out=...) is not provided by Recur's numpy (see docs/NUMPY.md)") }
    }

    /// A distribution parameter: NumPy broadcasts arrays of them; Recur takes numbers.
    private static func scalarParameter(_ args: NumPyArguments, _ name: String, _ fallback: Double, _ i: Interpreter) throws(ScriptError) -> Double {
        guard let v = args[name] else { return fallback }
        if i.isNDArray(v) || v.isSequence {
            let array = try i.ndarray(v)
            guard array.rank == 0 else {
                throw .typeError("\(name)= as an array is not provided by Recur's numpy: pass a number (see docs/NUMPY.md)")
            }
            return array.elements.scalar(at: 0).doubleValue
        }
        return try args.double(name) ?? fallback
    }

    /// NumPy's CONS_NON_NEGATIVE: a negative value (-0.0 included) is refused, NaN passes.
    private static func nonNegative(_ value: Double, _ name: String) throws(ScriptError) {
        if value.sign == .minus && !value.isNaN { throw .valueError("\(name) < 0") }
    }
}

extension Interpreter {
    func isNDArray(_ v: Value) -> Bool {
        if case .object(let o) = v, o is NDArray { return true }
        return false
    }
}

extension Value {
    var isSequence: Bool {
        switch self {
        case .list, .tuple: true
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object: false
        }
    }
}
