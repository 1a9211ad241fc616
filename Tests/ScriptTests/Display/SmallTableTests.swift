import Testing
import Tensors
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct SmallTableTests {
    func rows(_ table: SmallTable) -> [[String]] {
        let parsed = ParsedMarkup(table.html())
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        var result: [[String]] = []
        var current: [String] = []
        for element in parsed.elements {
            switch element.name {
            case "tr":
                if !current.isEmpty { result.append(current) }
                current = []
            case "th", "td": current.append(element.text)
            default: break
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    @Test func sizeShowsDimsOverSizes() {
        let table = SmallTable.size(Shape([5, 1, 4]))
        #expect(table.caption == "torch.Size([5, 1, 4])")
        #expect(rows(table) == [["dim", "0", "1", "2"], ["size", "5", "1", "4"]])
    }

    @Test func indicesCanShowWhatTheyDecodeTo() {
        let table = SmallTable.indices([1, 0, 2, 2, 3], decoded: ["h", "e", "l", "l", "o"])
        #expect(rows(table) == [["position", "0", "1", "2", "3", "4"], ["index", "1", "0", "2", "2", "3"],
                                ["token", "h", "e", "l", "l", "o"]])
    }

    @Test func vocabularyAndMappingEscapeTheirTokens() {
        let tokens = ["<", ">", "&", "\"", "'"]
        #expect(rows(.vocabulary(tokens)) == [["index", "0", "1", "2", "3", "4"], ["token"] + tokens])
        let mapping = SmallTable.mapping(tokens.enumerated().map { ($0.element, String($0.offset)) })
        #expect(rows(mapping) == [["key"] + tokens, ["value", "0", "1", "2", "3", "4"]])
    }

    @Test func longRowsKeepTheirEnds() {
        let table = SmallTable.indices(Array(0..<100_000))
        let html = table.html()
        #expect(html.utf8.count < 16_384)
        let shown = rows(table)[1]
        #expect(shown.count == SmallTable.maxColumns + 2)
        #expect(shown[1] == "0")
        #expect(shown[SmallTable.maxColumns / 2 + 1] == "…")
        #expect(shown.last == "99999")
    }

    @Test func bundleKeepsTheReprAsPlainText() {
        let bundle = SmallTable.size(Shape([2])).bundle(plainText: "torch.Size([2])")
        #expect(bundle.plainText == "torch.Size([2])")
        #expect(bundle["text/html"] != nil)
    }
}
