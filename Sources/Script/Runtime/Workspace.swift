/// What persists between cells: variables, loaded modules and library state.
package final class Workspace {
    package let globals = Scope(module: ())
    /// Numbers for identifiers; kept across `%reset` so parsed code stays valid.
    package let symbols: SymbolTable
    /// Modules imported so far, by dotted name.
    package var modules: [String: ModuleObject] = [:]
    /// Library state that outlives cells (the torch bridge's RNG, grad mode, ...).
    package var extensions: [ObjectIdentifier: AnyObject] = [:]
    /// The modules `import` can load.
    package let library: ModuleLibrary
    /// `sys.modules`: every module imported, by name (file modules are looked up here).
    let sysModules = DictObject()
    /// `recur run`: the script's directory (`sys.path[0]`) and `sys.argv`; nil in the kernel.
    package var scriptDirectory: String?
    package var argv: [String] = []

    package init(library: ModuleLibrary, symbols: SymbolTable) {
        self.library = library
        self.symbols = symbols
    }

    /// Forgets every variable and module (`%reset -f`); library state stays.
    package func reset() {
        globals.removeAll()
        modules.removeAll()
        sysModules.removeAll()
    }

    /// Names a user defined (for `%who`), sorted as IPython lists them.
    var userNames: [String] {
        globals.entries.map { symbols.name($0.id) }.filter { !$0.hasPrefix("_") }.sorted()
    }

    /// A global's value by name.
    package func global(_ name: String) -> Value? {
        symbols.existing(name).flatMap { globals.local($0) }
    }

    /// Every global's name and value.
    var globalEntries: [(name: String, value: Value)] {
        globals.entries.map { (symbols.name($0.id), $0.value) }
    }
}
