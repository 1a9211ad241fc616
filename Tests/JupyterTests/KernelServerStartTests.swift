import Testing
@testable import Jupyter

/// A kernel that cannot bind its sockets reports which one and why, and releases what it had
/// bound: the caller can exit at once instead of waiting in `zmq_ctx_term`.
@Suite struct KernelServerStartTests {
    private let info = KernelInfo(
        implementation: "test", implementationVersion: "1.0", banner: "", languageName: "test",
        languageVersion: "1.0", mimetype: "text/plain", fileExtension: ".txt", pygmentsLexer: "text",
        codemirrorMode: "text", helpLinks: [])

    private func connection(ip: String = "127.0.0.1", transport: ConnectionInfo.Transport = .tcp, ports: [Int])
        -> ConnectionInfo
    {
        ConnectionInfo(
            transport: transport, ip: ip, shellPort: ports[0], iopubPort: ports[1], stdinPort: ports[2],
            controlPort: ports[3], heartbeatPort: ports[4], key: [], curve: nil)
    }

    private func start(_ connection: ConnectionInfo) throws(ZMQError) -> KernelServer {
        try KernelServer(connection: connection, kernelInfo: info, log: { _ in })
    }

    @Test func aPortInUseIsNamedAndTheOthersAreReleased() throws {
        let ports = TCPPorts()
        let taken = ports.taken()
        let free = (0..<4).map { _ in ports.free() }
        // shell and iopub bind before control fails.
        let layout = [free[0], free[1], free[2], taken, free[3]]
        do {
            _ = try start(connection(ports: layout))
            Issue.record("a kernel bound a port that another process holds")
        } catch {
            #expect(error.description.contains("control_port \(taken)"))
            #expect(error.description.contains("Address already in use"))
        }
        // The ports the failed start had bound are free again.
        let server = try start(connection(ports: free + [ports.free()]))
        _ = server
    }

    @Test func anAddressThatIsNotLocalIsNamed() {
        let ports = TCPPorts()
        let layout = (0..<5).map { _ in ports.free() }
        #expect {
            _ = try start(connection(ip: "203.0.113.7", ports: layout))
        } throws: { error in
            "\(error)".contains("shell_port \(layout[0]) at tcp://203.0.113.7:\(layout[0])")
        }
    }

    @Test func anIPCPathTooLongForASocketIsNamed() {
        let path = "/tmp/" + String(repeating: "p", count: 120)
        #expect {
            _ = try start(connection(ip: path, transport: .ipc, ports: [1, 2, 3, 4, 5]))
        } throws: { error in
            "\(error)".contains("shell_port 1 at ipc://\(path)-1")
        }
    }

    @Test func localhostAndIPv6LoopbackBind() throws {
        let ports = TCPPorts()
        for ip in ["localhost", "::1"] {
            let server = try start(connection(ip: ip, ports: (0..<5).map { _ in ports.free() }))
            _ = server
        }
    }
}
