import FoundationEssentials
import Testing
@testable import Jupyter

@Suite struct JSONValueTests {
    @Test func parsesEveryKindAndKeepsIntegersApartFromDoubles() throws {
        let value = try JSONValue.parse(#"{"a":1,"b":1.5,"c":"x\n\"y\"","d":[true,null],"e":{}}"#)
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(1.5))
        #expect(value["c"] == "x\n\"y\"")
        #expect(value["d"] == [true, nil])
        #expect(value["e"] == [:])
    }

    @Test func serializationRoundTrips() throws {
        let original: JSONValue = [
            "text": "tab\there \u{1} \\ \"quoted\" é 😀", "n": -3, "x": .double(0.25), "big": .double(1e300),
            "list": [1, "two", [:], nil, false],
        ]
        #expect(try JSONValue.parse(original.serialized) == original)
    }

    @Test func controlCharactersAreEscaped() {
        let bytes = JSONValue.string("a\u{1}b").serialized
        #expect(String(decoding: bytes, as: UTF8.self) == #""a\u0001b""#)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(String(decoding: JSONValue.double(.nan).serialized, as: UTF8.self) == "null")
    }

    @Test func invalidTextThrows() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{\"a\":") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0xFF, 0xFE]) }
    }

    @Test func integralDoublesReadAsIntegers() {
        #expect(JSONValue.double(3).intValue == 3)
        #expect(JSONValue.double(3.5).intValue == nil)
        #expect(JSONValue.string("3").intValue == nil)
    }
}


@Suite struct JSONValueCodableTests {
    @Test func roundTripsThroughFoundationEssentialsCoders() throws {
        let original: JSONValue = ["a": [1, .double(2.5), "x", nil, true], "b": [:]]
        let encoded = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == original)
        #expect(try JSONValue.parse(Array(encoded)) == original)
    }

    @Test func hostileNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        #expect(try JSONValue.parse(#""\u00e9\ud83d\ude00\/\b""#) == "é😀/\u{8}")
        #expect(try JSONValue.parse(#""\ud800x""#) == "\u{FFFD}x")
        #expect(throws: JSONParseError.self) { try JSONValue.parse("\"a\u{1}\"") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("01") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[1,]") }
    }
}
