import Glibc
import Rendering

/// `os`: the working directory, directory listing and creation, removal and the environment.
package enum OSModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "os.\(signature)", body))
        }
        module.namespace["path"] = .module(try interpreter.loadModule("os.path"))
        module.namespace["sep"] = .str("/")
        module.namespace["linesep"] = .str("\n")
        module.namespace["curdir"] = .str(".")
        module.namespace["pardir"] = .str("..")
        module.namespace["name"] = .str("posix")
        module.namespace["environ"] = .dict(try environment())
        add("getcwd", "getcwd()") { _, a throws(ScriptError) in
            try a.expect("getcwd", 0...0)
            return .str(try PosixPath.currentDirectory())
        }
        add("getenv", "getenv(key, default=None)") { _, a throws(ScriptError) in
            try a.expect("getenv", 1...2, keywords: ["key", "default"])
            let key = try (a.value(0, "key") ?? .none).asString("str expected, not \(a.positional[0].typeName); getenv key")
            return getenv(key).map { .str(String(cString: $0)) } ?? a.value(1, "default") ?? .none
        }
        add("listdir", "listdir(path='.')") { _, a throws(ScriptError) in
            try a.expect("listdir", 0...1, keywords: ["path"])
            let path = try a.value(0, "path").map { (v) throws(ScriptError) in try SystemError.path(v, "listdir") } ?? "."
            return .list(ListObject(try entries(path).map(Value.str)))
        }
        add("mkdir", "mkdir(path, mode=0o777)") { interpreter, a throws(ScriptError) in
            try a.expect("mkdir", 1...2, keywords: ["mode"])
            try makeDirectory(try SystemError.path(a.positional[0], "mkdir"), try permissions(a, interpreter))
            return .none
        }
        add("makedirs", "makedirs(name, mode=0o777, exist_ok=False)") { interpreter, a throws(ScriptError) in
            try a.expect("makedirs", 1...3, keywords: ["mode", "exist_ok"])
            let existOK = try a.value(2, "exist_ok").map { (v) throws(ScriptError) in try interpreter.truth(v) } ?? false
            try makeDirectories(try SystemError.path(a.positional[0], "makedirs"), try permissions(a, interpreter), existOK: existOK)
            return .none
        }
        for name in ["remove", "unlink", "rmdir"] {
            add(name, "\(name)(path)") { _, a throws(ScriptError) in
                try a.expect(name, 1...1, keywords: ["path"])
                let path = try SystemError.path(a.value(0, "path") ?? .none, name)
                guard (name == "rmdir" ? Glibc.rmdir(path) : unlink(path)) == 0 else { throw SystemError.current(path) }
                return .none
            }
        }
        add("rename", "rename(src, dst)") { _, a throws(ScriptError) in
            try a.expect("rename", 2...2)
            let source = try SystemError.path(a.positional[0], "rename"), target = try SystemError.path(a.positional[1], "rename")
            guard Glibc.rename(source, target) == 0 else {
                var error = SystemError.current(source)
                if case .builtin(let kind, let message) = error.payload { error.payload = .builtin(kind, message + " -> " + PythonString.repr(target)) }
                throw error
            }
            return .none
        }
    }

    private static func permissions(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> mode_t {
        guard let value = a.value(1, "mode") else { return 0o777 }
        let mode = try interpreter.indexValue(value)
        guard (0...0o7777).contains(mode) else { throw ScriptError(.overflowError, "mode is out of range") }
        return mode_t(mode)
    }

    static func makeDirectory(_ path: String, _ mode: mode_t) throws(ScriptError) {
        guard mkdir(path, mode) == 0 else { throw SystemError.current(path) }
    }

    /// CPython's `os.makedirs`: parents first, a parent that appears meanwhile is fine.
    static func makeDirectories(_ path: String, _ mode: mode_t, existOK: Bool) throws(ScriptError) {
        // The parents are made recursively: refuse what no file system accepts before recursing.
        if path.utf8.count >= Int(PATH_MAX) { throw SystemError.make(ENAMETOOLONG, path) }
        var (head, tail) = PosixPath.split(path)
        if tail.isEmpty { (head, tail) = PosixPath.split(head) }
        if !head.isEmpty && !tail.isEmpty && PosixPath.mode(head) == nil {
            do {
                try makeDirectories(head, mode, existOK: existOK)
            } catch {
                guard case .builtin(.fileExistsError, _) = error.payload else { throw error }
            }
            if tail == "." { return }
        }
        do {
            try makeDirectory(path, mode)
        } catch {
            if !existOK || !PosixPath.isDirectory(path) { throw error }
        }
    }

    /// A directory's names in the order the file system gives them (as `os.listdir`).
    package static func entries(_ path: String) throws(ScriptError) -> [String] {
        guard let directory = opendir(path) else { throw SystemError.current(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `os.environ`: a dict of the environment when `os` is first imported.
    private static func environment() throws(ScriptError) -> DictObject {
        let dict = DictObject()
        var cursor = environ
        while let pointer = cursor.pointee {
            let entry = String(cString: pointer)
            if let equals = entry.firstIndex(of: "=") {
                try dict.set(.str(String(entry[..<equals])), .str(String(entry[entry.index(after: equals)...])))
            }
            cursor += 1
        }
        return dict
    }
}
