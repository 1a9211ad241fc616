import Glibc
@testable import ScriptLibrary
@testable import ScriptSession

/// Runs a program with the machine's `python3` (CPython is the specification of Recur's
/// standard modules) and returns its standard output.
enum LivePython {
    enum Failure: Error {
        case cannotRun(String)
    }

    static func output(of program: String) throws -> String {
        var template = Array("/tmp/recur-cpython-XXXXXX.py".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, 3)
        }
        guard fd >= 0 else { throw Failure.cannotRun("mkstemps") }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let bytes = Array(program.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { close(fd); throw Failure.cannotRun("write") }
        close(fd)
        guard let pipe = popen("python3 '\(path)'", "r") else { throw Failure.cannotRun("popen") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            output += buffer[0..<n]
            if n < buffer.count { break }
        }
        guard pclose(pipe) == 0 else { throw Failure.cannotRun("python3 failed on the program") }
        return String(decoding: output, as: UTF8.self)
    }
}
