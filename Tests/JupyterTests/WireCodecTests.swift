import Testing
@testable import Jupyter

@Suite struct WireCodecTests {
    private let signer = MessageSigner(key: Array("k".utf8))

    private func codec(_ tag: String = "t") -> WireCodec {
        WireCodec(signer: signer, session: "sess", seen: SeenSignatures(), channelTag: tag)
    }

    @Test func framesAreIdentitiesDelimiterSignatureAndFourJSONParts() throws {
        let frames = codec().encode(
            MessageType(rawValue: "status"), content: ["execution_state": "idle"], parent: nil,
            identities: [Array("id1".utf8), Array("id2".utf8)], buffers: [[1, 2, 3]])
        #expect(frames.count == 9)
        #expect(frames[2] == WireCodec.delimiter)
        #expect(String(decoding: frames[3], as: UTF8.self) == signer.sign(Array(frames[4...7])))
        let header = try JSONValue.parse(frames[4])
        #expect(header["msg_type"] == "status")
        #expect(header["version"] == "5.5")
        #expect(header["session"] == "sess")
        #expect(header["date"]?.stringValue?.hasSuffix("Z") == true)
        #expect(frames[5] == Array("{}".utf8))
        #expect(frames[8] == [1, 2, 3])
    }

    @Test func decodeRoundTripsAndKeepsTheRawHeaderForParents() throws {
        let sent = codec("a").encode(
            MessageType(rawValue: "execute_request"), content: ["code": "x"], parent: nil, identities: [[9]])
        let message = try codec("b").decode(sent)
        #expect(message.identities == [[9]])
        #expect(message.header.type.rawValue == "execute_request")
        #expect(message.content["code"] == "x")
        #expect(message.rawHeader == sent[3])
        let answer = codec("c").encode(
            MessageType(rawValue: "execute_reply"), content: [:], parent: message, identities: message.identities)
        #expect(answer[4] == sent[3])
    }

    @Test func messageIDsAreUnique() {
        let codec = codec()
        let ids = (0..<100).map { _ in codec.nextMessageID() }
        #expect(Set(ids).count == 100)
    }

    @Test func rejectsTamperingReplayAndMalformedFrames() {
        let sender = codec("a")
        let receiver = codec("b")
        let frames = sender.encode(MessageType(rawValue: "kernel_info_request"), content: [:], parent: nil, identities: [])
        var tampered = frames
        tampered[5] = Array("{\"x\":1}".utf8)
        #expect(throws: WireError.badSignature) { try receiver.decode(tampered) }
        #expect((try? receiver.decode(frames)) != nil)
        #expect(throws: WireError.replayed) { try receiver.decode(frames) }
        #expect(throws: WireError.missingFrames("no <IDS|MSG> delimiter")) { try receiver.decode([[1]]) }

        let unsigned = WireCodec(signer: MessageSigner(key: []), session: "s", seen: SeenSignatures(), channelTag: "u")
        let notJSON: [[UInt8]] = [WireCodec.delimiter, [], Array("{".utf8), Array("{}".utf8), Array("{}".utf8), Array("{}".utf8)]
        #expect(throws: WireError.malformed("header is not valid JSON")) { try unsigned.decode(notJSON) }
        let noType: [[UInt8]] = [WireCodec.delimiter, [], Array("{\"msg_id\":\"1\"}".utf8), Array("{}".utf8), Array("{}".utf8), Array("[]".utf8)]
        #expect(throws: WireError.malformed("header.msg_type is not a string")) { try unsigned.decode(noType) }
    }

    @Test func unsignedConnectionsAcceptOnlyAnEmptySignature() {
        let unsigned = WireCodec(signer: MessageSigner(key: []), session: "s", seen: SeenSignatures(), channelTag: "u")
        let frames = unsigned.encode(MessageType(rawValue: "kernel_info_request"), content: [:], parent: nil, identities: [])
        #expect(frames[1].isEmpty)
        #expect((try? unsigned.decode(frames)) != nil)
        var signed = frames
        signed[1] = Array("abc".utf8)
        #expect(throws: WireError.badSignature) { try unsigned.decode(signed) }
    }
}
