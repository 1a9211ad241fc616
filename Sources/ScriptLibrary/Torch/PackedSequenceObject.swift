import Tensors
import Script

/// `torch.nn.utils.rnn.PackedSequence` as a value: a named 4-tuple `(data, batch_sizes,
/// sorted_indices, unsorted_indices)` that prints as PyTorch's namedtuple.
package final class PackedSequenceObject: DeclaredObject {
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

    package static let declaration = NativeType<PackedSequenceObject>(properties: fieldNames.indices.map { i in
        NativeProperty(fieldNames[i]) { p, _ throws(ScriptError) in p.fields[i] }
    } + [
        NativeProperty("is_cuda") { _, _ throws(ScriptError) in .bool(false) },
    ], methods: [
        NativeMethod("cpu", "(self)", doc: "The sequence itself: it is on the CPU.") { p, _, _ throws(ScriptError) in .object(p) },
        NativeMethod("is_pinned", "(self)", doc: "Whether the data is in pinned memory (never in Recur).") { _, _, _ throws(ScriptError) in .bool(false) },
        NativeMethod("to", "(self, *args, **kwargs)", doc: "The sequence itself when moved to the CPU.") { p, a, _ throws(ScriptError) in
            // Only moves to the CPU are meaningful here; a dtype would convert `data`, which Recur does not do.
            for value in a.rest + a.extraKeywords.map(\.value) {
                guard case .str(let device) = value, device == "cpu" || device.hasPrefix("cpu:") else {
                    if case .object(let object) = value, object is DeviceObject { continue }
                    throw ScriptError(.notImplementedError, "PackedSequence.to() supports only the CPU device in Recur")
                }
            }
            return .object(p)
        },
    ])

    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { fields.count }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { ArrayIterator(fields) }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try interpreter.item(.tuple(fields), key)
    }

    package func summary(interpreter: Interpreter) -> String? {
        "PackedSequence of \(packed.batch) sequences, data \(packed.data.shape.dims)"
    }
}
