import Rendering
import Tensors
import Script

/// `torch.Size([5, 1, 4])`: a tuple of ints that prints as PyTorch prints shapes.
package final class SizeObject: DeclaredObject {
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
    package static let declaration = NativeType<SizeObject>(methods: [
        NativeMethod("count", "(value, /)", .singleArgument, owner: "tuple", doc: "Return number of occurrences of value.") {
            size, a, interpreter throws(ScriptError) in
            try interpreter.callMethod(size.tuple, "count", Arguments([a.required(0)]))
        },
        NativeMethod("index", "(value, start=0, stop=sys.maxsize, /)", .clinic, owner: "tuple", doc: "Return first index of value.") {
            size, a, interpreter throws(ScriptError) in
            try interpreter.callMethod(size.tuple, "index", Arguments(a.values.compactMap { $0 }))
        },
        NativeMethod("numel", "()", .noArguments, doc: "Returns the number of elements a torch.Size would hold.") {
            size, _, _ throws(ScriptError) in
            var n = 1
            for d in size.dims {
                let (product, overflow) = n.multipliedReportingOverflow(by: d)
                guard !overflow else { throw ScriptError(.overflowError, "Python int too large to convert to C long") }
                n = product
            }
            return .int(n)
        },
    ])

    /// The dims over their sizes, as a table.
    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] {
        [("text/html", SmallTable.size(Shape(dims)).html())]
    }
}
