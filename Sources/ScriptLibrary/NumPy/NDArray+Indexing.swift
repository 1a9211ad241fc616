import Tensors
import Script

/// NumPy's indexing: integers, slices (negative steps too), `None`, `...` make views that
/// share memory; integer arrays (broadcast together) and boolean masks make copies; both
/// kinds assign through.
package struct IndexPlan {
    /// Output dimensions from basic components: (size, buffer stride).
    var basic: [(size: Int, stride: Int)] = []
    package var offset: Int
    /// The broadcast shape of the integer-array indices and each element's buffer offset.
    var advanced: (dims: [Int], offsets: [Int])?
    /// Where the advanced dimensions go among the basic ones.
    var advancedAt = 0

    var dims: [Int] {
        let b = basic.map(\.size)
        guard let advanced else { return b }
        return Array(b[..<advancedAt]) + advanced.dims + Array(b[advancedAt...])
    }

    /// Buffer positions of the result's elements, row-major.
    func positions() -> [Int] {
        let basicDims = basic.map(\.size), basicStrides = basic.map(\.stride)
        guard let advanced else {
            return Self.walk(basicDims, basicStrides, offset)
        }
        let before = Self.walk(Array(basicDims[..<advancedAt]), Array(basicStrides[..<advancedAt]), 0)
        let after = Self.walk(Array(basicDims[advancedAt...]), Array(basicStrides[advancedAt...]), 0)
        var result: [Int] = []
        result.reserveCapacity(before.count * advanced.offsets.count * after.count)
        for p in before { for q in advanced.offsets { for r in after { result.append(offset + p + q + r) } } }
        return result
    }

    static func walk(_ dims: [Int], _ strides: [Int], _ start: Int) -> [Int] {
        var result = [start]
        for (d, s) in zip(dims, strides) {
            var next: [Int] = []
            next.reserveCapacity(result.count * d)
            for p in result { for i in 0..<d { next.append(p + i * s) } }
            result = next
        }
        return result
    }
}

extension NDArray {
    /// Python's subscript parts.
    static func parts(_ key: Value) -> [Value] {
        if case .tuple(let items) = key { return items }
        return [key]
    }

    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try subscripted(NDArray.parts(key), interpreter: interpreter)
    }

    package func setItem(_ key: Value, _ value: Value, interpreter: Interpreter) throws(ScriptError) -> Bool {
        let plan = try indexPlan(NDArray.parts(key), interpreter: interpreter)
        let target = plan.dims
        let source = try interpreter.ndarray(value)
        if source.dtype.isFloatingPoint && !dtype.isFloatingPoint {
            if case .float64(let v) = source.elements.converted(to: .float64), v.contains(where: { !$0.isFinite }) {
                throw .valueError("cannot convert float \(v.contains(where: \.isNaN) ? "NaN" : "infinity") to integer")
            }
        }
        if case .int(let i) = value, let range = dtype.integerRange, !range.contains(i) {
            throw ScriptError(.overflowError, "Python integer \(i) out of bounds for \(dtype.name)")
        }
        // The value may have fewer dimensions, or leading ones of size 1 (NumPy drops them).
        var sourceDims = source.dims
        while sourceDims.count > target.count, sourceDims.first == 1 { sourceDims.removeFirst() }
        guard sourceDims.count <= target.count,
              (try? NumPyShapes.broadcast([sourceDims, target])) == target else {
            throw .valueError("could not broadcast input array from shape \(NumPyShapes.compactText(source.dims)) into shape \(NumPyShapes.compactText(target))")
        }
        let reshaped = NDArray(try tensorCall { () throws(TensorError) in try source.tensor.reshape(sourceDims) })
        let values = NumPyOperations.broadcast(reshaped, to: target).elements.converted(to: dtype)
        tensor.writeBuffer(values, at: plan.positions())
        return true
    }

    /// `self[parts]`: a view for basic indexing, a copy for advanced, a scalar for one element.
    func subscripted(_ parts: [Value], interpreter: Interpreter) throws(ScriptError) -> Value {
        // `a[a > 0]`: a mask of the array's own shape selects in one pass.
        if parts.count == 1, case .object(let o) = parts[0], let mask = o as? NDArray, mask.dtype == .bool, rank > 0,
           mask.dims == dims, case .bool(let on) = mask.elements {
            let picked = NumPyStridedCopy.selected(elements, on)
            return .object(try NDArray(picked, [picked.count]))
        }
        let plan = try indexPlan(parts, interpreter: interpreter)
        if plan.advanced == nil {
            let view = NDArray(tensor.strided(plan.basic.map(\.size), strides: plan.basic.map(\.stride), offset: plan.offset))
            if view.rank == 0 && !parts.contains(where: { NDArray.isEllipsis($0) || $0.isNone }) {
                return NumPyScalar(dtype, tensor.bufferScalar(at: plan.offset)).value
            }
            return .object(view)
        }
        let dims = plan.dims
        _ = try NumPyShapes.checkedCount(dims, dtype: dtype)
        let gathered = tensor.gatheredFromBuffer(plan.positions())
        return .object(try NDArray(gathered, dims))
    }

    static func isEllipsis(_ v: Value) -> Bool {
        if case .object(let o) = v { return o is EllipsisObject }
        return false
    }

    /// Resolves index parts against this array's shape and strides.
    func indexPlan(_ parts: [Value], interpreter: Interpreter) throws(ScriptError) -> IndexPlan {
        enum Part {
            case int(Int), slice(SliceObject), newAxis, ellipsis, array(NDArray)
        }
        var resolved: [Part] = []
        var consumed = 0
        var sawEllipsis = false
        for part in parts {
            switch part {
            case .none: resolved.append(.newAxis)
            case .int(let i): resolved.append(.int(i)); consumed += 1
            case .bool(let b):
                resolved.append(.array(try NDArray(.bool([b]), [])))
            case .list, .tuple:
                let a = try interpreter.ndarray(part)
                resolved.append(.array(a.count == 0 && a.dtype == .float64 ? a.converted(to: .int64) : a))
                consumed += a.dtype == .bool ? a.rank : 1
            case .object(let o):
                if let s = o as? SliceObject { resolved.append(.slice(s)); consumed += 1; continue }
                if o is EllipsisObject {
                    if sawEllipsis { throw .indexError("an index can only have a single ellipsis ('...')") }
                    sawEllipsis = true
                    resolved.append(.ellipsis)
                    continue
                }
                if let s = o as? NumPyScalar, s.dtype == .bool {
                    resolved.append(.array(try NDArray(.bool([s.scalar.boolValue]), [])))
                    continue
                }
                if let s = o as? NumPyScalar, s.dtype.integerRange != nil { resolved.append(.int(Int(s.scalar.int64Value))); consumed += 1; continue }
                if let a = (o as? NDArray) ?? (o as? Tensor).map({ NDArray($0.sharingElements()) }) {
                    if a.rank == 0 && a.dtype.integerRange != nil { resolved.append(.int(Int(a.elements.scalar(at: 0).int64Value))); consumed += 1; continue }
                    resolved.append(.array(a))
                    consumed += a.dtype == .bool ? a.rank : 1
                    continue
                }
                if let i = try? o.index(interpreter: interpreter) { resolved.append(.int(i)); consumed += 1; continue }
                throw NDArray.indexTypeError
            case .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type, .instance, .module:
                throw NDArray.indexTypeError
            }
        }
        guard consumed <= rank else {
            throw .indexError("too many indices for array: array is \(rank)-dimensional, but \(consumed) were indexed")
        }
        let strides = tensor.strides
        var plan = IndexPlan(offset: tensor.storageOffset)
        var axis = 0
        var advancedArrays: [(array: [Int64], dims: [Int], stride: Int)] = []
        // Advanced parts in one run (no basic part between) keep their place in the result.
        var sequence: [Bool] = []
        let hasArrays = resolved.contains { if case .array = $0 { return true }; return false }
        for part in resolved {
            switch part {
            case .newAxis:
                plan.basic.append((1, 0))
                sequence.append(false)
            case .ellipsis:
                for _ in 0..<(rank - consumed) {
                    plan.basic.append((dims[axis], strides[axis]))
                    axis += 1
                }
                if rank - consumed > 0 { sequence.append(false) }
            case .int(let i):
                let size = dims[axis]
                guard i >= -size && i < size else {
                    throw .indexError("index \(i) is out of bounds for axis \(axis) with size \(size)")
                }
                if hasArrays {
                    if !sequence.contains(true) { plan.advancedAt = plan.basic.count }
                    sequence.append(true)
                    advancedArrays.append(([Int64(i < 0 ? i + size : i)], [], strides[axis]))
                } else {
                    plan.offset += (i < 0 ? i + size : i) * strides[axis]
                }
                axis += 1
            case .slice(let s):
                let size = dims[axis]
                let (start, length, step) = try NDArray.sliceIndices(s, size: size, interpreter: interpreter)
                plan.offset += (length > 0 ? start : 0) * strides[axis]
                // A stride only matters between two elements (a huge step leaves one at most).
                plan.basic.append((length, length > 1 ? strides[axis] * step : 0))
                axis += 1
                sequence.append(false)
            case .array(let a):
                if !sequence.contains(true) { plan.advancedAt = plan.basic.count }
                sequence.append(true)
                if a.dtype == .bool {
                    let maskDims = a.dims
                    for (k, d) in maskDims.enumerated() where dims[axis + k] != d {
                        throw .indexError("boolean index did not match indexed array along axis \(axis + k); size of axis is \(dims[axis + k]) but size of corresponding boolean axis is \(d)")
                    }
                    guard case .bool(let mask) = a.elements else { continue }
                    let maskStrides = Shape(maskDims).strides
                    var columns = [[Int64]](repeating: [], count: maskDims.count)
                    for (flat, on) in mask.enumerated() where on {
                        var rest = flat
                        for k in 0..<maskDims.count {
                            columns[k].append(Int64(rest / maskStrides[k]))
                            rest %= maskStrides[k]
                        }
                    }
                    for k in 0..<maskDims.count {
                        advancedArrays.append((columns[k], [columns[k].count], strides[axis + k]))
                    }
                    if maskDims.isEmpty { advancedArrays.append((mask[0] ? [0] : [], [mask[0] ? 1 : 0], 0)) }
                    axis += maskDims.count
                } else {
                    guard a.dtype.integerRange != nil else { throw NDArray.indexTypeError }
                    guard case .int64(var values) = a.elements.converted(to: .int64) else { continue }
                    let size = dims[axis]
                    for k in values.indices {
                        let v = values[k]
                        guard v >= -Int64(size) && v < Int64(size) else {
                            throw .indexError("index \(v) is out of bounds for axis \(axis) with size \(size)")
                        }
                        if v < 0 { values[k] = v + Int64(size) }
                    }
                    advancedArrays.append((values, a.dims, strides[axis]))
                    axis += 1
                }
            }
        }
        while axis < rank {
            plan.basic.append((dims[axis], strides[axis]))
            axis += 1
        }
        if !advancedArrays.isEmpty {
            let shapes = advancedArrays.map(\.dims)
            let broadcastDims: [Int]
            do {
                broadcastDims = try NumPyShapes.broadcast(shapes)
            } catch {
                throw .indexError("shape mismatch: indexing arrays could not be broadcast together with shapes " + shapes.map { NumPyShapes.compactText($0) + " " }.joined())
            }
            let total = try NumPyShapes.checkedCount(broadcastDims, dtype: .int64)
            var offsets = [Int](repeating: 0, count: total)
            for entry in advancedArrays {
                let expanded = NumPyOperations.broadcast(try NDArray(.int64(entry.array), entry.dims), to: broadcastDims).elements
                guard case .int64(let v) = expanded else { continue }
                for k in 0..<total { offsets[k] += Int(v[k]) * entry.stride }
            }
            plan.advanced = (broadcastDims, offsets)
            let runs = zip(sequence, [false] + sequence).filter { $0 && !$1 }.count
            if runs > 1 { plan.advancedAt = 0 }
        }
        return plan
    }

    static var indexTypeError: ScriptError {
        .indexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
    }

    /// Python's `slice.indices(size)`: start, length and step.
    static func sliceIndices(_ s: SliceObject, size: Int, interpreter: Interpreter) throws(ScriptError) -> (Int, Int, Int) {
        func bound(_ v: Value) throws(ScriptError) -> Int? { v.isNone ? nil : try interpreter.indexValue(v) }
        // Python clamps a step of -2**63 to -(2**63 - 1), so it can be negated.
        let step = Swift.max(try bound(s.step) ?? 1, -Int.max)
        guard step != 0 else { throw .valueError("slice step cannot be zero") }
        let lowerDefault = step > 0 ? 0 : size - 1, upperDefault = step > 0 ? size : -1
        func clamp(_ v: Int?, _ fallback: Int) -> Int {
            guard var v else { return fallback }
            if v < 0 { v += size; if v < 0 { v = step > 0 ? 0 : -1 } } else if v >= size { v = step > 0 ? size : size - 1 }
            return v
        }
        let start = clamp(try bound(s.lower), lowerDefault)
        let stop = clamp(try bound(s.upper), upperDefault)
        let length: Int
        if step > 0 { length = stop > start ? (stop - start - 1) / step + 1 : 0 } else { length = start > stop ? (start - stop - 1) / (-step) + 1 : 0 }
        return (start, length, step)
    }
}
