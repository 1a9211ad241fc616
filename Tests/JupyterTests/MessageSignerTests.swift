import Testing
@testable import Jupyter

@Suite struct MessageSignerTests {
    private func bytes(hex: String) -> [UInt8] {
        var out = [UInt8]()
        var chars = Array(hex.utf8).makeIterator()
        while let hi = chars.next(), let lo = chars.next() {
            out.append(UInt8(String(decoding: [hi, lo], as: UTF8.self), radix: 16) ?? 0)
        }
        return out
    }

    // RFC 4231 sections 4.2 to 4.5, 4.7 and 4.8 (SHA-256 column): keys shorter than, and
    // (4.7, 4.8) longer than the 64-byte block, which are hashed first.
    @Test(arguments: [
        (String(repeating: "aa", count: 20), String(repeating: "dd", count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ("0102030405060708090a0b0c0d0e0f10111213141516171819", String(repeating: "cd", count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (String(repeating: "aa", count: 131),
         "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        ("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (String(repeating: "aa", count: 131),
         "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e",
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func rfc4231Vectors(key: String, data: String, expected: String) {
        let signer = MessageSigner(key: bytes(hex: key))
        #expect(signer.sign([bytes(hex: data)]) == expected)
    }

    @Test func signatureCoversTheConcatenationOfParts() {
        let signer = MessageSigner(key: Array("secret".utf8))
        let whole = signer.sign([Array("headerparentmetacontent".utf8)])
        let split = signer.sign([Array("header".utf8), Array("parent".utf8), Array("meta".utf8), Array("content".utf8)])
        #expect(whole == split)
    }

    @Test func tamperedFramesAreRejected() {
        let signer = MessageSigner(key: Array("secret".utf8))
        let parts = [Array("{\"msg_id\":\"1\"}".utf8), Array("{}".utf8), Array("{}".utf8), Array("{\"code\":\"1\"}".utf8)]
        let signature = Array(signer.sign(parts).utf8)
        #expect(signer.verify(signature: signature, parts: parts))
        var tampered = parts
        tampered[3] = Array("{\"code\":\"2\"}".utf8)
        #expect(!signer.verify(signature: signature, parts: tampered))
        #expect(!signer.verify(signature: [], parts: parts))
        #expect(!signer.verify(signature: Array(signature.dropLast()), parts: parts))
    }

    @Test func emptyKeyMeansUnsigned() {
        let signer = MessageSigner(key: [])
        #expect(signer.sign([Array("x".utf8)]) == "")
        #expect(signer.verify(signature: [], parts: [Array("x".utf8)]))
        #expect(!signer.verify(signature: Array("ab".utf8), parts: [Array("x".utf8)]))
    }
}

@Suite struct ZeroMQInfoTests {
    @Test func linkedLibzmqIsRecentAndHasCurve() {
        let v = ZeroMQInfo.version
        #expect(v.major == 4)
        #expect(v.minor >= 2)
        #expect(ZeroMQInfo.hasCurve)
    }
}
