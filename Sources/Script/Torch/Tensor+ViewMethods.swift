import Tensors

extension Tensor {
    /// The methods about strides, storage and views (`stride()`, `narrow`, `split`, ...).
    func callViewMethod(_ method: TensorMethod, _ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value {
        func wrap(_ body: () throws(TensorError) -> Tensor) throws(ScriptError) -> Value {
            interpreter.wrap(try tensorCall(body))
        }
        func tuple(_ body: () throws(TensorError) -> [Tensor]) throws(ScriptError) -> Value {
            .tuple(try tensorCall(body).map { interpreter.wrap($0) })
        }
        func required(_ index: Int, _ parameter: String) throws(ScriptError) -> Int {
            guard let value = a.value(index, parameter), let n = try interpreter.intArgument(value, parameter) else {
                throw .typeError("\(name)() missing required argument '\(parameter)' (pos \(index + 1))")
            }
            return n
        }
        switch method {
        case .stride:
            if let d = try interpreter.intArgument(a.value(0, "dim"), "dim") {
                return .int(try tensorCall { () throws(TensorError) in try self.dimensionStride(d) })
            }
            return .tuple(self.strides.map { .int($0) })
        case .isContiguous: return .bool(self.isContiguous)
        case .contiguous: return .object(self.contiguous())
        case .storageOffset: return .int(self.storageOffset)
        case .dataPtr: return .int(self.dataPointer)
        case .isView: return .bool(self.viewedTensor != nil)
        case .narrow:
            let d = try required(0, "dim"), start = try required(1, "start"), length = try required(2, "length")
            return try wrap { () throws(TensorError) in try self.narrow(dim: d, start: start, length: length) }
        case .select:
            let d = try required(0, "dim"), index = try required(1, "index")
            return try wrap { () throws(TensorError) in try self.select(dim: d, index: index) }
        case .split:
            guard let sizes = a.value(0, "split_size") ?? a.keyword("split_size_or_sections") else {
                throw .typeError("split() missing required argument 'split_size' (pos 1)")
            }
            let d = try interpreter.intArgument(a.value(1, "dim"), "dim") ?? 0
            if case .int(let size) = sizes {
                return try tuple { () throws(TensorError) in try self.split(size: size, dim: d) }
            }
            let sections = try interpreter.dims([sizes])
            return try tuple { () throws(TensorError) in try self.split(sections: sections, dim: d) }
        case .chunk:
            let chunks = try required(0, "chunks")
            let d = try interpreter.intArgument(a.value(1, "dim"), "dim") ?? 0
            return try tuple { () throws(TensorError) in try self.chunk(chunks, dim: d) }
        case .unbind:
            let d = try interpreter.intArgument(a.value(0, "dim"), "dim") ?? 0
            return try tuple { () throws(TensorError) in try self.unbind(dim: d) }
        case .size, .dim, .numel, .nelement, .view, .reshape, .float, .double, .long, .int, .byte, .half, .short, .char,
             .bfloat16, .bool, .type, .item, .tolist,
             .numpy, .backward, .detach, .clone, .cpu, .cuda, .to, .requiresGrad_, .retainGrad, .zero_, .fill_,
             .max, .min, .argmax, .sum, .mean, .softmax, .logSoftmax, .tanh, .relu, .sigmoid, .exp, .log, .sqrt,
             .abs, .neg, .pow, .t, .transpose, .permute, .unsqueeze, .squeeze, .flatten, .expand, .add, .sub, .mul,
             .div, .add_, .sub_, .mul_, .div_, .matmul, .eq, .ne, .lt, .le, .gt, .ge, .any, .all, .allclose, .equal,
             .indexSelect, .gather, .take, .scatter, .scatter_, .scatterAdd, .scatterAdd_, .indexAdd, .indexAdd_,
             .maskedFill, .maskedFill_, .nonzero, .where_:
            throw .attributeError("'Tensor' object has no attribute '\(name)'")
        }
    }
}
