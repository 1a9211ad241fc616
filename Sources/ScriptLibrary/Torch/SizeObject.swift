import Rendering
import Tensors
import Script

/// `torch.Size([5, 1, 4])`: a tuple of ints that prints as PyTorch prints shapes.
package final class SizeObject: ScriptObject {
    let dims: [Int]
    init(_ dims: [Int]) { self.dims = dims }

    package var typeName: String { "Size" }
    var tuple: Value { .tuple(dims.map { .int($0) }) }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { Shape(dims).description }
    package func length(interpreter: Interpreter) throws(ScriptError) -> Int? { dims.count }
    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        ArrayIterator(dims.map { .int($0) })
    }
    package func item(_ key: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .object(let object) = key, let slice = object as? SliceObject {
            return .object(SizeObject(try slice.positions(length: dims.count, interpreter: interpreter).map { dims[$0] }))
        }
        return .int(dims[try interpreter.normalize(try interpreter.indexValue(key, container: "tuple"), count: dims.count, "tuple")])
    }
    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        var otherValue = other
        if case .object(let object) = other, let size = object as? SizeObject { otherValue = size.tuple }
        switch op {
        case .equal, .notEqual:
            guard case .tuple = otherValue else {
                if case .list = otherValue { return .bool(op == .notEqual) }
                return nil
            }
            let same = try interpreter.equal(tuple, otherValue)
            return .bool(op == .equal ? same : !same)
        case .in, .notIn:
            let found = try interpreter.contains(tuple, other)
            return .bool(op == .in ? found : !found)
        case .less, .lessEqual, .greater, .greaterEqual, .is, .isNot:
            return try interpreter.compare(op, tuple, otherValue)
        }
    }
    package func binary(_ op: BinaryOp, _ other: Value, reflected: Bool, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .add, case .tuple(let items) = other else { return nil }
        return reflected ? .tuple(items + dims.map { .int($0) }) : .tuple(dims.map { .int($0) } + items)
    }
    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "numel": return .int(dims.reduce(1, *))
        case "index", "count": return try interpreter.callMethod(tuple, name, arguments)
        default: return nil
        }
    }
    package var attributeNames: [String] { ["count", "index", "numel"] }

    /// The dims over their sizes, as a table.
    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] {
        [("text/html", SmallTable.size(Shape(dims)).html())]
    }
}
