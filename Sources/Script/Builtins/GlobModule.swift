import Glibc

/// `glob.glob`: CPython's `glob` algorithm. Matches come in the file system's directory order,
/// unsorted, exactly as CPython returns them (`sorted(glob.glob(...))` for a stable order).
package enum GlobModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["glob"] = .builtin(BuiltinFunction("glob", signature: "glob.glob(pathname, *, recursive=False)",
                                                            doc: "Return a list of paths matching a pathname pattern.") { interpreter, a throws(ScriptError) in
            try a.expect("glob", 1...1, keywords: ["recursive"])
            let pattern = try SystemError.path(a.positional[0], "glob")
            if let recursive = a.keyword("recursive"), try interpreter.truth(recursive) {
                throw ScriptError(.notImplementedError, "glob.glob(recursive=True) is not provided by Recur; '**' matches one directory level as with recursive=False")
            }
            return .list(ListObject(glob(pattern, directoriesOnly: false).map(Value.str)))
        })
        module.namespace["has_magic"] = .builtin(BuiltinFunction("has_magic", signature: "glob.has_magic(s)") { _, a throws(ScriptError) in
            try a.expect("has_magic", 1...1)
            return .bool(hasMagic(try a.positional[0].asString("has_magic() argument")))
        })
    }

    static func hasMagic(_ s: String) -> Bool { s.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    static func glob(_ pattern: String, directoriesOnly: Bool) -> [String] {
        let (directory, base) = PosixPath.split(pattern)
        guard hasMagic(pattern) else {
            if base.isEmpty { return PosixPath.isDirectory(directory) ? [pattern] : [] }
            var info = stat()
            return lstat(pattern, &info) == 0 ? [pattern] : []
        }
        if directory.isEmpty { return matches(in: "", base, directoriesOnly: directoriesOnly) }
        let directories = directory != pattern && hasMagic(directory) ? glob(directory, directoriesOnly: true) : [directory]
        var found: [String] = []
        for parent in directories {
            let names: [String]
            if hasMagic(base) {
                names = matches(in: parent, base, directoriesOnly: directoriesOnly)
            } else if base.isEmpty {
                names = PosixPath.isDirectory(parent) ? [base] : []
            } else {
                var info = stat()
                names = lstat(PosixPath.join(parent, [base]), &info) == 0 ? [base] : []
            }
            found += names.map { PosixPath.join(parent, [$0]) }
        }
        return found
    }

    /// Names in `directory` matching `pattern`; hidden names only for a pattern starting with a dot.
    private static func matches(in directory: String, _ pattern: String, directoriesOnly: Bool) -> [String] {
        let path = directory.isEmpty ? "." : directory
        guard var names = try? OSModule.entries(path) else { return [] }
        if directoriesOnly { names = names.filter { PosixPath.isDirectory(PosixPath.join(path, [$0])) } }
        if !pattern.hasPrefix(".") { names = names.filter { !$0.hasPrefix(".") } }
        // FNM_NOESCAPE: in Python's fnmatch a backslash is an ordinary character.
        return names.filter { fnmatch(pattern, $0, FNM_NOESCAPE) == 0 }
    }
}
