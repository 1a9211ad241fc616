/// Numbers for identifiers, shared by everything a session runs: scopes index variables by
/// these numbers instead of hashing names.
package final class SymbolTable {
    private var ids: [String: Int] = [:]
    private(set) var names: [String] = []

    package init() {}

    /// The number for `name`, assigning the next one on first sight.
    package func intern(_ name: String) -> Int {
        if let id = ids[name] { return id }
        let id = names.count
        ids[name] = id
        names.append(name)
        return id
    }

    /// The number for `name` if it was ever seen.
    package func existing(_ name: String) -> Int? { ids[name] }

    package func name(_ id: Int) -> String { id >= 0 && id < names.count ? names[id] : "?" }
}
