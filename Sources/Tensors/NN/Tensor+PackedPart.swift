extension Tensor {
    /// A region of a packed recurrent result viewed as `dims`, optionally with its first two
    /// dimensions swapped (batch_first), recorded as `name`.
    func packedPart(offset: Int, dims: [Int], swapFirstTwo: Bool, name: String) -> Tensor {
        let n = dims.reduce(1, *)
        let total = count
        let packed = shape
        let swap = swapFirstTwo && dims.count >= 2
        let (a, b) = (dims[0], dims.count > 1 ? dims[1] : 1)
        let c = a * b == 0 ? 0 : n / (a * b)
        var outDims = dims
        if swap { outDims.swapAt(0, 1) }
        let values = floats.withUnsafeBufferPointer { pv in
            makeFloats(n) { out in
                guard let src = pv.baseAddress, let dst = out.baseAddress else { return }
                if swap {
                    Tensor.swapLeading(src + offset, dst, a, b, c)
                } else {
                    dst.update(from: src + offset, count: n)
                }
            }
        }
        return Tensor(shape: Shape(outDims), floats: values).recording(name, [self], savesTensors: false) { g in
            let full = g.floats.withUnsafeBufferPointer { pg in
                makeFloats(total) { out in
                    guard let o = out.baseAddress, let gp = pg.baseAddress else { return }
                    o.update(repeating: 0, count: offset)
                    if swap {
                        Tensor.swapLeading(gp, o + offset, b, a, c)
                    } else {
                        (o + offset).update(from: gp, count: n)
                    }
                    (o + offset + n).update(repeating: 0, count: total - offset - n)
                }
            }
            return [Tensor(shape: packed, floats: full)]
        }
    }

    /// Copies an (a, b, c) block to (b, a, c) order.
    static func swapLeading(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ a: Int, _ b: Int, _ c: Int) {
        for i in 0..<a {
            for j in 0..<b { (dst + (j * a + i) * c).update(from: src + (i * b + j) * c, count: c) }
        }
    }
}
