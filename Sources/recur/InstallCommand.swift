import ArgumentParser
import Jupyter

/// `recur install`: writes the kernelspec so that Jupyter lists Recur.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Recur kernelspec for Jupyter.",
        discussion: "Without a location flag the kernelspec goes to /usr/local/share/jupyter/kernels."
    )

    @Flag(help: "Install for the current user.")
    var user = false

    @Flag(help: "Install into the active Python environment (VIRTUAL_ENV or CONDA_PREFIX).")
    var sysPrefix = false

    @Option(help: "Install into PREFIX/share/jupyter/kernels.")
    var prefix: String?

    @Option(help: "The kernelspec's name.")
    var name = "recur"

    @Flag(help: "Do not install the recur-jupyter package (papermill and nbgrader support) into the Python environment.")
    var noTools = false

    func validate() throws {
        let chosen = [user, sysPrefix, prefix != nil].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose at most one of --user, --sys-prefix and --prefix") }
    }

    func run() throws {
        let destination: KernelspecInstaller.Destination
        if user {
            destination = .user
        } else if sysPrefix {
            destination = .sysPrefix
        } else if let prefix {
            destination = .prefix(ProcessInfoLite.absolute(prefix))
        } else {
            destination = .system
        }
        guard let executable = ProcessInfoLite.executablePath() else {
            throw ValidationError("cannot find the path of the recur executable")
        }
        guard let template = ProcessInfoLite.kernelspecTemplate(near: executable) else {
            throw ValidationError("cannot find kernelspec/recur/kernel.json near \(executable)")
        }
        let installer = KernelspecInstaller(name: name, executable: executable, templateDirectory: template)
        let environment = ProcessInfoLite.environment()
        let directory = try installer.install(to: destination, environment: environment)
        print("Installed kernelspec \(name) in \(directory)")
        if !noTools { try installTools(executable: executable, destination: destination, environment: environment) }
    }

    /// papermill and nbgrader learn about Recur from the recur-jupyter package, in the
    /// environment they run in (docs/CLASSROOM.md).
    private func installTools(executable: String, destination: KernelspecInstaller.Destination,
                              environment: [String: String]) throws {
        guard let package = ToolsInstaller.packageDirectory(near: executable) else {
            print("For papermill and nbgrader, install the recur-jupyter package from Recur's python/ folder "
                + "where they run (docs/CLASSROOM.md).")
            return
        }
        guard let python = ToolsInstaller.python(for: destination, environment: environment) else {
            print("For papermill and nbgrader, also run in the Python environment that runs them: "
                + "python -m pip install \(package)")
            return
        }
        switch ToolsInstaller.pipInstall(python: python, directory: package) {
        case 0?:
            print("Installed recur-jupyter (papermill and nbgrader support) for \(python)")
        case let status?:
            throw ValidationError("installing recur-jupyter with \(python) -m pip failed (exit status \(status)); "
                + "--no-tools skips it")
        case nil:
            throw ValidationError("cannot run \(python) to install recur-jupyter; --no-tools skips it")
        }
    }
}
