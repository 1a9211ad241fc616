extension Tensor {
    /// The product of two matrices, and nothing else (`mm`).
    public func mm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 2 else { throw .runtime("mm: self must be a matrix, got \(rank)-D tensor") }
        guard other.rank == 2 else { throw .runtime("mm: mat2 must be a matrix, got \(other.rank)-D tensor") }
        return try matmul(other)
    }

    /// Batched matrix products of two 3-D tensors with the same batch size (`bmm`).
    public func bmm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 3 else { throw .runtime("batch1 must be a 3D tensor") }
        guard other.rank == 3 else { throw .runtime("batch2 must be a 3D tensor") }
        guard shape.dims[0] == other.shape.dims[0], shape.dims[2] == other.shape.dims[1] else {
            throw .runtime("Expected size for first two dimensions of batch2 tensor to be: [\(shape.dims[0]), \(shape.dims[2])] but got: [\(other.shape.dims[0]), \(other.shape.dims[1])].")
        }
        return try matmul(other).renamedNode("BmmBackward0")
    }

    /// The inner product of two vectors of the same length (`dot`).
    public func dot(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 1, other.rank == 1 else {
            throw .runtime("1D tensors expected, but got \(rank)D and \(other.rank)D tensors")
        }
        guard dtype == other.dtype else {
            throw .runtime("dot : expected both vectors to have same dtype, but found \(Tensor.typeWord(dtype)) and \(Tensor.typeWord(other.dtype))")
        }
        guard count == other.count else {
            throw .runtime("inconsistent tensor size, expected tensor [\(count)] and src [\(other.count)] to have the same number of elements, but got \(count) and \(other.count) elements respectively")
        }
        return try matmul(other).renamedNode("DotBackward0")
    }

    /// Every product of an element of this vector with one of `other` (`outer`).
    public func outer(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 1 else { throw .runtime("outer: Expected 1-D argument self, but got \(rank)-D") }
        guard other.rank == 1 else { throw .runtime("outer: Expected 1-D argument vec2, but got \(other.rank)-D") }
        return try unsqueeze(1).mul(other.unsqueeze(0))
    }

    /// This result under PyTorch's name for the operation that produced it.
    func renamedNode(_ name: String) -> Tensor {
        gradFn?.name = name
        return self
    }

    /// Einstein summation over one or two operands (`einsum`), as PyTorch computes it:
    /// letters only in one operand are summed first, then the contraction is one batched
    /// matrix product.
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        let compact = equation.filter { $0 != " " }
        var sides = [compact]
        if let arrow = compact.firstRange(of: "->") {
            sides = [String(compact[..<arrow.lowerBound]), String(compact[arrow.upperBound...])]
        }
        guard !sides.contains(where: { $0.contains("-") || $0.contains(">") }) else {
            throw .runtime("einsum(): invalid subscript given in the equation string, subscripts must be in [a-zA-Z]")
        }
        let inputs = sides[0].split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        guard !compact.contains(".") else {
            throw .other(.notImplementedError, "einsum(): '...' (ellipsis) is not supported in Recur")
        }
        guard inputs.count == operands.count else {
            throw .runtime("einsum(): \(operands.count > inputs.count ? "more" : "fewer") operands were provided than specified in the equation")
        }
        guard (1...2).contains(inputs.count) else {
            throw .other(.notImplementedError, "einsum(): Recur supports one or two operands")
        }
        for (letters, operand) in zip(inputs, operands) {
            guard letters.allSatisfy({ $0.isLetter && $0.isASCII }) else {
                throw .runtime("einsum(): invalid subscript given in the equation string, subscripts must be in [a-zA-Z]")
            }
            guard letters.count == operand.rank else {
                throw .runtime("einsum(): the number of subscripts in the equation (\(letters.count)) does not match the number of dimensions (\(operand.rank)) for operand \(operands.firstIndex { $0 === operand } ?? 0) and no ellipsis was given")
            }
            guard Set(letters).count == letters.count else {
                throw .other(.notImplementedError, "einsum(): a subscript repeated within one operand (a diagonal) is not supported in Recur")
            }
        }
        let output: [Character]
        if sides.count == 2 {
            output = Array(sides[1])
            for letter in output where !inputs.contains(where: { $0.contains(letter) }) {
                throw .runtime("einsum(): output subscript \(letter) does not appear in the equation for any input operand")
            }
        } else {
            // Implicit output: the letters that appear once, in alphabetical order.
            let all = inputs.flatMap { $0 }
            output = Set(all).filter { l in all.filter { $0 == l }.count == 1 }.sorted()
        }
        var sizes: [Character: Int] = [:]
        for (letters, operand) in zip(inputs, operands) {
            for (letter, size) in zip(letters, operand.shape.dims) {
                if let known = sizes[letter], known != size, known != 1, size != 1 {
                    throw .runtime("einsum(): operands do not broadcast with remapped shapes (original->remapped)")
                }
                sizes[letter] = Swift.max(sizes[letter] ?? size, size)
            }
        }
        // Sum away letters that appear in one operand only and not in the output.
        var reduced: [(letters: [Character], tensor: Tensor)] = []
        for (index, (letters, operand)) in zip(inputs, operands).enumerated() {
            var kept = letters
            var tensor = operand
            let others = inputs.enumerated().filter { $0.offset != index }.flatMap { $0.element }
            for letter in letters.reversed() where !output.contains(letter) && !others.contains(letter) {
                let d = kept.firstIndex(of: letter) ?? 0
                tensor = try tensor.sum(dim: d)
                kept.remove(at: d)
            }
            reduced.append((kept, tensor))
        }
        if reduced.count == 1 {
            let (letters, tensor) = reduced[0]
            let order = output.compactMap { letters.firstIndex(of: $0) }
            return order == Array(0..<order.count) ? tensor : try tensor.permute(order)
        }
        let (a, left) = reduced[0], (b, right) = reduced[1]
        let batch = output.filter { a.contains($0) && b.contains($0) }
        let leftOnly = output.filter { a.contains($0) && !b.contains($0) }
        let rightOnly = output.filter { b.contains($0) && !a.contains($0) }
        let contracted = a.filter { b.contains($0) && !output.contains($0) }
        func arranged(_ tensor: Tensor, _ letters: [Character], _ groups: [[Character]]) throws(TensorError) -> Tensor {
            let order = groups.flatMap { $0 }.compactMap { letters.firstIndex(of: $0) }
            let permuted = order == Array(0..<order.count) ? tensor : try tensor.permute(order)
            let target = groups.map { group in group.reduce(1) { $0 * (sizes[$1] ?? 1) } }
            return try permuted.expand(groups.flatMap { $0 }.map { sizes[$0] ?? 1 }).reshape(target)
        }
        if contracted.isEmpty {
            // Nothing to contract: PyTorch multiplies the operands, broadcast in the output's order.
            func aligned(_ tensor: Tensor, _ letters: [Character]) throws(TensorError) -> Tensor {
                let present = output.filter { letters.contains($0) }
                let order = present.compactMap { letters.firstIndex(of: $0) }
                let permuted = order == Array(0..<order.count) ? tensor : try tensor.permute(order)
                return try permuted.reshape(output.map { letters.contains($0) ? (sizes[$0] ?? 1) : 1 })
            }
            return try aligned(left, a).mul(try aligned(right, b))
        }
        let lhs = try arranged(left, a, [batch, leftOnly, contracted])
        let rhs = try arranged(right, b, [batch, contracted, rightOnly])
        let product = try lhs.matmul(rhs)
        let produced = batch + leftOnly + rightOnly
        let unflattened = try product.reshape(produced.map { sizes[$0] ?? 1 })
        let order = output.compactMap { produced.firstIndex(of: $0) }
        return order == Array(0..<order.count) ? unflattened : try unflattened.permute(order)
    }
}
