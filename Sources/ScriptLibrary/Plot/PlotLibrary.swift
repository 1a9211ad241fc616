import Script
/// `matplotlib.pyplot`.
package enum PlotLibrary: ModuleProvider {
    package static func register(in library: inout ModuleLibrary) {
        library.add("matplotlib") { _, _ throws(ScriptError) in }
        library.add("matplotlib.pyplot") { (i, m) throws(ScriptError) in try PyplotModule.fill(i, m) }
    }
}
