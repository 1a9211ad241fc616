import Script
/// `IPython.display` and `tqdm`, and the `display` builtin IPython kernels have.
package enum DisplayLibrary: ModuleProvider {
    package static func register(in library: inout ModuleLibrary) {
        library.addBuiltin("display") { .builtin(IPythonDisplayModule.makeDisplay()) }
        library.add("IPython.display") { (i, m) throws(ScriptError) in try IPythonDisplayModule.fill(i, m) }
        for name in ["tqdm", "tqdm.auto", "tqdm.notebook"] { library.add(name) { (i, m) throws(ScriptError) in try TqdmModule.fill(i, m) } }
    }
}
