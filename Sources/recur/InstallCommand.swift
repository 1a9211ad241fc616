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
        let directory = try installer.install(to: destination, environment: ProcessInfoLite.environment())
        print("Installed kernelspec \(name) in \(directory)")
    }
}
