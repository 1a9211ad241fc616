import FoundationEssentials

/// A kernel's connection file: where to bind and how to sign.
public struct ConnectionInfo: Sendable, Equatable {
    /// How sockets are addressed.
    public enum Transport: String, Sendable, Equatable {
        case tcp
        case ipc
    }

    /// The transport for every channel.
    public var transport: Transport
    /// The IP address (tcp) or the path prefix (ipc).
    public var ip: String
    /// The shell channel's port.
    public var shellPort: Int
    /// The iopub channel's port.
    public var iopubPort: Int
    /// The stdin channel's port.
    public var stdinPort: Int
    /// The control channel's port.
    public var controlPort: Int
    /// The heartbeat channel's port.
    public var heartbeatPort: Int
    /// The HMAC key; empty means messages are unsigned.
    public var key: [UInt8]
    /// CurveZMQ server keys (Z85), when the client asked for transport encryption.
    public var curve: CurveKeys?

    /// ZeroMQ endpoint for a channel's port.
    public func endpoint(port: Int) -> String {
        switch transport {
        case .tcp: return "tcp://\(ip):\(port)"
        case .ipc: return "ipc://\(ip)-\(port)"
        }
    }
}

/// A CurveZMQ server key pair in Z85 text.
public struct CurveKeys: Sendable, Equatable {
    /// The server's public key (40 Z85 characters).
    public let publicKey: String
    /// The server's secret key (40 Z85 characters).
    public let secretKey: String
}

/// Why a connection file could not be used.
public struct ConnectionFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, for the user.
    public let description: String
}

extension ConnectionInfo {
    private struct FileLayout: Decodable {
        var transport: String?
        var ip: String?
        var shell_port: Int
        var iopub_port: Int
        var stdin_port: Int
        var control_port: Int
        var hb_port: Int
        var key: String?
        var signature_scheme: String?
        var curve_publickey: String?
        var curve_secretkey: String?
    }

    /// Parses the JSON text of a connection file.
    public init(json: [UInt8]) throws(ConnectionFileError) {
        let layout: FileLayout
        do {
            layout = try JSONDecoder().decode(FileLayout.self, from: Data(json))
        } catch {
            throw ConnectionFileError(description: "not a valid connection file: \(error)")
        }
        guard let transport = Transport(rawValue: layout.transport ?? "tcp") else {
            throw ConnectionFileError(
                description: "unknown transport \"\(layout.transport ?? "")\" (expected tcp or ipc)")
        }
        let key = Array((layout.key ?? "").utf8)
        let scheme = layout.signature_scheme ?? "hmac-sha256"
        if !key.isEmpty, scheme != "hmac-sha256" {
            throw ConnectionFileError(
                description: "unsupported signature_scheme \"\(scheme)\" (only hmac-sha256)")
        }
        var curve: CurveKeys?
        switch (layout.curve_publickey, layout.curve_secretkey) {
        case (let publicKey?, let secretKey?):
            guard publicKey.utf8.count == 40, secretKey.utf8.count == 40 else {
                throw ConnectionFileError(description: "curve keys must be 40 Z85 characters")
            }
            curve = CurveKeys(publicKey: publicKey, secretKey: secretKey)
        case (nil, nil):
            curve = nil
        case (_?, nil), (nil, _?):
            throw ConnectionFileError(
                description: "curve_publickey and curve_secretkey must be given together")
        }
        self.init(
            transport: transport, ip: layout.ip ?? "127.0.0.1", shellPort: layout.shell_port,
            iopubPort: layout.iopub_port, stdinPort: layout.stdin_port,
            controlPort: layout.control_port, heartbeatPort: layout.hb_port, key: key, curve: curve)
    }

    /// Reads and parses a connection file from disk.
    public init(path: String) throws(ConnectionFileError) {
        guard let bytes = FileBytes.read(path: path) else {
            throw ConnectionFileError(description: "cannot read connection file \(path)")
        }
        try self.init(json: bytes)
    }
}
