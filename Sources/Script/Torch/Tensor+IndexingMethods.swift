import Tensors

extension Tensor {
    /// The indexing methods: `index_select`, `gather`, `scatter`, `scatter_add`, `index_add`,
    /// `masked_fill`, `nonzero`, `take`, `where` and their in-place forms.
    func callIndexingMethod(_ method: TensorMethod, _ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value {
        func argument(_ index: Int, _ parameter: String) throws(ScriptError) -> Value {
            guard let value = a.value(index, parameter) else {
                throw .typeError("\(name)() missing required argument '\(parameter)' (pos \(index + 1))")
            }
            return value
        }
        func dim() throws(ScriptError) -> Int {
            guard let d = try interpreter.intArgument(try argument(0, "dim"), "dim") else {
                throw .typeError("\(name)(): argument 'dim' must be int, not NoneType")
            }
            return d
        }
        func indexTensor(_ position: Int) throws(ScriptError) -> Tensor { try interpreter.tensor(try argument(position, "index"), "index") }
        func operand(_ value: Value) throws(ScriptError) -> Tensor { try Tensor.operand(value, like: self, interpreter: interpreter) }
        /// The in-place form writes the out-of-place result into this tensor.
        func finish(_ result: Tensor, inPlace: Bool) throws(ScriptError) -> Value {
            guard inPlace else { return interpreter.wrap(result) }
            try tensorCall { () throws(TensorError) in try self.write(result) }
            return .object(self)
        }
        switch method {
        case .indexSelect:
            let d = try dim(), index = try indexTensor(1)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.indexSelect(dim: d, index: index) })
        case .gather:
            let d = try dim(), index = try indexTensor(1)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.gather(dim: d, index: index) })
        case .take:
            let index = try indexTensor(0)
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.take(index) })
        case .scatter, .scatter_, .scatterAdd, .scatterAdd_:
            let accumulate = method == .scatterAdd || method == .scatterAdd_
            if a.keyword("reduce") != nil {
                throw ScriptError(.notImplementedError, "\(name)(reduce=...) is not supported in Recur; use scatter_add or index_add")
            }
            let d = try dim(), index = try indexTensor(1)
            let sourceValue = a.value(2, "src") ?? a.keyword("value")
            guard let sourceValue else { throw .typeError("\(name)() missing required argument 'src' (pos 3)") }
            let source = try operand(sourceValue)
            let result = try tensorCall { () throws(TensorError) in try self.scatter(dim: d, index: index, source: source, accumulate: accumulate) }
            return try finish(result, inPlace: method == .scatter_ || method == .scatterAdd_)
        case .indexAdd, .indexAdd_:
            let d = try dim(), index = try indexTensor(1)
            let source = try interpreter.tensor(try argument(2, "source"), "source")
            let alpha = try a.keyword("alpha").flatMap { (v) throws(ScriptError) in try interpreter.scalar(v) } ?? .int(1)
            let result = try tensorCall { () throws(TensorError) in try self.indexAdd(dim: d, index: index, source: source, alpha: alpha) }
            return try finish(result, inPlace: method == .indexAdd_)
        case .maskedFill, .maskedFill_:
            let mask = try interpreter.tensor(try argument(0, "mask"), "mask")
            let value = try operand(try argument(1, "value"))
            let result = try tensorCall { () throws(TensorError) in try self.maskedFill(mask, value: value) }
            return try finish(result, inPlace: method == .maskedFill_)
        case .nonzero:
            if try interpreter.boolArgument(a.keyword("as_tuple"), default: false) {
                return .tuple(self.nonzeroTuple().map { interpreter.wrap($0) })
            }
            return interpreter.wrap(self.nonzero())
        case .where_:
            let condition = try interpreter.tensor(try argument(0, "condition"), "condition")
            let other = try operand(try argument(1, "other"))
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Tensor.where(condition, self, other) })
        case .size, .dim, .numel, .nelement, .view, .reshape, .float, .double, .long, .int, .byte, .half, .short, .char,
             .bfloat16, .bool, .type, .item, .tolist,
             .numpy, .backward, .detach, .clone, .cpu, .cuda, .to, .requiresGrad_, .retainGrad, .zero_, .fill_,
             .max, .min, .argmax, .sum, .mean, .softmax, .logSoftmax, .tanh, .relu, .sigmoid, .exp, .log, .sqrt,
             .abs, .neg, .pow, .t, .transpose, .permute, .unsqueeze, .squeeze, .flatten, .expand, .add, .sub, .mul,
             .div, .add_, .sub_, .mul_, .div_, .matmul, .eq, .ne, .lt, .le, .gt, .ge, .any, .all, .allclose, .equal,
             .stride, .isContiguous, .contiguous, .storageOffset, .dataPtr, .isView, .narrow, .select, .split, .chunk,
             .unbind:
            throw .attributeError("'Tensor' object has no attribute '\(name)'")
        }
    }
}

extension Interpreter {
    /// `torch.where(condition, input, other)`, or `torch.where(condition)` (the coordinates of
    /// the true elements, one tensor per dimension).
    func torchWhere(_ arguments: Arguments) throws(ScriptError) -> Value {
        let a = try TorchSignature.functions["where"]?.check(arguments, name: "where", implemented: ["condition", "input", "other"]) ?? arguments
        guard let first = a.value(0, "condition") else { throw .typeError("where() missing required argument 'condition' (pos 1)") }
        let condition = try tensor(first, "condition")
        if a.positional.count == 1 && a.keywords.isEmpty {
            return .tuple(condition.nonzeroTuple().map { wrap($0) })
        }
        guard let x = a.value(1, "input"), let y = a.value(2, "other") else {
            throw .typeError("where() missing required argument 'other' (pos 3)")
        }
        func operand(_ value: Value, _ other: Value) throws(ScriptError) -> Tensor {
            if case .object(let object) = value, let t = object as? Tensor { return t }
            if case .object(let object) = other, let t = object as? Tensor { return try Tensor.operand(value, like: t, interpreter: self) }
            return try tensor(value)
        }
        let xt = try operand(x, y), yt = try operand(y, x)
        return wrap(try tensorCall { () throws(TensorError) in try Tensor.where(condition, xt, yt) })
    }
}
