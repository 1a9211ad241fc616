import Script
/// `numpy`, `numpy.random` and `numpy.exceptions`.
package enum NumPyLibrary: ModuleProvider {
    package static func register(in library: inout ModuleLibrary) {
        library.add("numpy") { (i, m) throws(ScriptError) in try NumPyModule.fill(i, m) }
        library.add("numpy.random") { (i, m) throws(ScriptError) in
            m.namespace = try NumPyRandomModule.module(i).namespace
            m.missingAttributeNote = " (Recur provides a subset of NumPy: see docs/NUMPY.md)"
        }
        library.add("numpy.exceptions") { (i, m) throws(ScriptError) in m.namespace = NumPyModule.exceptionsModule(i).namespace }
    }
}
