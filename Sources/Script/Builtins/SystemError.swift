import Glibc
import Rendering

/// CPython's `OSError` subclasses for a failed system call, with its `[Errno n] text: 'path'` message.
package enum SystemError {
    /// The exception CPython raises for `code` on `path` (strerror's text, as CPython uses).
    package static func make(_ code: Int32, _ path: String) -> ScriptError {
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

    /// `lseek` on an open file, raising the errno's exception.
    static func seek(_ descriptor: Int32, _ offset: Int, _ whence: Int32, _ path: String) throws(ScriptError) -> Int {
        let result = lseek(descriptor, off_t(offset), whence)
        guard result >= 0 else { throw current(path) }
        return Int(result)
    }

    /// Writes all of `bytes` to `descriptor` (retrying after signals).
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32, _ path: String) throws(ScriptError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw current(path)
            }
            offset += written
        }
    }

    /// The exception for the current `errno` on `path`.
    package static func current(_ path: String) -> ScriptError { make(errno, path) }

    /// A path argument: a `str`, or an object with `__fspath__` (a `pathlib.Path`).
    package static func path(_ value: Value, _ function: String, _ interpreter: Interpreter) throws(ScriptError) -> String {
        if case .instance = value, let converted = try interpreter.callSpecial(value, "__fspath__") {
            return try path(converted, function)
        }
        return try path(value, function)
    }

    /// A path argument: `str` only.
    package static func path(_ value: Value, _ function: String) throws(ScriptError) -> String {
        switch value {
        case .str(let s): return s
        case .int: throw .typeError("\(function)() takes a path as str in Recur (file descriptors are not provided)")
        default: throw .typeError("expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
    }
}
