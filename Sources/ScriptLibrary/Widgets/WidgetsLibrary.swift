import Script
/// `ipywidgets` and the comm module under it.
package enum WidgetsLibrary: ModuleProvider {
    package static func register(in library: inout ModuleLibrary) {
        library.add("_recur_comm") { (i, m) throws(ScriptError) in try CommModule.fill(i, m) }
        library.add("ipywidgets") { (i, m) throws(ScriptError) in
            try BundledModules.fill(WidgetsSource.ipywidgets, i, m)
            m.missingAttributeNote = " (Recur provides a subset of ipywidgets: see docs/DISPLAY.md)"
        }
    }
}
