extension Tensor {
    /// A region of a packed recurrent result viewed as `dims`, recorded as `name`. With
    /// `swapFirstTwo` (batch_first) it is, as in PyTorch, the time-major part (recorded as
    /// `innerName`) transposed: a view whose strides are not row-major, so `is_contiguous()`,
    /// `view` and the masks dropout draws in memory order behave as PyTorch's.
    func packedPart(offset: Int, dims: [Int], swapFirstTwo: Bool, name: String, innerName: String = "StackBackward0") -> Tensor {
        if swapFirstTwo && dims.count >= 2 {
            var order = Array(dims.indices)
            order.swapAt(0, 1)
            return packedPart(offset: offset, dims: dims, swapFirstTwo: false, name: innerName).permuted(order, name: name)
        }
        let n = dims.reduce(1, *)
        let total = count
        let packed = shape
        let values = floats.withUnsafeBufferPointer { pv in
            makeFloats(n) { out in
                guard let src = pv.baseAddress, let dst = out.baseAddress else { return }
                dst.update(from: src + offset, count: n)
            }
        }
        return Tensor(shape: Shape(dims), floats: values).recording(name, [self], savesTensors: false) { g in
            let full = g.floats.withUnsafeBufferPointer { pg in
                makeFloats(total) { out in
                    guard let o = out.baseAddress, let gp = pg.baseAddress else { return }
                    o.update(repeating: 0, count: offset)
                    (o + offset).update(from: gp, count: n)
                    (o + offset + n).update(repeating: 0, count: total - offset - n)
                }
            }
            return [Tensor(shape: packed, floats: full)]
        }
    }
}
