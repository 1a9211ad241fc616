import CZeroMQ
import Synchronization

/// The one owner of the iopub XPUB socket.
///
/// Shell and control threads push signed frames to it over inproc PUSH sockets; it
/// forwards them in order and answers every subscription with `iopub_welcome` (JEP 65) so
/// that a client knows when its subscription is live.
final class IOPubForwarder: @unchecked Sendable {
    // @unchecked: both sockets belong to the forwarder's thread once `run` starts.
    private let xpub: ZMQSocket
    private let inbox: ZMQSocket
    private let codec: WireCodec
    private let publishersDone = Atomic<Bool>(false)

    init(xpub: ZMQSocket, inbox: ZMQSocket, codec: WireCodec) {
        self.xpub = xpub
        self.inbox = inbox
        self.codec = codec
    }

    /// Called once the shell and control threads have published their last message.
    func finish() {
        publishersDone.store(true, ordering: .releasing)
    }

    func run() {
        while true {
            let ready = pollReadable([inbox, xpub], timeoutMilliseconds: 100)
            if ready[1] { answerSubscriptions() }
            if ready[0] { drainInbox() }
            // Stop only once everything the other threads pushed has gone out.
            if publishersDone.load(ordering: .acquiring), !inbox.poll(timeoutMilliseconds: 0) { break }
        }
        xpub.close(lingerMilliseconds: 200)
        inbox.close()
    }

    private func drainInbox() {
        while let frames = inbox.receive(timeoutMilliseconds: 0) {
            // A subscriber that just arrived must get its welcome before anything else.
            answerSubscriptions()
            xpub.send(frames)
        }
    }

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
