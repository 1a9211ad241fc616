extension Tensor {
    /// The running sum (`cumsum`) or product (`cumprod`) along `dim`. Floats accumulate in
    /// double precision, as PyTorch's CPU kernel does; integers and booleans give int64.
    public func cumulative(dim: Int, product: Bool) throws(TensorError) -> Tensor {
        let d = rank == 0 ? 0 : try shape.normalize(dim: dim)
        let (outer, size, inner) = rank == 0 ? (1, 1, 1) : shape.split(at: d)
        func scan<T>(_ v: [T], _ start: T, _ combine: (T, T) -> T) -> [T] {
            var out = v
            for o in 0..<outer {
                for k in 0..<inner {
                    var running = start
                    for s in 0..<size {
                        let p = (o * size + s) * inner + k
                        running = combine(running, v[p])
                        out[p] = running
                    }
                }
            }
            return out
        }
        switch dtype {
        case .float32: return cumulativeFloats(Float.self, scan: scan, outer: outer, size: size, inner: inner, product: product)
        case .float64: return cumulativeFloats(Double.self, scan: scan, outer: outer, size: size, inner: inner, product: product)
        case .int64, .int32, .uint8, .bool:
            let v = int64s
            return Tensor(shape: shape, storage: .int64(product ? scan(v, 1, &*) : scan(v, 0, &+)))
        }
    }

    private func cumulativeFloats<T: FloatElement>(
        _: T.Type, scan: ([Double], Double, (Double, Double) -> Double) -> [Double], outer: Int, size: Int, inner: Int, product: Bool
    ) -> Tensor {
        let x = T.values(of: self)
        let y = scan(x.map(Double.init), product ? 1 : 0, product ? (*) : (+)).map { T($0) }
        guard Tensor.needsGraph(self) else { return Tensor(shape: shape, values: y) }
        return Tensor(shape: shape, values: y).recording(product ? "CumprodBackward0" : "CumsumBackward0", [self]) { g in
            let gv = T.values(of: g)
            var grad = [T](repeating: 0, count: gv.count)
            for o in 0..<outer {
                for k in 0..<inner {
                    let line = (0..<size).map { (o * size + $0) * inner + k }
                    if !product {
                        // The gradient of a running sum is the running sum of the gradient, backwards.
                        var running = 0.0
                        for p in line.reversed() {
                            running += Double(gv[p])
                            grad[p] = T(running)
                        }
                        continue
                    }
                    // d out_j / d x_i = product of x_0...x_j without x_i (exact with zeros).
                    for (i, pi) in line.enumerated() {
                        var total = 0.0
                        var without = 1.0
                        for (m, pm) in line.enumerated() where m < i { without *= Double(x[pm]) }
                        for j in i..<line.count {
                            if j > i { without *= Double(x[line[j]]) }
                            total += Double(gv[line[j]]) * without
                        }
                        grad[pi] = T(total)
                    }
                }
            }
            return [Tensor(shape: g.shape, values: grad)]
        }.saving(inputs: [0])
    }

    /// The product of all elements (`prod()`), or along `dim` (`prod(dim)`).
    public func product(dim: Int?, keepDim: Bool = false) throws(TensorError) -> Tensor {
        let flat = dim == nil
        let source = flat ? try reshape([-1]) : self
        let d = source.rank == 0 ? 0 : try source.shape.normalize(dim: dim ?? 0)
        let (outer, size, inner) = source.rank == 0 ? (1, 1, 1) : source.shape.split(at: d)
        let out = flat ? Shape.scalar : source.reducedShape(d, keepDim: keepDim)
        guard case .float32(let x) = source.storage else {
            let v = source.int64s
            var r = [Int64](repeating: 1, count: outer * inner)
            for o in 0..<outer { for s in 0..<size { for k in 0..<inner { r[o * inner + k] &*= v[(o * size + s) * inner + k] } } }
            return Tensor(shape: out, storage: .int64(r))
        }
        var r = [Double](repeating: 1, count: outer * inner)
        for o in 0..<outer { for s in 0..<size { for k in 0..<inner { r[o * inner + k] *= Double(x[(o * size + s) * inner + k]) } } }
        let result = Tensor(shape: out, floats: r.map { Float($0) })
        let original = shape
        return result.recording(flat ? "ProdBackward0" : "ProdBackward1", [self]) { g in
            let gv = g.floats
            var grad = [Float](repeating: 0, count: x.count)
            for o in 0..<outer {
                for k in 0..<inner {
                    let line = (0..<size).map { (o * size + $0) * inner + k }
                    // Products of everything before and after each element: exact with zeros.
                    var before = [Double](repeating: 1, count: size + 1)
                    for s in 0..<size { before[s + 1] = before[s] * Double(x[line[s]]) }
                    var after = 1.0
                    for s in stride(from: size - 1, through: 0, by: -1) {
                        grad[line[s]] = Float(Double(gv[o * inner + k]) * before[s] * after)
                        after *= Double(x[line[s]])
                    }
                }
            }
            return [Tensor(shape: source.shape, floats: grad).reshapedFree(original)]
        }.saving(inputs: [0])
    }

    /// The same elements under `target` (same count), outside autograd.
    func reshapedFree(_ target: Shape) -> Tensor { Tensor(shape: target, storage: storage) }
}
