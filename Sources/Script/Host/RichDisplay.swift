import Tensors
import Rendering

/// Chooses the rich representation of a script value, beside the `text/plain` repr the
/// caller computes: a native object's own (tensors, `torch.Size`, modules, figures), or HTML
/// tables for lists of indices and character dictionaries; everything else gets none.
package enum RichDisplay {
    /// Lists and dicts longer than this are not worth a table (and are not scanned).
    static let maxItems = 10_000

    /// The extra `(mime, data)` pairs for `value`; empty when plain text is all it has.
    package static func extra(for value: Value, interpreter: Interpreter) -> [(mime: String, data: String)] {
        if case .object(let object) = value { return object.richDisplay(interpreter: interpreter) }
        if case .instance(let instance) = value, let native = instance.native as? InstanceNative {
            return native.richDisplay(of: instance, interpreter: interpreter)
        }
        if case .list(let list) = value, let table = table(forList: list.items) {
            return [("text/html", table.html())]
        }
        if case .dict(let dict) = value, let table = table(forDict: dict) {
            return [("text/html", table.html())]
        }
        return []
    }

    /// `[1, 0, 2, 2, 3]` as indices; `['e', 'h', 'l', 'o']` as an index-to-character table.
    package static func table(forList items: [Value]) -> SmallTable? {
        guard !items.isEmpty, items.count <= maxItems else { return nil }
        var integers: [Int] = []
        var characters: [String] = []
        for item in items {
            if case .int(let i) = item {
                integers.append(i)
            } else if case .str(let s) = item, s.count == 1 {
                characters.append(s)
            } else {
                return nil
            }
        }
        // The caption is the list's repr, so the table adds to what Python would print.
        if integers.count == items.count {
            var table = SmallTable.indices(integers)
            table.caption = "[" + integers.map(String.init).joined(separator: ", ") + "]"
            return table
        }
        if characters.count == items.count {
            var table = SmallTable.vocabulary(characters.map(visible))
            table.caption = "[" + characters.map(PythonString.repr).joined(separator: ", ") + "]"
            return table
        }
        return nil
    }

    /// `{'e': 0, 'h': 1}` (single-character keys, integer values) as a character table.
    package static func table(forDict dict: DictObject) -> SmallTable? {
        guard dict.count > 0, dict.count <= maxItems else { return nil }
        var pairs: [(key: String, value: String)] = []
        for (key, value) in dict.items {
            guard case .str(let s) = key, s.count == 1, case .int(let i) = value else { return nil }
            pairs.append((visible(s), String(i)))
        }
        var table = SmallTable.mapping(pairs)
        table.caption = "{" + dict.items.compactMap { key, value -> String? in
            guard case .str(let s) = key, case .int(let i) = value else { return nil }
            return PythonString.repr(s) + ": " + String(i)
        }.joined(separator: ", ") + "}"
        return table
    }

    /// A character as a table cell: itself, or its repr when it would be invisible.
    package static func visible(_ character: String) -> String {
        let invisible = character.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
        return invisible ? PythonString.repr(character) : character
    }
}
