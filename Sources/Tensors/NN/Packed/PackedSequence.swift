/// `torch.nn.utils.rnn.PackedSequence`: the steps of several sequences interleaved
/// time-major, longest sequence first. Step t holds the first `batchSizes[t]` sequences, so
/// `data` has `batchSizes.reduce(0, +)` rows; `sortedIndices[i]` is the original position of
/// the i-th longest sequence and `unsortedIndices` its inverse (both nil when the sequences
/// were already sorted).
public struct PackedSequence {
    /// The packed rows, (total steps, *features).
    public let data: Tensor
    /// How many sequences are still running at each step (non-increasing, all positive).
    public let batchSizes: [Int]
    /// Original batch position of each sorted sequence, or nil.
    public let sortedIndices: [Int]?
    /// Sorted position of each original sequence, or nil.
    public let unsortedIndices: [Int]?

    /// A packed sequence over `data` whose unsorted indices are the inverse of `sortedIndices`.
    public init(data: Tensor, batchSizes: [Int], sortedIndices: [Int]?) {
        self.data = data
        self.batchSizes = batchSizes
        self.sortedIndices = sortedIndices
        self.unsortedIndices = sortedIndices.map(PackedSequence.inverse)
    }

    /// The number of sequences (the first step's batch).
    public var batch: Int { batchSizes.first ?? 0 }

    /// Each sorted sequence's length, longest first.
    public var sortedLengths: [Int] {
        var lengths = [Int](repeating: 0, count: batch)
        for size in batchSizes {
            for b in 0..<size { lengths[b] += 1 }
        }
        return lengths
    }

    /// The same sequences over other rows (a recurrent layer's output).
    func replacingData(_ newData: Tensor) -> PackedSequence {
        PackedSequence(data: newData, batchSizes: batchSizes, sortedIndices: sortedIndices)
    }

    static func inverse(_ permutation: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: permutation.count)
        for (i, p) in permutation.enumerated() where p >= 0 && p < permutation.count { result[p] = i }
        return result
    }

    /// Runs of equal batch size: the steps where the same sequences are running, as
    /// `(firstRow, steps, batch)` with `firstRow` the run's first row in `data`.
    var segments: [PackedSegment] {
        var result: [PackedSegment] = []
        var row = 0
        for size in batchSizes {
            if let last = result.last, last.batch == size {
                result[result.count - 1].steps += 1
            } else {
                result.append(PackedSegment(firstRow: row, steps: 1, batch: size))
            }
            row += size
        }
        return result
    }
}

/// Steps of a packed sequence over which the same sequences run.
struct PackedSegment {
    let firstRow: Int
    var steps: Int
    let batch: Int

    var rows: Int { steps * batch }
}
