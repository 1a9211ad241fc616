import Glibc

/// The per-element transforms of PyTorch's CPU kernels, drawn in PyTorch's order.
extension Generator {
    /// Uniform floats in [0, 1) over `buffer`, 24 bits each.
    func fillUniformFloats(_ buffer: UnsafeMutableBufferPointer<Float>) {
        buffer.withMemoryRebound(to: UInt32.self) { words in
            engine.fill(words)
            for i in words.indices { words[i] = (Float(words[i] & 0xFF_FFFF) * 0x1p-24).bitPattern }
        }
    }

    /// `count` floats from `uniform_(from, to)`: the bounds are rounded to float first and
    /// each value is `x * (to - from) + from`, fused as PyTorch's build fuses it.
    func uniformFloats(_ count: Int, from: Double, to: Double) -> [Float] {
        let low = Float(from), high = Float(to)
        return makeFloats(count) { out in
            fillUniformFloats(out)
            if low == 0 && high == 1 { return }
            let span = high - low
            for i in out.indices { out[i] = low.addingProduct(out[i], span) }
        }
    }

    /// `count` floats from `normal_(mean, std)`: the vectorised Box-Muller for 16 or more
    /// values, otherwise double-precision Box-Muller one value at a time (which caches).
    func normalFloats(_ count: Int, mean: Double = 0, std: Double = 1) -> [Float] {
        makeFloats(count) { out in
            if count >= 16, let base = out.baseAddress {
                fillUniformFloats(out)
                BoxMuller.fill(base, count: count, mean: Float(mean), std: Float(std), generator: self)
            } else {
                for i in 0..<count { out[i] = Float(normalDouble() * std + mean) }
            }
        }
    }

    /// `count` doubles from `uniform_(from, to)`: 53 bits of a 64-bit draw each, then
    /// `x * (to - from) + from`, fused as PyTorch's build fuses it.
    func uniformDoubles(_ count: Int, from: Double, to: Double) -> [Double] {
        let span = to - from
        return (0..<count).map { _ in from.addingProduct(uniformDouble(), span) }
    }

    /// `count` doubles from `normal_(mean, std)`: ATen's portable `normal_fill` for 16 or more
    /// values (all uniforms first, then Box-Muller per block of 16 in double precision, the
    /// last partial block redrawn over the tail), otherwise `normal_distribution<double>`.
    func normalDoubles(_ count: Int, mean: Double = 0, std: Double = 1) -> [Double] {
        guard count >= 16 else { return (0..<count).map { _ in mean.addingProduct(normalDouble(), std) } }
        var data = (0..<count).map { _ in uniformDouble() }
        data.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var i = 0
            while i + 16 <= count {
                Generator.normalFill16(base + i, mean: mean, std: std)
                i += 16
            }
            if count % 16 != 0 {
                let tail = base + count - 16
                for j in 0..<16 { tail[j] = uniformDouble() }
                Generator.normalFill16(tail, mean: mean, std: std)
            }
        }
        return data
    }

    /// ATen's `normal_fill_16<double>`: the first 8 uniforms give radii, the last 8 angles.
    static func normalFill16(_ data: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * log(u1)).squareRoot()
            let theta = 2.0 * Double.pi * u2
            data[j] = mean.addingProduct(radius * cos(theta), std)
            data[j + 8] = mean.addingProduct(radius * sin(theta), std)
        }
    }

    /// An integer in `base..<base + range` (`uniform_int_from_to_distribution`): 64 random
    /// bits when the range needs them (int64 and float results), else 32.
    @inline(__always)
    func integer(range: UInt64, base: Int64, wide: Bool) -> Int64 {
        let bits = wide && range >= 1 << 32 ? random64() : UInt64(random())
        return Int64(bitPattern: bits % range &+ UInt64(bitPattern: base))
    }

    /// An exponential double with rate `lambda` (`exponential_distribution<double>`).
    @inline(__always)
    func exponentialDouble(lambda: Double) -> Double {
        let u = uniformDouble()
        return -1 / lambda * log1p(-u)
    }
}
