import Glibc
import Jupyter

/// The second half of `recur install`: the `recur-jupyter` Python package (papermill's
/// parameter translator and nbgrader's code stub for Recur, docs/CLASSROOM.md) goes into the
/// Python environment the kernelspec went into, so that both tools work with no configuration.
/// User and system installs have no environment of their own: for those it says what to run.
enum ToolsInstaller {
    /// The package's source folder: `python/` beside `kernelspec/` in a source tree, or
    /// `../share/recur/python` in an install.
    static func packageDirectory(near executable: String) -> String? {
        guard let template = ProcessInfoLite.kernelspecTemplate(near: executable) else { return nil }
        // The template is `<root>/kernelspec/recur` or `<prefix>/share/recur/kernelspec`.
        for candidate in [template + "/../../python", template + "/../python"]
        where access(candidate + "/pyproject.toml", R_OK) == 0 {
            return candidate
        }
        return nil
    }

    /// The Python of the environment a kernelspec destination belongs to, when it has one.
    static func python(for destination: KernelspecInstaller.Destination, environment: [String: String]) -> String? {
        let prefix: String?
        switch destination {
        case .sysPrefix: prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"]
        case .prefix(let path): prefix = path
        case .user, .system: prefix = nil
        }
        guard let prefix, access(prefix + "/bin/python", X_OK) == 0 else { return nil }
        return prefix + "/bin/python"
    }

    /// Runs `python -m pip install --quiet DIRECTORY` with the installer's output passed
    /// through; returns pip's exit status, or nil when it could not be started.
    static func pipInstall(python: String, directory: String) -> Int32? {
        let arguments = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", directory]
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, python, nil, nil, &pointers, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return nil }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
