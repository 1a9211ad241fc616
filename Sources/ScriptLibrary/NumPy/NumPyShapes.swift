import Tensors
import Rendering
import Script

/// Shape arithmetic with NumPy's rules and error texts: broadcasting, axes, sizes.
package enum NumPyShapes {
    /// `(2, 3)`, `(3,)`, `()` as Python prints a shape tuple.
    static func tupleText(_ dims: [Int]) -> String {
        dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ", ") + ")"
    }

    /// `(2,3)` as NumPy's broadcasting errors print shapes.
    static func compactText(_ dims: [Int]) -> String {
        dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.map(String.init).joined(separator: ",") + ")"
    }

    /// The broadcast shape of operands, or NumPy's ValueError.
    static func broadcast(_ shapes: [[Int]]) throws(ScriptError) -> [Int] {
        let rank = shapes.map(\.count).max() ?? 0
        var result = [Int](repeating: 1, count: rank)
        for shape in shapes {
            for (k, d) in shape.enumerated() {
                let r = rank - shape.count + k
                if result[r] == 1 { result[r] = d } else if d != 1 && d != result[r] {
                    throw .valueError("operands could not be broadcast together with shapes "
                        + shapes.map { compactText($0) + " " }.joined())
                }
            }
        }
        // Every broadcast result is materialised: refuse one that cannot be.
        _ = try checkedCount(result, dtype: .float64)
        return result
    }

    /// An axis argument made non-negative, or NumPy's AxisError (an IndexError and ValueError).
    /// `prefix` names the argument where NumPy does (`axis1: `).
    static func axis(_ axis: Int, rank: Int, _ interpreter: Interpreter, prefix: String = "") throws(ScriptError) -> Int {
        guard axis >= -rank && axis < rank else {
            throw interpreter.numpyAxisError(prefix + "axis \(axis) is out of bounds for array of dimension \(rank)")
        }
        return axis < 0 ? axis + rank : axis
    }

    /// The element count of `dims`, or NumPy's error for negative or overflowing sizes.
    static func checkedCount(_ dims: [Int], dtype: DType) throws(ScriptError) -> Int {
        // NumPy multiplies the item size by every non-zero dimension, so a huge dimension is
        // too big even beside a zero one (`np.zeros((2**62, 0))`).
        var nonzeroBytes = dtype.elementSize
        var hasZero = false
        for d in dims {
            guard d >= 0 else { throw .valueError("negative dimensions are not allowed") }
            if d == 0 {
                hasZero = true
                continue
            }
            let (p, overflow) = nonzeroBytes.multipliedReportingOverflow(by: d)
            guard !overflow else { throw .valueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.") }
            nonzeroBytes = p
        }
        let bytes = hasZero ? 0 : nonzeroBytes
        let count = hasZero || dtype.elementSize == 0 ? 0 : nonzeroBytes / dtype.elementSize
        do {
            try MemoryBudget.reserve([bytes], elementSize: 1)
        } catch {
            throw ScriptError(.memoryError, "Unable to allocate \(byteText(bytes)) for an array with shape \(tupleText(dims)) and data type \(dtype.name)")
        }
        return count
    }

    /// NumPy's size text in allocation errors (`7.28 TiB`).
    static func byteText(_ bytes: Int) -> String {
        // NumPy's `_size_to_string`: the unit from the bit length, three significant figures.
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var unit = Swift.max(Int.bitWidth - bytes.leadingZeroBitCount - 1, 1) / 10
        var value = Double(bytes) / Double(1 << (unit * 10))
        if value.rounded(.toNearestOrEven) == 1024 {
            unit += 1
            value /= 1024
        }
        if unit == 0 { return "\(bytes) bytes" }
        let text = value < 1000 ? formatDoubleWithC(value, "g", precision: 3, alternate: true) : formatDoubleWithC(value, "f", precision: 0)
        return text + " " + units[Swift.min(unit, units.count - 1)]
    }
}
