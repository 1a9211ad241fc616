import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct MarkupTests {
    @Test func escapesTheFiveXMLCharacters() {
        #expect(Markup.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test func replacesControlCharactersXMLCannotHold() {
        let parsed = ParsedMarkup("<p>" + Markup.escape("bell\u{07}nul\u{0}") + "</p>")
        #expect(parsed.isWellFormed)
        #expect(parsed.root?.text == "bell\u{FFFD}nul\u{FFFD}")
    }

    @Test func writerEscapesAttributesAndText() {
        var out = MarkupWriter()
        out.open("div", ["title": #"a "quoted" <label>"#])
        out.element("span", text: "x < y && y > z")
        out.close("div")
        let parsed = ParsedMarkup(out.text)
        #expect(parsed.isWellFormed)
        #expect(parsed.root?.attributes["title"] == #"a "quoted" <label>"#)
        #expect(parsed.all("span").first?.text == "x < y && y > z")
    }

    @Test func clipKeepsBothEndsWithinTheLimit() {
        let long = String(repeating: "a", count: 50) + String(repeating: "b", count: 50)
        let clipped = Markup.clip(long, to: 21)
        #expect(clipped.count == 21)
        #expect(clipped.hasPrefix("aaaaaaaaaa…"))
        #expect(clipped.hasSuffix("bbbbbbbbbb"))
        #expect(Markup.clip("short", to: 21) == "short")
    }
}
