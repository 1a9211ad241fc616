/// What a name bound by an import statement refers to, found in code that has not run.
package enum ImportBinding: Equatable {
    /// `import a.b` binds `a` to module `a`; `import a.b as c` binds `c` to `a.b`.
    case module(String)
    /// `from a.b import c` binds `c` to submodule `a.b.c` or to attribute `c` of `a.b`.
    case member(String, of: String)

    /// The names the import statements in `code` bind, the last import of a name winning.
    /// Each line (and each `;`-separated part) that starts with `import` or `from` is parsed
    /// on its own, so the rest of the code may be incomplete or invalid.
    package static func scan(_ code: String) -> [String: ImportBinding] {
        var bindings: [String: ImportBinding] = [:]
        for line in code.split(separator: "\n") {
            for part in line.split(separator: ";") {
                let statement = part.trimmingSpaces
                guard statement.hasPrefix("import ") || statement.hasPrefix("from "),
                      let parsed = try? Parser.parse(statement) else { continue }
                for stmt in parsed { record(stmt.kind, into: &bindings) }
            }
        }
        return bindings
    }

    private static func record(_ kind: StmtKind, into bindings: inout [String: ImportBinding]) {
        if case .import(let items) = kind {
            for item in items {
                guard let top = item.path.first else { continue }
                if let alias = item.alias {
                    bindings[alias] = .module(item.path.joined(separator: "."))
                } else {
                    bindings[top] = .module(top)
                }
            }
        } else if case .fromImport(let module, let names) = kind {
            for item in names {
                guard let name = item.path.first, name != "*" else { continue }
                bindings[item.alias ?? name] = .member(name, of: module.joined(separator: "."))
            }
        }
    }
}
