import Testing
@testable import Jupyter

@Suite struct ConnectionInfoTests {
    private func parse(_ text: String) throws -> ConnectionInfo {
        try ConnectionInfo(json: Array(text.utf8))
    }

    private let ports = #""shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5"#

    @Test func tcpFileWithKey() throws {
        let info = try parse(#"{"transport":"tcp","ip":"127.0.0.1","key":"abc","signature_scheme":"hmac-sha256","# + ports + "}")
        #expect(info.endpoint(port: info.shellPort) == "tcp://127.0.0.1:1")
        #expect(info.endpoint(port: info.heartbeatPort) == "tcp://127.0.0.1:5")
        #expect(info.key == Array("abc".utf8))
        #expect(info.curve == nil)
    }

    @Test func ipcFileWithEmptyKeyIsUnsigned() throws {
        let info = try parse(#"{"transport":"ipc","ip":"/tmp/kernel","key":"","signature_scheme":"hmac-sha256","# + ports + "}")
        #expect(info.endpoint(port: info.iopubPort) == "ipc:///tmp/kernel-2")
        #expect(info.key.isEmpty)
    }

    @Test func curveKeysAreRead() throws {
        let key = String(repeating: "a", count: 40)
        let info = try parse(#"{"key":"k","curve_publickey":""# + key + #"","curve_secretkey":""# + key + #"","# + ports + "}")
        #expect(info.curve == CurveKeys(publicKey: key, secretKey: key))
    }

    @Test func badFilesAreRefusedWithAReason() {
        #expect(throws: ConnectionFileError.self) { try parse(#"{"transport":"udp","# + ports + "}") }
        #expect(throws: ConnectionFileError.self) { try parse(#"{"key":"k","signature_scheme":"hmac-md5","# + ports + "}") }
        #expect(throws: ConnectionFileError.self) { try parse(#"{"shell_port":"one"}"#) }
        #expect(throws: ConnectionFileError.self) { try parse(#"{"curve_publickey":"x","# + ports + "}") }
    }
}

extension ConnectionInfoTests {
    @Test func ipv6AddressesAreBracketedAndLocalhostIsTheLoopback() throws {
        let v6 = try parse(#"{"ip":"::1","# + ports + "}")
        #expect(v6.endpoint(port: 1) == "tcp://[::1]:1")
        let named = try parse(#"{"ip":"localhost","# + ports + "}")
        #expect(named.endpoint(port: 1) == "tcp://127.0.0.1:1")
    }
}
