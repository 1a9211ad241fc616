import Synchronization

/// Signatures seen on any channel, shared so that a message captured on one socket cannot
/// be replayed on another.
final class SeenSignatures: Sendable {
    private let guardState = Mutex(ReplayGuard())

    func admit(_ signature: [UInt8]) -> Bool {
        guardState.withLock { $0.admit(signature) }
    }
}

/// Turns ZeroMQ frames into verified messages and messages into signed frames.
///
/// One codec per thread: it numbers the messages it creates without locking.
final class WireCodec {
    static let delimiter = Array("<IDS|MSG>".utf8)

    let signer: MessageSigner
    let session: String
    private let seen: SeenSignatures
    private let idPrefix: String
    private var counter = 0

    /// - Parameter channelTag: distinguishes message ids made on different threads.
    init(signer: MessageSigner, session: String, seen: SeenSignatures, channelTag: String) {
        self.signer = signer
        self.session = session
        self.seen = seen
        self.idPrefix = session + "_" + channelTag + "_"
    }

    // MARK: Decoding

    /// Verifies and parses received frames. The signature is checked over the raw frames
    /// before any JSON is parsed.
    func decode(_ frames: [[UInt8]]) throws(WireError) -> Message {
        guard let split = frames.firstIndex(of: Self.delimiter) else {
            throw .missingFrames("no <IDS|MSG> delimiter")
        }
        let first = split + 1
        guard frames.count >= first + 5 else {
            throw .missingFrames("\(frames.count - first) frames after the delimiter, need 5")
        }
        let signature = frames[first]
        let signed = Array(frames[(first + 1)...(first + 4)])
        guard signer.verify(signature: signature, parts: signed) else { throw .badSignature }
        if signer.isSigning, !seen.admit(signature) { throw .replayed }

        let header = try MessageHeader(json: Self.parseObject(signed[0], "header"))
        let parent = try Self.parseObject(signed[1], "parent_header")
        let metadata = try Self.parseObject(signed[2], "metadata")
        let content = try Self.parseObject(signed[3], "content")
        return Message(
            identities: Array(frames[..<split]), header: header, rawHeader: signed[0],
            parentHeader: parent, metadata: metadata, content: content,
            buffers: Array(frames[(first + 5)...]))
    }

    private static func parseObject(_ frame: [UInt8], _ name: String) throws(WireError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONValue.parse(frame)
        } catch {
            throw .malformed("\(name) is not valid JSON")
        }
        guard case .object = value else { throw .malformed("\(name) is not an object") }
        return value
    }

    // MARK: Encoding

    /// A fresh message id, unique within this kernel process.
    func nextMessageID() -> String {
        counter += 1
        return idPrefix + String(counter)
    }

    /// Signed frames for a new message of `type` answering `parent`.
    func encode(
        _ type: MessageType, content: JSONValue, parent: Message?, identities: [[UInt8]],
        metadata: JSONValue = .emptyObject, buffers: [[UInt8]] = []
    ) -> [[UInt8]] {
        let header = headerBytes(type)
        let parentBytes = parent?.rawHeader ?? Array("{}".utf8)
        let metadataBytes = metadata.serialized
        let contentBytes = content.serialized
        var frames = identities
        frames.reserveCapacity(identities.count + 6 + buffers.count)
        frames.append(Self.delimiter)
        frames.append(Array(signer.sign([header, parentBytes, metadataBytes, contentBytes]).utf8))
        frames.append(header)
        frames.append(parentBytes)
        frames.append(metadataBytes)
        frames.append(contentBytes)
        frames.append(contentsOf: buffers)
        return frames
    }

    private func headerBytes(_ type: MessageType) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 192)
        writer.append("{\"msg_id\":")
        writer.writeString(nextMessageID())
        writer.append(",\"msg_type\":")
        writer.writeString(type.rawValue)
        writer.append(",\"username\":\"kernel\",\"session\":")
        writer.writeString(session)
        writer.append(",\"date\":\"")
        writer.append(Timestamp.now())
        writer.append("\",\"version\":\"\(protocolVersion)\"}")
        return writer.bytes
    }
}

/// The Jupyter messaging protocol version this server speaks.
public let protocolVersion = "5.5"
