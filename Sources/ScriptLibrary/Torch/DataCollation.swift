import Tensors
import Script

/// PyTorch's `default_collate`: how `DataLoader` merges a list of samples into a batch.
package enum DataCollation {
    /// Tensors are stacked, numbers become one tensor, strings stay as the batch, and
    /// tuples, lists and dicts are collated position by position or key by key.
    static func collate(_ batch: Value, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        let items = try interpreter.iterate(batch)
        interpreter.reprDepth += 1
        defer { interpreter.reprDepth -= 1 }
        if interpreter.reprDepth > 64 { throw ScriptError(.recursionError, "maximum recursion depth exceeded while collating a batch") }
        guard let first = items.first else { throw .indexError("list index out of range") }
        if let batch = try NumPyCollation.collate(items, interpreter) { return batch }
        switch first {
        case .object(let object) where object is Tensor:
            var tensors: [Tensor] = []
            for (position, item) in items.enumerated() {
                guard case .object(let o) = item, let t = o as? Tensor else {
                    throw .typeError("expected Tensor as element \(position) in argument 0, but got \(item.typeName)")
                }
                tensors.append(t)
            }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Tensor.stack(tensors, dim: 0) })
        case .int, .bool, .float:
            // PyTorch collates Python floats to float64 (`torch.tensor(batch, dtype=torch.float64)`).
            let dtype: DType? = if case .float = first { .float64 } else { nil }
            let data = try interpreter.nestedValues(.list(ListObject(items)))
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try Tensor(data, dtype: dtype) })
        case .str:
            return batch
        case .dict(let dict):
            let result = DictObject()
            for key in dict.keys {
                let column = try items.map { (sample) throws(ScriptError) in try interpreter.item(sample, key) }
                try result.set(key, try collate(.list(ListObject(column)), interpreter))
            }
            return .dict(result)
        case .tuple, .list:
            let rows = try items.map { (sample) throws(ScriptError) in try interpreter.iterate(sample) }
            let width = rows[0].count
            if rows.contains(where: { $0.count != width }) {
                throw .runtimeError("each element in list of batch should be of equal size")
            }
            var columns: [Value] = []
            for position in 0..<width {
                columns.append(try collate(.tuple(rows.map { $0[position] }), interpreter))
            }
            return .list(ListObject(columns))
        case .none, .set, .function, .builtin, .boundMethod, .type, .instance, .module, .object:
            let type = try interpreter.repr(.type(interpreter.typeObject(of: first)))
            throw .typeError("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found \(type)")
        }
    }
}
