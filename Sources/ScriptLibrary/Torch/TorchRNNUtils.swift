import Tensors
import Script

/// Fills `torch.nn.utils.rnn`: padding and packing variable-length sequences, and the
/// `PackedSequence` type recurrent layers accept.
package enum TorchRNNUtils {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "torch.nn.utils.rnn." + signature, doc: doc, body))
        }
        add("pad_sequence", "pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side='right')",
            "Stacks tensors of different lengths into one (max_len, batch, *) tensor, padded with padding_value.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("pad_sequence", a, names: ["sequences", "batch_first", "padding_value", "padding_side"], required: 1)
            let sequences = try tensors(b["sequences"], interpreter)
            let side = try b.string("padding_side", default: "right")
            guard let paddingSide = PackedSequence.PaddingSide(rawValue: side) else {
                throw .runtimeError("Expected padding_side to be one of left or right, but got \(side).")
            }
            let (batchFirst, value) = (try b.bool("batch_first", interpreter, default: false), try b.double("padding_value", interpreter, default: 0))
            return interpreter.wrap(try tensorCall { () throws(TensorError) in
                try PackedSequence.padSequence(sequences, batchFirst: batchFirst, paddingValue: value, paddingSide: paddingSide)
            })
        }
        add("pack_padded_sequence", "pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True)",
            "Packs a padded batch of sequences of the given lengths for a recurrent layer.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("pack_padded_sequence", a, names: ["input", "lengths", "batch_first", "enforce_sorted"], required: 2)
            let input = try interpreter.tensor(b["input"] ?? .none)
            let lengths = try interpreter.iterate(b["lengths"] ?? .none).map { (v) throws(ScriptError) in try interpreter.indexValue(v) }
            let (batchFirst, enforce) = (try b.bool("batch_first", interpreter, default: false), try b.bool("enforce_sorted", interpreter, default: true))
            return .object(PackedSequenceObject(try tensorCall { () throws(TensorError) in
                try PackedSequence(padded: input, lengths: lengths, batchFirst: batchFirst, enforceSorted: enforce)
            }))
        }
        add("pad_packed_sequence", "pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None)",
            "Unpacks a PackedSequence into a padded tensor; returns (padded, lengths).") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("pad_packed_sequence", a, names: ["sequence", "batch_first", "padding_value", "total_length"], required: 1)
            let packed = try packedSequence(b["sequence"], interpreter)
            let (batchFirst, value) = (try b.bool("batch_first", interpreter, default: false), try b.double("padding_value", interpreter, default: 0))
            let total = try interpreter.intArgument(b["total_length"], "total_length")
            let (padded, lengths) = try tensorCall { () throws(TensorError) in
                try packed.padded(batchFirst: batchFirst, paddingValue: value, totalLength: total)
            }
            let lengthTensor = try tensorCall { () throws(TensorError) in try Tensor(int64s: lengths.map(Int64.init), shape: Shape([lengths.count])) }
            return .tuple([interpreter.wrap(padded), interpreter.wrap(lengthTensor)])
        }
        add("pack_sequence", "pack_sequence(sequences, enforce_sorted=True)",
            "Packs a list of tensors of different lengths (longest first unless enforce_sorted=False).") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("pack_sequence", a, names: ["sequences", "enforce_sorted"], required: 1)
            let sequences = try tensors(b["sequences"], interpreter)
            let enforce = try b.bool("enforce_sorted", interpreter, default: true)
            return .object(PackedSequenceObject(try tensorCall { () throws(TensorError) in
                let padded = try PackedSequence.padSequence(sequences, batchFirst: false, paddingValue: 0, paddingSide: .right)
                return try PackedSequence(padded: padded, lengths: sequences.map { $0.rank == 0 ? 0 : $0.shape.dims[0] },
                                          batchFirst: false, enforceSorted: enforce)
            }))
        }
        add("unpack_sequence", "unpack_sequence(packed_sequences)",
            "The list of tensors a PackedSequence holds, in their original order.") { interpreter, a throws(ScriptError) in
            try a.expect("unpack_sequence", 1...1)
            let packed = try packedSequence(a.positional[0], interpreter)
            let (padded, lengths) = try tensorCall { () throws(TensorError) in try packed.padded(batchFirst: true, paddingValue: 0, totalLength: nil) }
            return .list(ListObject(try unpadded(padded, lengths, interpreter)))
        }
        add("unpad_sequence", "unpad_sequence(padded_sequences, lengths, batch_first=False)",
            "The list of tensors of the given lengths in a padded batch.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("unpad_sequence", a, names: ["padded_sequences", "lengths", "batch_first"], required: 2)
            var padded = try interpreter.tensor(b["padded_sequences"] ?? .none)
            let lengths = try interpreter.iterate(b["lengths"] ?? .none).map { (v) throws(ScriptError) in try interpreter.indexValue(v) }
            if !(try b.bool("batch_first", interpreter, default: false)) {
                padded = try tensorCall { () throws(TensorError) in try padded.transpose(0, 1) }
            }
            return .list(ListObject(try unpadded(padded, lengths, interpreter)))
        }
        let constructor = BuiltinFunction("PackedSequence",
            signature: "torch.nn.utils.rnn.PackedSequence(data, batch_sizes, sorted_indices=None, unsorted_indices=None)",
            doc: "Sequences packed time-major, longest first; made by pack_padded_sequence and pack_sequence.") { interpreter, a throws(ScriptError) in
            let b = try ArgumentBinder("PackedSequence.__new__", a, names: ["data", "batch_sizes", "sorted_indices", "unsorted_indices"], required: 2)
            let data = try interpreter.tensor(b["data"] ?? .none)
            let sizes = try interpreter.iterate(b["batch_sizes"] ?? .none).map { (v) throws(ScriptError) in try interpreter.indexValue(v) }
            guard sizes.allSatisfy({ $0 > 0 }), zip(sizes, sizes.dropFirst()).allSatisfy({ $0 >= $1 }) else {
                throw .valueError("PackedSequence: batch_sizes must be positive and non-increasing")
            }
            var sorted: [Int]?
            if let value = b["sorted_indices"] {
                let order = try interpreter.iterate(value).map { (v) throws(ScriptError) in try interpreter.indexValue(v) }
                guard order.count == sizes.first ?? 0, Set(order) == Set(0..<order.count) else {
                    throw .valueError("PackedSequence: sorted_indices must be a permutation of the batch")
                }
                sorted = order
            }
            return .object(PackedSequenceObject(PackedSequence(data: data, batchSizes: sizes, sortedIndices: sorted)))
        }
        let type = TypeObject(name: "PackedSequence", bases: [interpreter.types.tuple], kind: .builtin, constructor: constructor,
                              module: "torch.nn.utils.rnn")
        interpreter.types.registerNative(type, forTypeName: "PackedSequence")
        module.namespace["PackedSequence"] = .type(type)
    }

    /// The tensors of a list or tuple of sequences.
    static func tensors(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> [Tensor] {
        try interpreter.iterate(value ?? .none).map { (v) throws(ScriptError) in try interpreter.tensor(v, "sequences") }
    }

    static func packedSequence(_ value: Value?, _ interpreter: Interpreter) throws(ScriptError) -> PackedSequence {
        guard case .object(let object)? = value, let packed = object as? PackedSequenceObject else {
            throw .attributeError("'\(value?.typeName ?? "NoneType")' object has no attribute 'batch_sizes'")
        }
        return packed.packed
    }

    /// The first `lengths[i]` rows of each batch-first sequence.
    static func unpadded(_ padded: Tensor, _ lengths: [Int], _ interpreter: Interpreter) throws(ScriptError) -> [Value] {
        guard padded.rank >= 2, lengths.count == padded.shape.dims[0] else {
            throw .runtimeError("unpad_sequence: expected \(padded.rank >= 1 ? padded.shape.dims[0] : 0) lengths, got \(lengths.count)")
        }
        return try tensorCall { () throws(TensorError) in
            try lengths.enumerated().map { (i, n) throws(TensorError) -> Value in
                .object(try padded.select(dim: 0, index: i).narrow(dim: 0, start: 0, length: n))
            }
        }
    }
}
