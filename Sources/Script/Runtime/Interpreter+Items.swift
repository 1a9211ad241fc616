extension Interpreter {
    /// An integer for indexing: ints, bools, and objects standing for one (0-d int tensors).
    package func indexValue(_ value: Value, container: String = "list") throws(ScriptError) -> Int {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let object):
            if let i = try object.index(interpreter: self) { return i }
        case .instance:
            if let method = try attributeIfPresent(value, "__index__"),
               case .int(let i) = try call(method, Arguments()) { return i }
        case .none, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type, .module:
            break
        }
        throw .typeError("\(container) indices must be integers or slices, not \(value.typeName)")
    }

    package func normalize(_ index: Int, count: Int, _ what: String) throws(ScriptError) -> Int {
        let i = index < 0 ? index + count : index
        guard i >= 0 && i < count else { throw .indexError("\(what) index out of range") }
        return i
    }

    package func item(_ container: Value, _ key: Value) throws(ScriptError) -> Value {
        switch container {
        case .list(let list):
            if case .object(let object) = key, let slice = object as? SliceObject {
                let positions = try slice.positions(length: list.items.count, interpreter: self)
                return .list(ListObject(positions.map { list.items[$0] }))
            }
            return list.items[try normalize(try indexValue(key), count: list.items.count, "list")]
        case .tuple(let items):
            if case .object(let object) = key, let slice = object as? SliceObject {
                return .tuple(try slice.positions(length: items.count, interpreter: self).map { items[$0] })
            }
            return items[try normalize(try indexValue(key, container: "tuple"), count: items.count, "tuple")]
        case .str(let string):
            let text = CodePoints(string, tables: codePointTables)
            let count = text.count
            if case .object(let object) = key, let slice = object as? SliceObject {
                let (start, stop, step) = try slice.indices(length: count, interpreter: self)
                if step == 1 { return .str(text.slice(start, stop)) }
                let scalars = Array(string.unicodeScalars)
                var view = String.UnicodeScalarView()
                for p in try slice.positions(length: count, interpreter: self) { view.append(scalars[p]) }
                return .str(String(view))
            }
            let i = try normalize(try indexValue(key, container: "string"), count: count, "string")
            return .str(text.character(at: i))
        case .dict(let dict):
            if let value = try dict.get(key) { return value }
            throw .keyError(key, repr: try repr(key))
        case .object(let object):
            if let value = try object.item(key, interpreter: self) { return value }
        case .instance:
            if let method = try attributeIfPresent(container, "__getitem__") {
                return try call(method, Arguments([key]))
            }
        case .type(let type):
            if case .builtin = type.kind { return container }
            if let result = try callSpecial(container, "__getitem__", [key]) { return result }
            if let hook = type.lookup("__class_getitem__") { return try call(try attributeIfPresent(container, "__class_getitem__") ?? hook, Arguments([key])) }
        case .none, .bool, .int, .float, .set, .function, .builtin, .boundMethod, .module:
            break
        }
        throw .typeError("'\(container.typeName)' object is not subscriptable")
    }

    package func setItem(_ container: Value, _ key: Value, _ value: Value) throws(ScriptError) {
        switch container {
        case .list(let list):
            if case .object(let object) = key, let slice = object as? SliceObject {
                let replacement = try iterate(value)
                let (start, stop, step) = try slice.indices(length: list.items.count, interpreter: self)
                if step == 1 {
                    list.items.replaceSubrange(start..<max(start, stop), with: replacement)
                    return
                }
                let positions = Array(stride(from: start, to: stop, by: step))
                guard positions.count == replacement.count else {
                    throw .valueError("attempt to assign sequence of size \(replacement.count) to extended slice of size \(positions.count)")
                }
                for (p, v) in zip(positions, replacement) { list.items[p] = v }
                return
            }
            list.items[try normalize(try indexValue(key), count: list.items.count, "list assignment")] = value
            return
        case .dict(let dict):
            try dict.set(key, value)
            return
        case .object(let object):
            if try object.setItem(key, value, interpreter: self) { return }
        case .instance:
            if let method = try attributeIfPresent(container, "__setitem__") {
                _ = try call(method, Arguments([key, value]))
                return
            }
        case .none, .bool, .int, .float, .str, .tuple, .set, .function, .builtin, .boundMethod, .type, .module:
            break
        }
        throw .typeError("'\(container.typeName)' object does not support item assignment")
    }

    func deleteItem(_ container: Value, _ key: Value) throws(ScriptError) {
        switch container {
        case .list(let list):
            if case .object(let object) = key, let slice = object as? SliceObject {
                let positions = Set(try slice.positions(length: list.items.count, interpreter: self))
                list.items = list.items.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
                return
            }
            list.items.remove(at: try normalize(try indexValue(key), count: list.items.count, "list assignment"))
            return
        case .dict(let dict):
            if try dict.remove(key) == nil { throw .keyError(key, repr: try repr(key)) }
            return
        case .object(let object):
            if try object.deleteItem(key, interpreter: self) { return }
        case .instance:
            if let method = try attributeIfPresent(container, "__delitem__") {
                _ = try call(method, Arguments([key]))
                return
            }
        case .none, .bool, .int, .float, .str, .tuple, .set, .function, .builtin, .boundMethod, .type, .module:
            break
        }
        throw .typeError("'\(container.typeName)' object does not support item deletion")
    }
}
