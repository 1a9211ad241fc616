import Glibc
import Testing
@testable import Jupyter

@Suite struct KernelspecInstallerTests {
    private let template: String = {
        let file = #filePath
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // KernelspecInstallerTests.swift, JupyterTests, Tests
        return parts.joined(separator: "/") + "/kernelspec/recur"
    }()

    private func temporaryDirectory() -> String {
        var pattern = Array("/tmp/recur-install-XXXXXX".utf8CString)
        return pattern.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return "/tmp/recur-install-failed" }
            return String(cString: base)
        }
    }

    @Test func prefixInstallWritesKernelJSONWithTheExecutableAndTheLogos() throws {
        let prefix = temporaryDirectory()
        let installer = KernelspecInstaller(name: "recur-test", executable: "/opt/recur/bin/recur", templateDirectory: template)
        let directory = try installer.install(to: .prefix(prefix), environment: [:])
        #expect(directory == prefix + "/share/jupyter/kernels/recur-test")
        let spec = try JSONValue.parse(FileBytes.read(path: directory + "/kernel.json") ?? [])
        #expect(spec["argv"] == ["/opt/recur/bin/recur", "kernel", "-f", "{connection_file}"])
        #expect(spec["language"] == "recur")
        #expect(spec["interrupt_mode"] == "message")
        #expect(spec["metadata"]?["supported_encryption"] == ["curve"])
        for logo in KernelspecInstaller.logoFiles {
            #expect(FileBytes.read(path: directory + "/" + logo) == FileBytes.read(path: template + "/" + logo))
        }
    }

    @Test func userAndSysPrefixFollowTheEnvironment() throws {
        let home = temporaryDirectory()
        let installer = KernelspecInstaller(name: "recur", executable: "/x/recur", templateDirectory: template)
        #expect(try installer.install(to: .user, environment: ["HOME": home]) == home + "/.local/share/jupyter/kernels/recur")
        #expect(
            try installer.install(to: .user, environment: ["HOME": home, "JUPYTER_DATA_DIR": home + "/data"])
                == home + "/data/kernels/recur")
        #expect(
            try installer.install(to: .sysPrefix, environment: ["VIRTUAL_ENV": home + "/venv"])
                == home + "/venv/share/jupyter/kernels/recur")
        #expect(throws: KernelspecInstaller.Failure.self) { try installer.install(to: .sysPrefix, environment: [:]) }
    }

    @Test func badNamesAndMissingTemplatesAreRefused() {
        let prefix = temporaryDirectory()
        // Each a path component that is not a directory of its own under kernels/.
        for name in ["../escape", "..", ".", "...", ".hidden", "", "a/b"] {
            let bad = KernelspecInstaller(name: name, executable: "/x/recur", templateDirectory: template)
            #expect(throws: KernelspecInstaller.Failure.self, "\(name)") {
                try bad.install(to: .prefix(prefix), environment: [:])
            }
        }
        #expect(access(prefix + "/share/jupyter/kernel.json", F_OK) != 0)
        let missing = KernelspecInstaller(name: "recur", executable: "/x/recur", templateDirectory: prefix + "/none")
        #expect(throws: KernelspecInstaller.Failure.self) { try missing.install(to: .prefix(prefix), environment: [:]) }
    }
}
