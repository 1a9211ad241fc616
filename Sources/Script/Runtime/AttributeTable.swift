/// An instance's attributes (its `__dict__`): names and values in insertion order, as
/// CPython keeps them. Found by comparing names (short names compare as two machine words)
/// while there are few, through an index once there are many: no string hashing on the
/// common `self.x` of a small object.
package struct AttributeTable: Sequence, ExpressibleByDictionaryLiteral {
    package private(set) var keys: [String] = []
    private(set) var values: [Value] = []
    /// Positions by name, kept once the table outgrows a linear search.
    private var index: [String: Int]?

    private static let indexedFrom = 12

    package init(dictionaryLiteral elements: (String, Value)...) {
        for (name, value) in elements { self[name] = value }
    }

    package var isEmpty: Bool { keys.isEmpty }
    package var count: Int { keys.count }

    @inline(__always)
    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        for i in keys.indices where keys[i] == name { return i }
        return nil
    }

    package subscript(name: String) -> Value? {
        get { position(of: name).map { values[$0] } }
        set {
            guard let newValue else {
                removeValue(forKey: name)
                return
            }
            if let i = position(of: name) {
                values[i] = newValue
                return
            }
            keys.append(name)
            values.append(newValue)
            if index != nil {
                index?[name] = keys.count - 1
            } else if keys.count >= AttributeTable.indexedFrom {
                index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            }
        }
    }

    /// Removes `name`; returns its value, or nil when it was not set.
    @discardableResult
    mutating func removeValue(forKey name: String) -> Value? {
        guard let i = position(of: name) else { return nil }
        let value = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil {
            index = keys.count >= AttributeTable.indexedFrom
                ? Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }) : nil
        }
        return value
    }

    /// Hands the values over (for iterative freeing) and empties the table.
    mutating func takeValues() -> [Value] {
        let taken = values
        keys = []
        values = []
        index = nil
        return taken
    }

    package func makeIterator() -> Zip2Sequence<[String], [Value]>.Iterator {
        zip(keys, values).makeIterator()
    }
}
