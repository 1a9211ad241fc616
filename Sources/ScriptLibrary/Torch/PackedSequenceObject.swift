import Tensors
import Script

/// `torch.nn.utils.rnn.PackedSequence` as a value: a named 4-tuple `(data, batch_sizes,
/// sorted_indices, unsorted_indices)` that prints as PyTorch's namedtuple.
package final class PackedSequenceObject: ScriptObject {
    package let packed: PackedSequence
    /// The tuple's items, made once so that `p.batch_sizes is p.batch_sizes`.
    package let fields: [Value]

    static let fieldNames = ["data", "batch_sizes", "sorted_indices", "unsorted_indices"]

    init(_ packed: PackedSequence) {
        self.packed = packed
        func indices(_ list: [Int]?) -> Value {
            guard let list, let t = try? Tensor(int64s: list.map(Int64.init), shape: Shape([list.count])) else { return .none }
            return .object(t)
        }
        let sizes = packed.batchSizes.map(Int64.init)
        let batchSizes: Value = (try? Tensor(int64s: sizes, shape: Shape([sizes.count]))).map { .object($0) } ?? .none
        fields = [.object(packed.data), batchSizes, indices(packed.sortedIndices), indices(packed.unsortedIndices)]
    }

    package var typeName: String { "PackedSequence" }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        var parts: [String] = []
        for (name, value) in zip(PackedSequenceObject.fieldNames, fields) { parts.append("\(name)=\(try interpreter.repr(value))") }
        return "PackedSequence(" + parts.joined(separator: ", ") + ")"
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if let i = PackedSequenceObject.fieldNames.firstIndex(of: name) { return fields[i] }
        if name == "is_cuda" { return .bool(false) }
        return nil
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "cpu", "is_pinned":
            try arguments.expect(name, 0...0)
            return name == "cpu" ? .object(self) : .bool(false)
        case "to":
            // Only moves to the CPU are meaningful here; a dtype would convert `data`, which Recur does not do.
            for value in arguments.positional + arguments.keywords.map(\.value) {
                guard case .str(let device) = value, device == "cpu" || device.hasPrefix("cpu:") else {
                    if case .object(let object) = value, object is DeviceObject { continue }
                    throw ScriptError(.notImplementedError, "PackedSequence.to() supports only the CPU device in Recur")
                }
            }
            return .object(self)
        default: return nil
        }
    }

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { fields.count }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { ArrayIterator(fields) }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try interpreter.item(.tuple(fields), key)
    }

    package var attributeNames: [String] { PackedSequenceObject.fieldNames + ["cpu", "is_cuda", "to"] }

    package func summary(interpreter: Interpreter) -> String? {
        "PackedSequence of \(packed.batch) sequences, data \(packed.data.shape.dims)"
    }
}
