/// The modules scripts can import: a name and a function that fills the module in.
struct ModuleLibrary {
    typealias Factory = (Interpreter, ModuleObject) throws(ScriptError) -> Void

    /// Boxes a factory (storing typed-throws closures directly in a dictionary trips the compiler).
    final class Definition {
        let fill: Factory
        init(_ fill: @escaping Factory) { self.fill = fill }
    }

    var modules: [String: Definition] = [:]

    /// Makes `name` importable; `fill` populates the module when it is first imported.
    mutating func add(_ name: String, _ fill: @escaping Factory) {
        modules[name] = Definition(fill)
    }

    /// The standard library subset: `sys`, `math`, `time`.
    static var standard: ModuleLibrary {
        var library = ModuleLibrary()
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
        return library
    }

    /// Everything Recur script can import: the standard subset plus torch and safetensors.
    static var recur: ModuleLibrary {
        var library = ModuleLibrary.standard
        library.add("torch") { (i, m) throws(ScriptError) in try TorchModule.fill(i, m) }
        library.add("torch.nn") { (i, m) throws(ScriptError) in try TorchNN.fill(i, m) }
        library.add("torch.nn.init") { (i, m) throws(ScriptError) in try TorchInit.fill(i, m) }
        library.add("torch.nn.functional") { (i, m) throws(ScriptError) in try TorchFunctional.fill(i, m) }
        library.add("torch.nn.utils") { (i, m) throws(ScriptError) in try TorchFunctional.fillUtils(i, m) }
        library.add("torch.nn.utils.rnn") { (i, m) throws(ScriptError) in try TorchRNNUtils.fill(i, m) }
        library.add("torch.optim") { (i, m) throws(ScriptError) in try TorchOptim.fill(i, m) }
        library.add("torch.optim.lbfgs") { (i, m) throws(ScriptError) in try BundledModules.fill(BundledModules.lbfgs, i, m) }
        library.add("torch.optim.lr_scheduler") { (i, m) throws(ScriptError) in try TorchLRScheduler.fill(i, m) }
        library.add("torch.autograd") { (i, m) throws(ScriptError) in try TorchAutograd.fill(i, m) }
        library.add("torch.utils") { _, _ throws(ScriptError) in }
        library.add("torch.utils.data") { (i, m) throws(ScriptError) in try TorchData.fill(i, m) }
        library.add("numpy") { (i, m) throws(ScriptError) in try NumPyModule.fill(i, m) }
        library.add("numpy.random") { (i, m) throws(ScriptError) in
            m.namespace = try NumPyRandomModule.module(i).namespace
            m.missingAttributeNote = " (Recur provides a subset of NumPy: see docs/NUMPY.md)"
        }
        library.add("numpy.exceptions") { (i, m) throws(ScriptError) in m.namespace = NumPyModule.exceptionsModule(i).namespace }
        library.add("torch.cuda") { (i, m) throws(ScriptError) in try TorchModule.fillCuda(i, m) }
        library.add("torch.serialization") { (i, m) throws(ScriptError) in TorchSerialization.fillModule(i, m) }
        library.add("torch.onnx") { (i, m) throws(ScriptError) in TorchModule.fillOnnx(i, m) }
        library.add("safetensors") { _, _ throws(ScriptError) in }
        library.add("safetensors.torch") { (i, m) throws(ScriptError) in try SafetensorsModule.fill(i, m) }
        library.add("matplotlib") { _, _ throws(ScriptError) in }
        library.add("matplotlib.pyplot") { (i, m) throws(ScriptError) in try PyplotModule.fill(i, m) }
        library.add("IPython") { _, _ throws(ScriptError) in }
        library.add("IPython.display") { (i, m) throws(ScriptError) in try IPythonDisplayModule.fill(i, m) }
        library.add("IPython.utils") { _, _ throws(ScriptError) in }
        library.add("IPython.utils.text") { (i, m) throws(ScriptError) in try BundledModules.fill(BundledModules.ipythonText, i, m) }
        library.add("_recur_comm") { (i, m) throws(ScriptError) in try CommModule.fill(i, m) }
        library.add("ipywidgets") { (i, m) throws(ScriptError) in
            try BundledModules.fill(WidgetsSource.ipywidgets, i, m)
            m.missingAttributeNote = " (Recur provides a subset of ipywidgets: see docs/DISPLAY.md)"
        }
        for name in ["tqdm", "tqdm.auto", "tqdm.notebook"] { library.add(name) { (i, m) throws(ScriptError) in try TqdmModule.fill(i, m) } }
        return library
    }
}
