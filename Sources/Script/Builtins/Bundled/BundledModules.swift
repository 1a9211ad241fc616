/// Standard-library modules written in Recur script (`itertools`, `functools`, `operator`,
/// `heapq`, `bisect`, `argparse`, `__future__`, `typing`, `pathlib`, `textwrap`, `shutil`, `enum`, ...), after CPython's pure-Python versions and documented equivalents. Each
/// runs as a module of its own when first imported.
package enum BundledModules {
    package static func fill(_ source: String, _ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        try interpreter.runModuleCode(module, text: source, file: "<recur \(module.name)>", package: nil, bundled: true)
    }
}
