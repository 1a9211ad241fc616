import Glibc

/// Loopback TCP ports for tests that bind real sockets: each is found by binding port 0, and
/// is either kept bound (a port another process holds) or released for the kernel to take.
final class TCPPorts {
    private var held: [Int32] = []

    /// A port bound and listened on until this object goes away.
    func taken() -> Int {
        let (descriptor, port) = Self.bindAny()
        listen(descriptor, 1)
        held.append(descriptor)
        return port
    }

    /// A port free at the time of the call.
    func free() -> Int {
        let (descriptor, port) = Self.bindAny()
        close(descriptor)
        return port
    }

    deinit {
        for descriptor in held { close(descriptor) }
    }

    private static func bindAny() -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                _ = bind(descriptor, socketAddress, length)
                _ = getsockname(descriptor, socketAddress, &length)
            }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
