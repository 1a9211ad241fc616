import CNumPy
import Tensors
import Script

/// Dense copies of strided views (`a[::2]`, `a.T`) and boolean-mask selections, read straight
/// from the shared buffer by strides: rows that are contiguous in memory are copied whole, a
/// transposed matrix in cache-sized tiles, so no list of element positions is built.
package enum NumPyStridedCopy {
    /// The view's elements, row-major.
    static func elements(of tensor: Tensor) -> ElementArray {
        let dims = tensor.shape.dims, strides = tensor.strides, offset = tensor.storageOffset
        switch tensor.bufferElementArray {
        case .float32(let v): return .float32(gather(v, dims, strides, offset))
        case .float64(let v): return .float64(gather(v, dims, strides, offset))
        case .int64(let v): return .int64(gather(v, dims, strides, offset))
        case .int32(let v): return .int32(gather(v, dims, strides, offset))
        case .uint8(let v): return .uint8(gather(v, dims, strides, offset))
        case .bool(let v): return .bool(gather(v, dims, strides, offset))
        }
    }

    /// The elements of `buffer` a view of `dims`, `strides` and `offset` sees, row-major.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func gather<T>(_ buffer: [T], _ dims: [Int], _ strides: [Int], _ offset: Int) -> [T] {
        let count = dims.reduce(1, *)
        let rank = dims.count
        guard count > 0, rank > 0 else { return count == 0 ? [] : [buffer[offset]] }
        return [T](unsafeUninitializedCapacity: count) { out, written in
            buffer.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress, let target = out.baseAddress else { return }
                let inner = dims[rank - 1], step = strides[rank - 1]
                if rank >= 2 && step != 1 && strides[rank - 2] == 1 {
                    // A transposed pair of axes: tiles keep both sides in cache.
                    transposedBlocks(base, target, dims, strides, offset)
                    written = count
                    return
                }
                var index = [Int](repeating: 0, count: rank - 1)
                var position = offset
                var done = 0
                while done < count {
                    if step == 1 {
                        (target + done).initialize(from: base + position, count: inner)
                    } else {
                        var p = position
                        for k in 0..<inner {
                            (target + done + k).initialize(to: base[p])
                            p += step
                        }
                    }
                    done += inner
                    var d = rank - 2
                    while d >= 0 {
                        index[d] += 1
                        position += strides[d]
                        if index[d] < dims[d] { break }
                        position -= strides[d] * dims[d]
                        index[d] = 0
                        d -= 1
                    }
                }
                written = count
            }
        }
    }

    /// Copies every matrix of the last two axes (the last strided, the one before contiguous)
    /// in 32 × 32 tiles.
    private static func transposedBlocks<T>(_ base: UnsafePointer<T>, _ target: UnsafeMutablePointer<T>,
                                            _ dims: [Int], _ strides: [Int], _ offset: Int) {
        let rank = dims.count
        let rows = dims[rank - 2], columns = dims[rank - 1]
        let rowStride = strides[rank - 2], columnStride = strides[rank - 1]
        let outer = dims[..<(rank - 2)].reduce(1, *)
        var index = [Int](repeating: 0, count: rank - 2)
        var position = offset
        for m in 0..<outer {
            let destination = target + m * rows * columns
            // Elements of 4 and 8 bytes (every dtype but uint8 and bool) move as bits in C.
            switch MemoryLayout<T>.stride {
            case 4: recur_numpy_strided_copy_32(base + position, destination, rows, columns, rowStride, columnStride)
            case 8: recur_numpy_strided_copy_64(base + position, destination, rows, columns, rowStride, columnStride)
            default: tiles(base + position, destination, rows, columns, rowStride, columnStride)
            }
            var d = rank - 3
            while d >= 0 {
                index[d] += 1
                position += strides[d]
                if index[d] < dims[d] { break }
                position -= strides[d] * dims[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// One matrix in 32 × 32 tiles, element by element.
    private static func tiles<T>(_ base: UnsafePointer<T>, _ destination: UnsafeMutablePointer<T>,
                                 _ rows: Int, _ columns: Int, _ rowStride: Int, _ columnStride: Int) {
        let tile = 32
        var r0 = 0
        while r0 < rows {
            let r1 = Swift.min(r0 + tile, rows)
            var c0 = 0
            while c0 < columns {
                let c1 = Swift.min(c0 + tile, columns)
                for c in c0..<c1 {
                    let column = c * columnStride
                    for r in r0..<r1 { (destination + r * columns + c).initialize(to: base[column + r * rowStride]) }
                }
                c0 = c1
            }
            r0 = r1
        }
    }

    /// The elements where `mask` is true, in order (`a[mask]` with a mask of `a`'s shape).
    static func selected(_ values: ElementArray, _ mask: [Bool]) -> ElementArray {
        let kept = mask.reduce(0) { $0 + ($1 ? 1 : 0) }
        func pick<T>(_ v: [T]) -> [T] {
            [T](unsafeUninitializedCapacity: kept) { out, written in
                var j = 0
                for i in 0..<Swift.min(v.count, mask.count) where mask[i] {
                    out.initializeElement(at: j, to: v[i])
                    j += 1
                }
                written = j
            }
        }
        switch values {
        case .float32(let v): return .float32(pick(v))
        case .float64(let v): return .float64(pick(v))
        case .int64(let v): return .int64(pick(v))
        case .int32(let v): return .int32(pick(v))
        case .uint8(let v): return .uint8(pick(v))
        case .bool(let v): return .bool(pick(v))
        }
    }
}
