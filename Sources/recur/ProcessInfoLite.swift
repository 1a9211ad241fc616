import Glibc

/// The few facts about this process that the commands need, without Foundation.
enum ProcessInfoLite {
    /// The resolved absolute path of the running executable.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The environment as a dictionary.
    static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// `path` made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return cwd + "/" + path
    }

    /// The `kernelspec/recur` template directory: searched upwards from the executable
    /// (a build tree such as `.build/release/recur`) and in `../share/recur` (an install).
    static func kernelspecTemplate(near executable: String) -> String? {
        var directory = String(executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)])
        let installed = directory + "/../share/recur/kernelspec"
        if access(installed + "/kernel.json", R_OK) == 0 { return installed }
        for _ in 0..<6 {
            let candidate = directory + "/kernelspec/recur"
            if access(candidate + "/kernel.json", R_OK) == 0 { return candidate }
            guard let slash = directory.lastIndex(of: "/"), !directory.isEmpty else { break }
            directory = String(directory[..<slash])
        }
        return nil
    }
}
