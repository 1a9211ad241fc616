/// Echoes heartbeat pings on their own thread, so that a long-running cell never makes
/// the kernel look dead.
final class Heartbeat: @unchecked Sendable {
    // @unchecked: the socket belongs to the heartbeat thread once `run` starts.
    private let socket: ZMQSocket
    private let control: KernelControl

    init(socket: ZMQSocket, control: KernelControl) {
        self.socket = socket
        self.control = control
    }

    func run() {
        while !control.isStopping {
            guard let ping = socket.receive(timeoutMilliseconds: 100) else { continue }
            socket.send(ping)
        }
        socket.close()
    }
}
