import CZeroMQ
import Glibc
import Synchronization

/// The one owner of the iopub XPUB socket.
///
/// Shell and control publish through it under its lock, straight onto the socket: no thread
/// hop between a cell's output and the wire. Every subscription is answered with
/// `iopub_welcome` (JEP 65), before anything else is sent to it: pending subscriptions are
/// read before each publish, and a watcher thread reads them when nothing is published.
final class IOPubChannel: FrameChannel, @unchecked Sendable {
    // @unchecked: the socket and the codec are only touched while `lock` is held.
    private let lock = Mutex(())
    private let xpub: ZMQSocket
    private let codec: WireCodec
    private let signalDescriptor: Int32
    private let finished = Atomic<Bool>(false)

    init(xpub: ZMQSocket, codec: WireCodec) throws(ZMQError) {
        self.xpub = xpub
        self.codec = codec
        signalDescriptor = try xpub.descriptor()
    }

    @discardableResult
    func send(_ frames: [[UInt8]]) -> Bool {
        lock.withLock { _ in
            answerSubscriptions()
            return xpub.send(frames)
        }
    }

    /// Publish-only: nothing is read from iopub but subscriptions.
    func receive(timeoutMilliseconds: Int) -> [[UInt8]]? { nil }

    /// The watcher thread: answers subscriptions while nobody publishes, until `finish`.
    func watch() {
        var descriptor = pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0)
        while !finished.load(ordering: .acquiring) {
            // libzmq's descriptor only says "look at the socket"; a publish may have consumed
            // the signal already, so the timeout bounds how late a welcome can be.
            _ = poll(&descriptor, 1, 100)
            lock.withLock { _ in answerSubscriptions() }
        }
        lock.withLock { _ in xpub.close(lingerMilliseconds: 200) }
    }

    /// Called once shell and control have published their last message.
    func finish() {
        finished.store(true, ordering: .releasing)
    }

    /// Must be called with `lock` held.
    private func answerSubscriptions() {
        while let frames = xpub.receive(timeoutMilliseconds: 0) {
            guard let event = frames.first, event.first == 1 else { continue }
            let topic = Array(event.dropFirst())
            xpub.send(
                codec.encode(
                    .iopubWelcome, content: ["subscription": .string(String(decoding: topic, as: UTF8.self))],
                    parent: nil, identities: [topic]))
        }
    }
}
