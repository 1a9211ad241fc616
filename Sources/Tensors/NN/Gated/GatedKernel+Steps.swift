extension GatedKernel {
    /// The logistic function through the vectorisable `VectorMath.exp`.
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + VectorMath.exp(-x))
    }

    /// One LSTM step over `slot` (B rows of pre-activations i, f, g, o), replacing them with
    /// the activated gates: `c = f * c_prev + i * g`, `h = o * tanh(c)`.
    static func lstmStep(
        _ slot: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        h: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
    ) {
        for b in 0..<batch {
            let p = slot + b * 4 * hidden
            let row = b * hidden
            for j in 0..<hidden {
                let i = sigmoid(p[j])
                let f = sigmoid(p[hidden + j])
                let g = VectorMath.tanh(p[2 * hidden + j])
                let o = sigmoid(p[3 * hidden + j])
                p[j] = i
                p[hidden + j] = f
                p[2 * hidden + j] = g
                p[3 * hidden + j] = o
                let cell = f * cPrev[row + j] + i * g
                c[row + j] = cell
                h[row + j] = o * VectorMath.tanh(cell)
            }
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
            for j in 0..<hidden {
                let r = sigmoid(p[j] + q[j])
                let z = sigmoid(p[hidden + j] + q[hidden + j])
                let hn = q[2 * hidden + j]
                let n = VectorMath.tanh(p[2 * hidden + j] + r * hn)
                p[j] = r
                p[hidden + j] = z
                p[2 * hidden + j] = n
                hiddenN[row + j] = hn
                h[row + j] = n + z * (hPrev[row + j] - n)
            }
        }
    }

    /// The reverse of `lstmStep`: from the gradient of h (`dh` plus this step's output
    /// gradient `dOut`) and of c (`dc`), writes the pre-activation gradients to `dGates` and
    /// leaves the gradient of c_prev in `dc`.
    static func lstmBackwardStep(
        gates: UnsafePointer<Float>, cPrev: UnsafePointer<Float>, c: UnsafePointer<Float>,
        dh: UnsafePointer<Float>, dOut: UnsafePointer<Float>, dc: UnsafeMutablePointer<Float>,
        dGates: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
    ) {
        for b in 0..<batch {
            let p = gates + b * 4 * hidden
            let q = dGates + b * 4 * hidden
            let row = b * hidden
            for j in 0..<hidden {
                let (i, f, g, o) = (p[j], p[hidden + j], p[2 * hidden + j], p[3 * hidden + j])
                let tc = VectorMath.tanh(c[row + j])
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
}
