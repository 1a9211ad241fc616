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

    /// Whether `ip` is an IPv6 address, which libzmq binds only when told to.
    var isIPv6: Bool { transport == .tcp && ip.contains(":") }

    /// ZeroMQ endpoint for a channel's port.
    public func endpoint(port: Int) -> String {
        switch transport {
        case .tcp:
            if isIPv6 { return "tcp://[\(ip)]:\(port)" }
            // libzmq binds addresses and interface names, not host names; a client given
            // "localhost" connects over IPv4 (libzmq's default), so that is what it means.
            return "tcp://\(ip == "localhost" ? "127.0.0.1" : ip):\(port)"
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
    private struct FileLayout {
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

        init(_ json: JSONValue) throws(ConnectionFileError) {
            guard case .object(let fields) = json else { throw ConnectionFileError(description: "not a JSON object") }
            func text(_ key: String) throws(ConnectionFileError) -> String? {
                guard let value = fields[key], value != .null else { return nil }
                guard let text = value.stringValue else { throw ConnectionFileError(description: "\(key) is not a string") }
                return text
            }
            func port(_ key: String) throws(ConnectionFileError) -> Int {
                guard let value = fields[key]?.intValue, (0...65535).contains(value) else {
                    throw ConnectionFileError(description: "\(key) is missing or not a port number")
                }
                return value
            }
            transport = try text("transport")
            ip = try text("ip")
            shell_port = try port("shell_port")
            iopub_port = try port("iopub_port")
            stdin_port = try port("stdin_port")
            control_port = try port("control_port")
            hb_port = try port("hb_port")
            key = try text("key")
            signature_scheme = try text("signature_scheme")
            curve_publickey = try text("curve_publickey")
            curve_secretkey = try text("curve_secretkey")
        }
    }

    /// Parses the JSON text of a connection file.
    public init(json: [UInt8]) throws(ConnectionFileError) {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(json)
        } catch {
            throw ConnectionFileError(description: "not a valid connection file: \(error)")
        }
        let layout = try FileLayout(parsed)
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
