import Glibc

/// Writes a kernelspec directory (`kernel.json` and logos) the way
/// `jupyter kernelspec install` lays it out.
public struct KernelspecInstaller {
    /// Where kernelspecs go.
    public enum Destination: Sendable, Equatable {
        /// The system-wide data directory, `/usr/local/share/jupyter`.
        case system
        /// The user's data directory (`JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`,
        /// else `~/.local/share/jupyter`).
        case user
        /// The active Python environment (`VIRTUAL_ENV` or `CONDA_PREFIX`).
        case sysPrefix
        /// `PREFIX/share/jupyter`.
        case prefix(String)
    }

    /// Why the kernelspec could not be installed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, for the user.
        public let description: String
    }

    /// The kernelspec's directory name.
    public let name: String
    /// The absolute path of the kernel executable that `argv[0]` must name.
    public let executable: String
    /// The directory holding the template `kernel.json` and logo files.
    public let templateDirectory: String

    /// Logo files copied when the template directory has them.
    static let logoFiles = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]

    /// Creates an installer.
    public init(name: String, executable: String, templateDirectory: String) {
        self.name = name
        self.executable = executable
        self.templateDirectory = templateDirectory
    }

    /// Installs into `destination`; returns the kernelspec directory written.
    public func install(to destination: Destination, environment: [String: String]) throws(Failure) -> String {
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isNameByte) else {
            throw Failure(description: "kernel name \"\(name)\" may only use letters, digits, '.', '_' and '-'")
        }
        // "." and ".." would write into kernels/ or its parent, and a leading dot hides the
        // directory.
        guard name.first != "." else {
            throw Failure(description: "kernel name \"\(name)\" may not start with '.'")
        }
        let directory = try Self.dataDirectory(destination, environment) + "/kernels/" + name
        guard FileBytes.makeDirectories(directory) else {
            throw Failure(description: "cannot create \(directory): " + String(cString: strerror(errno)))
        }
        guard FileBytes.write(try kernelJSON(), to: directory + "/kernel.json") else {
            throw Failure(description: "cannot write \(directory)/kernel.json")
        }
        for logo in Self.logoFiles {
            guard let bytes = FileBytes.read(path: templateDirectory + "/" + logo) else { continue }
            guard FileBytes.write(bytes, to: directory + "/" + logo) else {
                throw Failure(description: "cannot write \(directory)/\(logo)")
            }
        }
        return directory
    }

    /// The template's `kernel.json` with `argv[0]` replaced by the executable's path.
    func kernelJSON() throws(Failure) -> [UInt8] {
        let path = templateDirectory + "/kernel.json"
        guard let text = FileBytes.read(path: path) else { throw Failure(description: "cannot read \(path)") }
        guard case .object(var spec)? = try? JSONValue.parse(text), case .array(var argv)? = spec["argv"],
            !argv.isEmpty
        else {
            throw Failure(description: "\(path) is not a kernelspec with an argv list")
        }
        argv[0] = .string(executable)
        spec["argv"] = .array(argv)
        return JSONValue.object(spec).serialized + [0x0A]
    }

    private static func dataDirectory(_ destination: Destination, _ environment: [String: String]) throws(Failure) -> String {
        switch destination {
        case .system:
            return "/usr/local/share/jupyter"
        case .user:
            guard let directory = JupyterPaths.userDataDirectory(environment: environment) else {
                throw Failure(description: "--user needs HOME or JUPYTER_DATA_DIR to be set")
            }
            return directory
        case .sysPrefix:
            guard let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"], !prefix.isEmpty else {
                throw Failure(description: "--sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX); use --prefix DIR")
            }
            return prefix + "/share/jupyter"
        case .prefix(let prefix):
            return prefix + "/share/jupyter"
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
