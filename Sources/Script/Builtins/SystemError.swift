import Glibc

/// CPython's `OSError` subclasses for a failed system call, with its `[Errno n] text: 'path'` message.
enum SystemError {
    /// The exception CPython raises for `code` on `path` (strerror's text, as CPython uses).
    static func make(_ code: Int32, _ path: String) -> ScriptError {
        let kind: ExceptionKind = switch code {
        case ENOENT: .fileNotFoundError
        case EEXIST: .fileExistsError
        case EISDIR: .isADirectoryError
        case ENOTDIR: .notADirectoryError
        case EACCES, EPERM: .permissionError
        default: .osError
        }
        let text = strerror(code).map { String(cString: $0) } ?? "Unknown error \(code)"
        return ScriptError(kind, "[Errno \(code)] \(text): \(PythonString.repr(path))")
    }

    /// The exception for the current `errno` on `path`.
    static func current(_ path: String) -> ScriptError { make(errno, path) }

    /// A path argument: `str` only (Recur has no bytes or path-like objects yet).
    static func path(_ value: Value, _ function: String) throws(ScriptError) -> String {
        switch value {
        case .str(let s): return s
        case .int: throw .typeError("\(function)() takes a path as str in Recur (file descriptors are not provided)")
        default: throw .typeError("expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
    }
}
