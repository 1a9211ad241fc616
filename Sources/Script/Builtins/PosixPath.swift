import Glibc

/// `os.path`: CPython's `posixpath` algorithms on strings, and `stat`-based queries.
package enum PosixPath {
    package static func join(_ first: String, _ rest: [String]) -> String {
        var path = first
        for part in rest {
            if part.hasPrefix("/") {
                path = part
            } else if path.isEmpty || path.hasSuffix("/") {
                path += part
            } else {
                path += "/" + part
            }
        }
        return path
    }

    /// `(head, tail)`: the head keeps its slashes only when it is all slashes.
    package static func split(_ path: String) -> (String, String) {
        let cut = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        var head = String(path[..<cut])
        let tail = String(path[cut...])
        if !head.isEmpty && head.contains(where: { $0 != "/" }) {
            while head.hasSuffix("/") { head.removeLast() }
        }
        return (head, tail)
    }

    static func splitext(_ path: String) -> (String, String) {
        let scalars = Array(path.unicodeScalars)
        let sep = scalars.lastIndex(of: "/") ?? -1
        guard let dot = scalars.lastIndex(of: "."), dot > sep else { return (path, "") }
        // A name made only of leading dots has no extension (`.bashrc`).
        for i in (sep + 1)..<dot where scalars[i] != "." {
            return (string(scalars[..<dot]), string(scalars[dot...]))
        }
        return (path, "")
    }

    static func normpath(_ path: String) -> String {
        if path.isEmpty { return "." }
        var slashes = path.hasPrefix("/") ? 1 : 0
        if path.hasPrefix("//") && !path.hasPrefix("///") { slashes = 2 }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." { continue }
            if part != ".." || (slashes == 0 && parts.isEmpty) || parts.last == ".." {
                parts.append(part)
            } else if !parts.isEmpty {
                parts.removeLast()
            }
        }
        let joined = String(repeating: "/", count: slashes) + parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    static func abspath(_ path: String) throws(ScriptError) -> String {
        normpath(path.hasPrefix("/") ? path : join(try currentDirectory(), [path]))
    }

    static func currentDirectory() throws(ScriptError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { throw SystemError.make(errno, ".") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The file's mode bits, or nil when `stat` fails (what `exists`/`isdir` answer False to).
    package static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode : nil
    }

    static func isDirectory(_ path: String) -> Bool { mode(path).map { $0 & S_IFMT == S_IFDIR } ?? false }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Fills `os.path`.
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "os.path.\(signature)", body))
        }
        func onePath(_ name: String, _ body: @escaping (String) throws(ScriptError) -> Value) {
            add(name, "\(name)(path)") { _, a throws(ScriptError) in
                try a.expect(name, 1...1)
                return try body(try SystemError.path(a.positional[0], name))
            }
        }
        add("join", "join(a, *p)") { _, a throws(ScriptError) in
            try a.expect("join", 1...Int.max)
            var parts: [String] = []
            for value in a.positional {
                guard case .str(let s) = value else {
                    throw .typeError("join() argument must be str, bytes, or os.PathLike object, not '\(value.typeName)'")
                }
                parts.append(s)
            }
            return .str(join(parts[0], Array(parts.dropFirst())))
        }
        onePath("split") { p throws(ScriptError) in let (h, t) = split(p); return .tuple([.str(h), .str(t)]) }
        onePath("basename") { p throws(ScriptError) in .str(split(p).1) }
        onePath("dirname") { p throws(ScriptError) in .str(split(p).0) }
        onePath("splitext") { p throws(ScriptError) in let (r, e) = splitext(p); return .tuple([.str(r), .str(e)]) }
        onePath("normpath") { p throws(ScriptError) in .str(normpath(p)) }
        onePath("abspath") { p throws(ScriptError) in .str(try abspath(p)) }
        onePath("isabs") { p throws(ScriptError) in .bool(p.hasPrefix("/")) }
        onePath("exists") { p throws(ScriptError) in .bool(mode(p) != nil) }
        onePath("isfile") { p throws(ScriptError) in .bool(mode(p).map { $0 & S_IFMT == S_IFREG } ?? false) }
        onePath("isdir") { p throws(ScriptError) in .bool(isDirectory(p)) }
        onePath("getsize") { p throws(ScriptError) in
            var info = stat()
            guard stat(p, &info) == 0 else { throw SystemError.current(p) }
            return .int(Int(info.st_size))
        }
        onePath("expanduser") { p throws(ScriptError) in .str(expandingUser(p)) }
        module.namespace["sep"] = .str("/")
    }
}

extension PosixPath {
    /// `os.path.expanduser`: a leading `~` or `~/` becomes `$HOME`.
    static func expandingUser(_ p: String) -> String {
        guard p == "~" || p.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }) else { return p }
        let rest = p.dropFirst()
        return home.hasSuffix("/") && rest.hasPrefix("/") ? String(home.dropLast()) + rest : home + rest
    }
}
