/// `pad_sequence`, `pack_padded_sequence` and `pad_packed_sequence`: each is one row gather
/// (with autograd) from the sequences' rows and, where padding appears, one padding row.
extension PackedSequence {
    /// Which end of each sequence `pad_sequence` pads (`padding_side=`).
    public enum PaddingSide: String, Sendable {
        case left
        case right
    }

    /// `pad_sequence(sequences, batch_first, padding_value, padding_side)`: the sequences
    /// (len_i, *) stacked as (max_len, batch, *), or (batch, max_len, *) when `batchFirst`.
    public static func padSequence(
        _ sequences: [Tensor], batchFirst: Bool, paddingValue: Double, paddingSide: PaddingSide
    ) throws(TensorError) -> Tensor {
        guard let first = sequences.first else { throw .runtime("received an empty list of sequences") }
        guard first.rank > 0 else { throw .runtime("pad_sequence: expected sequences of at least one dimension, got a 0-d tensor") }
        let trailing = Array(first.shape.dims.dropFirst())
        var rows: [Tensor] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var total = 0
        for s in sequences {
            guard s.rank == first.rank else {
                throw .runtime("pad_sequence: expected sequences of \(first.rank) dimensions, got one of \(s.rank)")
            }
            for (k, size) in s.shape.dims.dropFirst().enumerated() where size != trailing[k] {
                throw .runtime("The size of tensor a (\(trailing[k])) must match the size of tensor b (\(size)) at non-singleton dimension \(k + 1)")
            }
            let length = s.shape.dims[0]
            rows.append(s)
            starts.append(total)
            lengths.append(length)
            total += length
        }
        let maxLength = lengths.max() ?? 0
        let source = try Tensor.cat(rows + [try paddingRow(trailing, paddingValue, first.dtype)], dim: 0)
        let batch = sequences.count
        var indices: [Int] = []
        indices.reserveCapacity(batch * maxLength)
        func row(_ b: Int, _ t: Int) -> Int {
            let shift = paddingSide == .left ? maxLength - lengths[b] : 0
            let s = t - shift
            return s >= 0 && s < lengths[b] ? starts[b] + s : total
        }
        if batchFirst {
            for b in 0..<batch { for t in 0..<maxLength { indices.append(row(b, t)) } }
        } else {
            for t in 0..<maxLength { for b in 0..<batch { indices.append(row(b, t)) } }
        }
        let dims = (batchFirst ? [batch, maxLength] : [maxLength, batch]) + trailing
        return source.gathered(dim: 0, indices: indices, outShape: Shape(dims), name: "CopySlices")
    }

    /// `pack_padded_sequence(input, lengths, batch_first, enforce_sorted)`: `input` is
    /// (T, batch, *) or (batch, T, *); with `enforceSorted` false the sequences are first
    /// sorted by decreasing length (ties keep their order).
    public init(padded input: Tensor, lengths given: [Int], batchFirst: Bool, enforceSorted: Bool) throws(TensorError) {
        guard input.rank >= 2 else {
            throw .runtime("pack_padded_sequence: expected input of at least 2 dimensions (time and batch), got \(input.rank)")
        }
        var lengths = given
        var sorted: [Int]?
        if !enforceSorted {
            let order = lengths.indices.sorted { lengths[$0] > lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
            sorted = order
            lengths = order.map { lengths[$0] }
        }
        let batchDim = batchFirst ? 0 : 1
        let batch = input.shape.dims[batchDim]
        let steps = input.shape.dims[1 - batchDim]
        guard input.count > 0 else { throw .runtime("Cannot pack empty tensors.") }
        guard lengths.count == batch else {
            throw .runtime("Expected `len(lengths)` to be equal to batch_size, but got \(lengths.count) (batch_size=\(batch))")
        }
        guard let shortest = lengths.last, shortest > 0 else {
            throw .runtime("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0")
        }
        for i in 1..<Swift.max(batch, 1) where lengths[i - 1] < lengths[i] {
            throw .runtime("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.")
        }
        guard lengths[0] <= steps else {
            throw .runtime("pack_padded_sequence: a length of \(lengths[0]) is longer than the input's \(steps) steps")
        }
        var x = input
        if let sorted {
            x = try x.indexSelect(dim: batchDim, index: try Tensor(int64s: sorted.map(Int64.init), shape: Shape([batch])))
        }
        let trailing = Array(input.shape.dims.dropFirst(2))
        let flat = try x.reshape([batch * steps] + trailing)
        var batchSizes: [Int] = []
        var rows: [Int] = []
        for t in 0..<lengths[0] {
            let size = lengths.prefix { $0 > t }.count
            batchSizes.append(size)
            for b in 0..<size { rows.append(batchFirst ? b * steps + t : t * batch + b) }
        }
        let data = flat.gathered(dim: 0, indices: rows, outShape: Shape([rows.count] + trailing), name: "PackPaddedSequenceBackward0")
        self.init(data: data, batchSizes: batchSizes, sortedIndices: sorted)
    }

    /// `pad_packed_sequence(sequence, batch_first, padding_value, total_length)`: the padded
    /// tensor in the sequences' original order and each sequence's length.
    public func padded(batchFirst: Bool, paddingValue: Double, totalLength: Int?) throws(TensorError) -> (Tensor, [Int]) {
        let maxLength = batchSizes.count
        if let totalLength, totalLength < maxLength {
            throw .value("Expected total_length to be at least the length of the longest sequence in input, but got total_length=\(totalLength) and max sequence length being \(maxLength)")
        }
        let steps = totalLength ?? maxLength
        let trailing = Array(data.shape.dims.dropFirst())
        let total = data.rank == 0 ? 0 : data.shape.dims[0]
        guard total == batchSizes.reduce(0, +) else {
            throw .runtime("PackedSequence: data has \(total) rows but batch_sizes add up to \(batchSizes.reduce(0, +))")
        }
        let source = try Tensor.cat([data, try PackedSequence.paddingRow(trailing, paddingValue, data.dtype)], dim: 0)
        var starts: [Int] = []
        var row = 0
        for size in batchSizes {
            starts.append(row)
            row += size
        }
        let batch = self.batch
        let order = unsortedIndices ?? Array(0..<batch)
        func index(_ b: Int, _ t: Int) -> Int {
            let s = order[b]
            return t < maxLength && s < batchSizes[t] ? starts[t] + s : total
        }
        var indices: [Int] = []
        indices.reserveCapacity(batch * steps)
        if batchFirst {
            for b in 0..<batch { for t in 0..<steps { indices.append(index(b, t)) } }
        } else {
            for t in 0..<steps { for b in 0..<batch { indices.append(index(b, t)) } }
        }
        let dims = (batchFirst ? [batch, steps] : [steps, batch]) + trailing
        let name = unsortedIndices != nil ? "IndexSelectBackward0" : batchFirst ? "TransposeBackward0" : "CopySlices"
        let lengths = sortedLengths
        return (source.gathered(dim: 0, indices: indices, outShape: Shape(dims), name: name), order.map { lengths[$0] })
    }

    /// One row of `value` shaped `[1] + trailing`, the padding the gathers read.
    static func paddingRow(_ trailing: [Int], _ value: Double, _ dtype: DType) throws(TensorError) -> Tensor {
        try Tensor.full([1] + trailing, value: .float(value), dtype: dtype)
    }
}
