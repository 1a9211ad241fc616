/// A namespace: the workspace's globals, a function call's locals, or a class body.
/// All code shares one module scope (the workspace's), so `global` needs no link here.
final class Scope {
    var variables: [String: Value]
    /// The enclosing function scope (closures), or nil for the module and for scopes
    /// whose free names resolve straight to the module.
    let parent: Scope?
    /// Names declared `global` in this function.
    var globalNames: Set<String> = []
    /// Names declared `nonlocal` in this function.
    var nonlocalNames: Set<String> = []
    /// A class body: functions defined in it do not see its names (Python's rule).
    var isClassBody = false

    init(parent: Scope?, capacity: Int = 0) {
        self.variables = Dictionary(minimumCapacity: capacity)
        self.parent = parent
    }
}
