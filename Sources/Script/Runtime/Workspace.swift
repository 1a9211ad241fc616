/// What persists between cells: variables, loaded modules and library state.
final class Workspace {
    let globals = Scope(parent: nil, capacity: 64)
    /// Modules imported so far, by dotted name.
    var modules: [String: ModuleObject] = [:]
    /// Library state that outlives cells (the torch bridge's RNG, grad mode, ...).
    var extensions: [ObjectIdentifier: AnyObject] = [:]
    /// The modules `import` can load.
    let library: ModuleLibrary

    init(library: ModuleLibrary) {
        self.library = library
    }

    /// Forgets every variable and module (`%reset -f`); library state stays.
    func reset() {
        globals.variables.removeAll()
        modules.removeAll()
    }

    /// Names a user defined (for `%who`), sorted as IPython lists them.
    var userNames: [String] {
        globals.variables.keys.filter { !$0.hasPrefix("_") }.sorted()
    }
}
