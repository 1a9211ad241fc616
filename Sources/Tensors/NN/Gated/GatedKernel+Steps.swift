extension GatedKernel {
    /// In-place logistic function over one gate of one row, as PyTorch's cells apply
    /// `sigmoid_` to each gate's chunk (so the vector blocks and the scalar tail fall where
    /// they do there).
    static func sigmoid(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        VectorMath.apply(VectorMath.sigmoid, buffer, count: count)
    }

    /// In-place tanh over a buffer.
    static func tanh(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        VectorMath.apply(VectorMath.tanh, buffer, count: count)
    }

    /// One LSTM step over `slot` (B rows of pre-activations i, f, g, o), replacing them with
    /// the activated gates: `c = f * c_prev + i * g`, `h = o * tanh(c)`; `tanhC` keeps
    /// tanh(c) for the backward pass. Each loop reads and writes few streams so that it
    /// vectorises.
    static func lstmStep(
        _ slot: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
    ) {
        for b in 0..<batch {
            let p = slot + b * 4 * hidden
            let row = b * hidden
            sigmoid(p, count: hidden)
            sigmoid(p + hidden, count: hidden)
            tanh(p + 2 * hidden, count: hidden)
            sigmoid(p + 3 * hidden, count: hidden)
            let (i, f, g, o) = (UnsafePointer(p), UnsafePointer(p + hidden), UnsafePointer(p + 2 * hidden), UnsafePointer(p + 3 * hidden))
            let (cp, cn, tc, hn) = (cPrev + row, c + row, tanhC + row, h + row)
            for j in 0..<hidden { cn[j] = f[j] * cp[j] + i[j] * g[j] }
            tc.update(from: cn, count: hidden)
            tanh(tc, count: hidden)
            for j in 0..<hidden { hn[j] = o[j] * tc[j] }
        }
    }

    /// One GRU step: `slot` holds the input side (W_i x + b_i) of r, z, n and `hiddenSide` the
    /// hidden side (W_h h + b_h); `r = σ(.)`, `z = σ(.)`, `n = tanh(W_in x + b_in + r * (W_hn h
    /// + b_hn))`, `h = (1 - z) * n + z * h_prev`. The slot keeps r, z, n; `hiddenN` keeps W_hn h + b_hn.
    static func gruStep(
        _ slot: UnsafeMutablePointer<Float>, hiddenSide: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
        h: UnsafeMutablePointer<Float>, hiddenN: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
    ) {
        for b in 0..<batch {
            let p = slot + b * 3 * hidden
            let q = hiddenSide + b * 3 * hidden
            let row = b * hidden
            for k in 0..<(2 * hidden) { p[k] += q[k] }
            sigmoid(p, count: hidden)
            sigmoid(p + hidden, count: hidden)
            let (r, z, n) = (UnsafePointer(p), UnsafePointer(p + hidden), p + 2 * hidden)
            let hn = hiddenN + row
            hn.update(from: q + 2 * hidden, count: hidden)
            for j in 0..<hidden { n[j] += r[j] * hn[j] }
            tanh(n, count: hidden)
            let (hp, out) = (hPrev + row, h + row)
            for j in 0..<hidden { out[j] = n[j] + z[j] * (hp[j] - n[j]) }
        }
    }

    /// The reverse of `lstmStep`: from the gradient of h (`dh` plus this step's output
    /// gradient `dOut`) and of c (`dc`), writes the pre-activation gradients to `dGates` and
    /// leaves the gradient of c_prev in `dc`.
    static func lstmBackwardStep(
        gates: UnsafePointer<Float>, cPrev: UnsafePointer<Float>, tanhC: UnsafePointer<Float>,
        dh: UnsafePointer<Float>, dOut: UnsafePointer<Float>, dc: UnsafeMutablePointer<Float>,
        dGates: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
    ) {
        for b in 0..<batch {
            let p = gates + b * 4 * hidden
            let q = dGates + b * 4 * hidden
            let row = b * hidden
            for j in 0..<hidden {
                let (i, f, g, o) = (p[j], p[hidden + j], p[2 * hidden + j], p[3 * hidden + j])
                let tc = tanhC[row + j]
                let dhv = dh[row + j] + dOut[row + j]
                let dcv = dc[row + j] + dhv * o * (1 - tc * tc)
                q[j] = dcv * g * i * (1 - i)
                q[hidden + j] = dcv * cPrev[row + j] * f * (1 - f)
                q[2 * hidden + j] = dcv * i * (1 - g * g)
                q[3 * hidden + j] = dhv * tc * o * (1 - o)
                dc[row + j] = dcv * f
            }
        }
    }

    /// The reverse of `gruStep`: writes the gradients of the input side (`dInput`) and of the
    /// hidden side (`dHidden`) of the gates, and replaces `dh` with the part of h_prev's
    /// gradient that does not go through W_hh (`dh * z`).
    static func gruBackwardStep(
        gates: UnsafePointer<Float>, hiddenN: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
        dh: UnsafeMutablePointer<Float>, dOut: UnsafePointer<Float>,
        dInput: UnsafeMutablePointer<Float>, dHidden: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
    ) {
        for b in 0..<batch {
            let p = gates + b * 3 * hidden
            let qi = dInput + b * 3 * hidden
            let qh = dHidden + b * 3 * hidden
            let row = b * hidden
            for j in 0..<hidden {
                let (r, z, n) = (p[j], p[hidden + j], p[2 * hidden + j])
                let dhv = dh[row + j] + dOut[row + j]
                let dn = dhv * (1 - z) * (1 - n * n)
                let dr = dn * hiddenN[row + j] * r * (1 - r)
                let dz = dhv * (hPrev[row + j] - n) * z * (1 - z)
                qi[j] = dr
                qi[hidden + j] = dz
                qi[2 * hidden + j] = dn
                qh[j] = dr
                qh[hidden + j] = dz
                qh[2 * hidden + j] = dn * r
                dh[row + j] = dhv * z
            }
        }
    }

    /// The sums of the columns of a (rows x columns) matrix, row by row (contiguous reads).
    static func columnSums(_ g: UnsafePointer<Float>, rows: Int, columns: Int) -> [Float] {
        var sums = filledArray(Float(0), count: columns)
        sums.withUnsafeMutableBufferPointer { ps in
            guard let out = ps.baseAddress else { return }
            for r in 0..<rows {
                let row = g + r * columns
                for j in 0..<columns { out[j] += row[j] }
            }
        }
        return sums
    }
}
