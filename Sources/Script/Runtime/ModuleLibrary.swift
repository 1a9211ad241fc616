/// A library contributing importable modules: the standard library here, PyTorch, NumPy,
/// plotting, display and widgets in theirs. A session's `ModuleLibrary` is made from a list
/// of providers, so the language core never names the libraries built on it.
package protocol ModuleProvider {
    /// Makes the provider's modules importable in `library`.
    static func register(in library: inout ModuleLibrary)
}

/// The modules scripts can import: a name and a function that fills the module in.
package struct ModuleLibrary {
    package typealias Factory = (Interpreter, ModuleObject) throws(ScriptError) -> Void

    /// Boxes a factory (storing typed-throws closures directly in a dictionary trips the compiler).
    package final class Definition {
        package let fill: Factory
        init(_ fill: @escaping Factory) { self.fill = fill }
    }

    package var modules: [String: Definition] = [:]
    /// Names a library adds to the builtins (IPython's `display`), made for each interpreter.
    private(set) var builtins: [(name: String, make: () -> Value)] = []

    /// The modules of `providers`; a later provider's module replaces an earlier one's.
    package init(_ providers: [any ModuleProvider.Type] = []) {
        for provider in providers { provider.register(in: &self) }
    }

    /// Makes `name` importable; `fill` populates the module when it is first imported.
    package mutating func add(_ name: String, _ fill: @escaping Factory) {
        modules[name] = Definition(fill)
    }

    /// Makes `name` a builtin in every interpreter over this library.
    package mutating func addBuiltin(_ name: String, _ make: @escaping () -> Value) {
        builtins.append((name, make))
    }
}

/// The standard library subset: `sys`, `math`, `time`, `random`, `collections`, `re`, ...
package enum StandardLibrary: ModuleProvider {
    package static func register(in library: inout ModuleLibrary) {
        library.add("sys") { (interpreter, module) throws(ScriptError) in try StandardModules.sys(interpreter, module) }
        library.add("math") { (interpreter, module) throws(ScriptError) in try StandardModules.math(interpreter, module) }
        library.add("time") { (interpreter, module) throws(ScriptError) in try TimeModule.fill(interpreter, module) }
        library.add("gc") { (interpreter, module) throws(ScriptError) in try StandardModules.gc(interpreter, module) }
        library.add("random") { (interpreter, module) throws(ScriptError) in try RandomModule.fill(interpreter, module) }
        library.add("os") { (interpreter, module) throws(ScriptError) in try OSModule.fill(interpreter, module) }
        library.add("os.path") { (interpreter, module) throws(ScriptError) in try PosixPath.fill(interpreter, module) }
        library.add("glob") { (interpreter, module) throws(ScriptError) in try GlobModule.fill(interpreter, module) }
        library.add("collections") { (interpreter, module) throws(ScriptError) in try CollectionsModule.fill(interpreter, module) }
        library.add("json") { (interpreter, module) throws(ScriptError) in try JSONModule.fill(interpreter, module) }
        library.add("pickle") { (interpreter, module) throws(ScriptError) in try PickleModule.fill(interpreter, module) }
        library.add("string") { (interpreter, module) throws(ScriptError) in try StringModule.fill(interpreter, module) }
        library.add("importlib") { (interpreter, module) throws(ScriptError) in try ImportlibModule.fill(interpreter, module) }
        for (name, source) in [("itertools", BundledModules.itertools), ("functools", BundledModules.functools),
                               ("operator", BundledModules.`operator`), ("heapq", BundledModules.heapq), ("bisect", BundledModules.bisect),
                               ("argparse", BundledModules.argparse), ("__future__", BundledModules.future),
                               ("typing", BundledModules.typing), ("pathlib", BundledModules.pathlib),
                               ("textwrap", BundledModules.textwrap), ("shutil", BundledModules.shutil),
                               ("re", BundledModules.re), ("dataclasses", BundledModules.dataclasses),
                               ("statistics", BundledModules.statistics), ("datetime", BundledModules.datetime),
                               ("enum", BundledModules.`enum`)] {
            library.add(name) { (interpreter, module) throws(ScriptError) in try BundledModules.fill(source, interpreter, module) }
        }
        library.add("unicodedata") { (interpreter, module) throws(ScriptError) in try UnicodedataModule.fill(interpreter, module) }
        library.add("copy") { (interpreter, module) throws(ScriptError) in try CopyModule.fill(interpreter, module) }
        library.add("csv") { (interpreter, module) throws(ScriptError) in try CsvModule.fill(interpreter, module) }
        library.add("gzip") { (interpreter, module) throws(ScriptError) in try GzipModule.fill(interpreter, module) }
        library.add("zipfile") { (interpreter, module) throws(ScriptError) in try ZipfileModule.fill(interpreter, module) }
        library.add("warnings") { (interpreter, module) throws(ScriptError) in try WarningsModule.fill(interpreter, module) }
        library.add("_pcre2") { (interpreter, module) throws(ScriptError) in try RegexEngineModule.fill(interpreter, module) }
        library.add("io") { (interpreter, module) throws(ScriptError) in try IOModule.fill(interpreter, module) }
        library.add("IPython") { _, _ throws(ScriptError) in }
        library.add("IPython.utils") { _, _ throws(ScriptError) in }
        library.add("IPython.utils.text") { (i, m) throws(ScriptError) in try BundledModules.fill(BundledModules.ipythonText, i, m) }
    }
}
