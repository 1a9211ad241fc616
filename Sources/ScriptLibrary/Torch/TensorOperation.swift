import Tensors
import Script

/// One tensor operation declared once: its PyTorch name, the forms it takes (a Tensor
/// method, a torch function taking the tensor first, or both; or a torch factory with no
/// tensor), the parameters Recur reads in PyTorch's positional order, the keyword-only ones,
/// and the body. The method and the function dispatch, the argument checks and the keyword
/// table of tools/signatures/generate.py all read this one declaration.
package struct TensorOperation: Sendable {
    package enum Forms: Sendable {
        case method
        case function
        case both
        /// A torch function that makes a tensor (`torch.linspace`): no tensor comes first.
        case factory
    }

    package typealias Body = @Sendable (_ interpreter: Interpreter, _ tensor: Tensor?, _ arguments: Arguments) throws(ScriptError) -> Value

    package let name: String
    let forms: Forms
    /// Positional-or-keyword parameters, in PyTorch's order (`nil` count: any number of
    /// positional values, as `x.repeat(2, 3)`).
    package let parameters: [String]
    let keywordOnly: [String]
    let variadic: Bool
    /// The names a call may use as keywords (`parameters` and `keywordOnly`).
    let readable: Set<String>
    /// The torch function's names for parameters the method names otherwise
    /// (`torch.split(x, split_size_or_sections=2)` is `x.split(split_size=2)`).
    let functionKeywords: [String: String]
    /// The names the torch function may use as keywords.
    let functionReadable: Set<String>
    /// How many positional arguments PyTorch takes, when `parameters` lists them all: more is
    /// PyTorch's TypeError rather than Recur's NotImplementedError.
    let positionalLimit: Int?
    /// Rewrites an older calling form PyTorch still accepts (`add(alpha, other)`) into the
    /// declared one before the checks.
    let rewrite: Rewrite?
    package typealias Rewrite = @Sendable (_ arguments: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Arguments
    /// PyTorch's keyword table for the method and for the function, looked up once.
    let methodSignature: TorchSignature?
    let functionSignature: TorchSignature?
    /// An argument after the tensor that PyTorch takes only as a tensor (`other` of
    /// `maximum`), from the generated `TorchNumberInputs.tensorOnly`.
    let tensorArgument: (name: String, index: Int)?
    /// Whether the body handles every dtype (otherwise float64, int32 and uint8 are refused).
    private(set) var coversAllDTypes: Bool
    package let body: Body

    package init(_ name: String, _ forms: Forms, _ parameters: [String] = [], keywordOnly: [String] = [], variadic: Bool = false,
         functionKeywords: [String: String] = [:], positionalLimit: Int? = nil, rewrite: Rewrite? = nil, _ body: @escaping Body) {
        self.name = name
        self.forms = forms
        self.parameters = parameters
        self.keywordOnly = keywordOnly
        self.variadic = variadic
        self.readable = Set(parameters + keywordOnly)
        self.functionKeywords = functionKeywords
        self.positionalLimit = positionalLimit
        methodSignature = TorchSignature.methods[name]
        functionSignature = TorchSignature.functions[name] ?? methodSignature
        self.rewrite = rewrite
        self.functionReadable = readable.subtracting(functionKeywords.values).union(functionKeywords.keys).union(["input"])
        self.coversAllDTypes = TensorOperation.dtypeComplete.contains(name)
        self.tensorArgument = TorchNumberInputs.tensorOnly[name]
        self.body = body
    }

    package typealias ReceiverBody = @Sendable (_ interpreter: Interpreter, _ tensor: Tensor, _ arguments: Arguments) throws(ScriptError) -> Value

    /// An operation on a tensor (a method, or a function taking the tensor first).
    package static func on(_ name: String, _ forms: Forms, _ parameters: [String] = [], keywordOnly: [String] = [], variadic: Bool = false,
                   functionKeywords: [String: String] = [:], positionalLimit: Int? = nil, rewrite: Rewrite? = nil,
                   _ body: @escaping ReceiverBody) -> TensorOperation {
        TensorOperation(name, forms, parameters, keywordOnly: keywordOnly, variadic: variadic, functionKeywords: functionKeywords,
                        positionalLimit: positionalLimit, rewrite: rewrite) { interpreter, tensor, a throws(ScriptError) in
            try body(interpreter, try TensorOperations.receiver(tensor, name), a)
        }
    }

    /// This declaration marked as handling every dtype.
    func coveringAllDTypes() -> TensorOperation {
        var copy = self
        copy.coversAllDTypes = true
        return copy
    }

    /// The parameter list `help()` shows: the parameters Recur reads, in PyTorch's order
    /// (`*args` for a variadic one), then the keyword-only ones; `input` first for a function
    /// taking the tensor.
    func parameterText(asFunction: Bool) -> String {
        var items = variadic ? ["*" + (parameters.first ?? "args")] : parameters
        if asFunction && forms != .factory { items.insert("input", at: 0) }
        if !keywordOnly.isEmpty {
            if !variadic { items.append("*") }
            items += keywordOnly
        }
        return "(" + items.joined(separator: ", ") + ")"
    }

    var isMethod: Bool { forms == .method || forms == .both }
    var isFunction: Bool { forms != .method }

    /// Every declared operation, by name.
    static let named: [String: TensorOperation] = {
        var table: [String: TensorOperation] = [:]
        for operation in TensorOperations.all { table[operation.name] = operation }
        return table
    }()

    /// The names reachable as Tensor methods.
    static let methodNames: [String] = TensorOperations.all.filter(\.isMethod).map(\.name)

    /// Checks `a` against the declaration (PyTorch's TypeError for a keyword PyTorch does not
    /// take, a NotImplementedError for one it takes that Recur does not read, NumPy's names
    /// mapped to PyTorch's) and runs the body.
    package func call(_ tensor: Tensor?, _ given: Arguments, interpreter: Interpreter, asFunction: Bool) throws(ScriptError) -> Value {
        var a = try rewrite?(given, interpreter) ?? given
        let table = asFunction ? functionSignature : methodSignature
        if let index = a.keywords.firstIndex(where: { $0.name == "out" }), let table, table.keywords.contains("out") {
            // PyTorch's stubs list `out` for some methods, but only its functions take one.
            guard asFunction else { throw .typeError("\(name)() got an unexpected keyword argument 'out'") }
            let out = a.keywords.remove(at: index).value
            if !out.isNone { return try writing(into: out, tensor, a, interpreter: interpreter) }
        }
        var checked = a
        if !a.keywords.isEmpty {
            if let table, asFunction, let tensor, forms != .factory {
                // PyTorch's messages list the input among the arguments.
                var full = a
                full.positional.insert(.object(tensor), at: 0)
                checked = try table.check(full, name: name, implemented: functionReadable)
                checked.positional.removeFirst()
                for i in checked.keywords.indices {
                    if let parameter = functionKeywords[checked.keywords[i].name] { checked.keywords[i].name = parameter }
                }
            } else if let table {
                checked = try table.check(a, name: name, implemented: asFunction ? functionReadable : readable)
            } else {
                for entry in a.keywords where !readable.contains(entry.name) {
                    throw .typeError("\(name)() got an unexpected keyword argument '\(entry.name)'")
                }
            }
        }
        if let positionalLimit, checked.positional.count > positionalLimit {
            let counted = asFunction && forms != .factory ? 1 : 0
            if let table, table.unknownKeyword.contains("received an invalid combination of arguments") {
                var full = checked
                if counted == 1, let tensor { full.positional.insert(.object(tensor), at: 0) }
                throw TensorOperation.invalidArguments(name, full, asFunction: asFunction)
            }
            let limit = positionalLimit + counted
            throw .typeError("\(name)() takes \(limit) positional argument\(limit == 1 ? "" : "s") but \(checked.positional.count + counted) were given")
        }
        if !variadic && checked.positional.count > parameters.count, let table,
           table.unknownKeyword.hasSuffix("() takes no keyword arguments") {
            // PyTorch words a method without parameters this way (`TensorBase.sin()`).
            let owner = table.unknownKeyword.dropLast(" takes no keyword arguments".count)
            throw .typeError("\(owner) takes no arguments (\(checked.positional.count) given)")
        }
        if !variadic && checked.positional.count > parameters.count, let table,
           checked.positional.count <= table.keywords.subtracting(["input"]).count {
            throw ScriptError(.notImplementedError, "\(name)() with \(checked.positional.count) positional arguments is not supported in Recur")
        }
        if !variadic && checked.positional.count > parameters.count {
            throw .typeError("\(name)() takes at most \(parameters.count + (tensor == nil || !asFunction ? 0 : 1)) arguments (\(checked.positional.count + (asFunction && forms != .factory ? 1 : 0)) given)")
        }
        if let rule = tensorArgument {
            let positional = rule.index < checked.positional.count
            let given = positional ? checked.positional[rule.index] : checked.keywords.first { $0.name == rule.name }?.value
            if let given, !given.isTensor {
                // PyTorch names the position only of a positional argument.
                let position = positional ? " (position \(rule.index + (asFunction ? 2 : 1)))" : ""
                throw .typeError("\(name)(): argument '\(rule.name)'\(position) must be Tensor, not \(given.typeName)")
            }
        }
        if !coversAllDTypes { try checkDTypes(tensor, checked) }
        return try body(interpreter, tensor, checked)
    }

    /// `torch.f(..., out=t)`: the result written into `t`, which is returned (as PyTorch, it
    /// must not take part in autograd; Recur does not resize it).
    private func writing(into out: Value, _ tensor: Tensor?, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value {
        guard case .object(let object) = out, let target = object as? Tensor else {
            throw .typeError("\(name)(): argument 'out' must be Tensor, not \(out.typeName)")
        }
        let operands = TensorOperation.operands(tensor, a)
        if GradMode.isEnabled && operands.contains(where: \.requiresGrad) {
            throw .runtimeError("\(name)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        guard case .object(let resultObject) = try call(tensor, a, interpreter: interpreter, asFunction: true),
              let result = resultObject as? Tensor else {
            throw ScriptError(.notImplementedError, "\(name)(out=...) is supported in Recur only for functions returning one tensor")
        }
        guard result.shape.dims == target.shape.dims else {
            throw ScriptError(.notImplementedError, "\(name)(out=...): Recur writes into an out tensor of the result's shape \(result.shape.dims) "
                              + "and does not resize one of shape \(target.shape.dims)")
        }
        try target.checkWritable(result.dtype)
        try GradMode.with(enabled: false) { () throws(ScriptError) in
            try tensorCall { () throws(TensorError) in try target.write(result.to(target.dtype)) }
        }
        return out
    }

    /// The tensors a call reads: the receiver and every tensor argument.
    private static func operands(_ tensor: Tensor?, _ a: Arguments) -> [Tensor] {
        var operands = tensor.map { [$0] } ?? []
        for value in a.positional + a.keywords.map(\.value) {
            if case .object(let object) = value, let t = object as? Tensor { operands.append(t) }
        }
        return operands
    }

    /// Operations checked with float64, int32 and uint8 operands (the others compute as if
    /// every non-float32 tensor were int64, so those dtypes are refused rather than converted).
    static let dtypeComplete: Set<String> = Set([
        "diag", "trace", "sort", "argsort", "topk", "argmin", "unique", "isnan", "isinf", "isfinite", "masked_select",
        "flip", "roll", "repeat", "repeat_interleave", "tril", "triu", "outer", "dot", "type_as", "view_as", "reshape_as",
        "expand_as", "element_size", "is_floating_point", "count_nonzero", "argwhere", "logical_not", "exp_", "new_tensor",
        "cumsum", "cumprod", "std", "var", "norm", "clamp", "clip", "clamp_", "clip_",
    ]).union(ElementwiseFunction.allCases.flatMap { [$0.rawValue, $0.rawValue + "_"] })

    private func checkDTypes(_ tensor: Tensor?, _ a: Arguments) throws(ScriptError) {
        if forms == .factory {
            var requested = DefaultDType.current
            if case .object(let object)? = a.keyword("dtype"), let d = object as? DTypeObject, case .provided(let dtype) = d.kind {
                requested = dtype
            }
            if requested == .float64 || requested == .int32 || requested == .uint8 {
                throw ScriptError(.notImplementedError, "torch.\(name) making \(requested) tensors is not supported in Recur yet (float32, int64 and bool)")
            }
        }
        let operands = TensorOperation.operands(tensor, a)
        for operand in operands where operand.dtype == .float64 || operand.dtype == .int32 || operand.dtype == .uint8 {
            throw ScriptError(.notImplementedError, "\(name) on \(operand.dtype) tensors is not supported in Recur yet (float32, int64 and bool)")
        }
    }
}

extension TensorOperation {
    /// PyTorch's TypeError for an argument of the wrong type: the first line of its
    /// "invalid combination of arguments" report (the overload list is not reproduced).
    static func invalidArguments(_ name: String, _ a: Arguments, asFunction: Bool) -> ScriptError {
        let table = asFunction ? TorchSignature.functions[name] ?? TorchSignature.methods[name] : TorchSignature.methods[name]
        guard let table, table.unknownKeyword.contains("received an invalid combination of arguments") else {
            return .typeError("\(name)() received an invalid combination of arguments")
        }
        let first = table.message(for: "", a).split(separator: "\n").first.map(String.init) ?? ""
        return .typeError(first)
    }
}

extension Interpreter {
    /// `torch.name(input, ...)` for a declared operation.
    func callTensorFunction(_ operation: TensorOperation, _ a: Arguments) throws(ScriptError) -> Value {
        if operation.forms == .factory { return try operation.call(nil, a, interpreter: self, asFunction: true) }
        var rest = a
        let input: Value
        if !rest.positional.isEmpty {
            input = rest.positional.removeFirst()
        } else if let index = rest.keywords.firstIndex(where: { $0.name == "input" }) {
            input = rest.keywords.remove(at: index).value
        } else {
            throw .typeError("\(operation.name)() missing 1 required positional argument: 'input'")
        }
        // `torch.pow(2, t)`: PyTorch's overload for a number base (PowBackward2).
        if operation.name == "pow", let base = try scalar(input), rest.keywords.isEmpty, rest.positional.count == 1,
           case .object(let object) = rest.positional[0], let exponent = object as? Tensor {
            return .object(try tensorCall { () throws(TensorError) in try Tensor.pow(base: base, exponent) })
        }
        return try operation.call(try functionInput(operation.name, input, rest, a), rest, interpreter: self, asFunction: true)
    }

    /// A torch function's `input` as a tensor, or PyTorch's refusal of what is not one: most
    /// functions take only a tensor; a few take a number (generated in `TorchNumberInputs`).
    private func functionInput(_ name: String, _ input: Value, _ rest: Arguments, _ whole: Arguments) throws(ScriptError) -> Tensor {
        if case .object(let object) = input, let tensor = object as? Tensor { return tensor }
        if let attribute = TorchNumberInputs.missingAttribute[name] {
            throw ScriptError(.attributeError, "'\(input.typeName)' object has no attribute '\(attribute)'")
        }
        if try scalar(input) != nil {
            if TorchNumberInputs.accepted.contains(name) { return try tensor(input) }
            if TorchNumberInputs.acceptedBeforeTensor.contains(name), case .object(let next)? = rest.positional.first, next is Tensor {
                return try tensor(input)
            }
        }
        if TorchNumberInputs.invalidCombination.contains(name) || TorchNumberInputs.acceptedBeforeTensor.contains(name) {
            throw TensorOperation.invalidArguments(name, whole, asFunction: true)
        }
        return try inputTensor(input, of: name)
    }

    /// A function's first argument when PyTorch takes only a tensor there.
    func inputTensor(_ input: Value, of name: String) throws(ScriptError) -> Tensor {
        if case .object(let object) = input, let tensor = object as? Tensor { return tensor }
        let typeName = input.typeName == "ndarray" ? "numpy.ndarray" : input.typeName
        throw .typeError("\(name)(): argument 'input' (position 1) must be Tensor, not \(typeName)")
    }
}

/// The declared operations as the signature generator needs them (`recur operations`).
public enum TensorOperationCatalog {
    /// Every declaration: its name, whether it is a Tensor method, whether a torch function.
    public static var entries: [(name: String, method: Bool, function: Bool)] {
        TensorOperations.all.map { ($0.name, $0.isMethod, $0.isFunction) }
    }
}

private extension Value {
    var isTensor: Bool {
        if case .object(let object) = self { return object is Tensor }
        return false
    }
}
