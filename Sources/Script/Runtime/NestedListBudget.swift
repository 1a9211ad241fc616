import Tensors

/// The memory `tolist()` needs for an array of `dims`: every nested list and every element
/// is a value (a shape such as `(2**59, 0)` has no elements but 2**59 empty lists). Checked
/// before anything is made: Python's MemoryError instead of the process running out.
package enum NestedListBudget {
    package static func check(_ dims: [Int]) throws(ScriptError) {
        var level = 1
        var total = 0
        for d in dims {
            let (next, overflow) = level.multipliedReportingOverflow(by: d)
            guard !overflow else { throw ScriptError(.memoryError, "") }
            level = next
            let (sum, overflowed) = total.addingReportingOverflow(level)
            guard !overflowed else { throw ScriptError(.memoryError, "") }
            total = sum
        }
        let (bytes, overflow) = total.multipliedReportingOverflow(by: 2 * MemoryLayout<Value>.stride)
        guard !overflow, MemoryBudget.allows(bytes: bytes) else { throw ScriptError(.memoryError, "") }
    }
}
