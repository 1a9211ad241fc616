import Synchronization
@testable import Jupyter

/// An in-memory channel: what the kernel sends is recorded, what it receives is queued.
final class MemoryChannel: FrameChannel, Sendable {
    private let state = Mutex<(sent: [[[UInt8]]], incoming: [[[UInt8]]])>(([], []))

    func send(_ frames: [[UInt8]]) -> Bool {
        state.withLock { $0.sent.append(frames) }
        return true
    }

    func receive(timeoutMilliseconds: Int) -> [[UInt8]]? {
        state.withLock { $0.incoming.isEmpty ? nil : $0.incoming.removeFirst() }
    }

    func enqueue(_ frames: [[UInt8]]) {
        state.withLock { $0.incoming.append(frames) }
    }

    var sent: [[[UInt8]]] { state.withLock { $0.sent } }
}

/// Shorthands to read recorded messages.
struct Recorded: CustomStringConvertible {
    let message: Message
    var type: String { message.header.type.rawValue }
    var content: JSONValue { message.content }
    var parentID: String? { message.parentHeader["msg_id"]?.stringValue }
    var description: String { type }
}
