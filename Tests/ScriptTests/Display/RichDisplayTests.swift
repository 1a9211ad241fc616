import Testing
import Tensors
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct RichDisplayTests {
    let interpreter = Session().interpreter

    func html(_ value: Value) -> ParsedMarkup? {
        guard let html = RichDisplay.extra(for: value, interpreter: interpreter).first(where: { $0.mime == "text/html" })?.data else { return nil }
        let parsed = ParsedMarkup(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        return parsed
    }

    @Test func tensorsSizesAndModulesGetTables() throws {
        let t = try Tensor(floats: [1, 2], shape: Shape([1, 2]))
        #expect(html(.object(t))?.all("caption").first?.text.contains("torch.Size([1, 2])") == true)
        #expect(html(.object(SizeObject([5, 1, 4])))?.all("td").map(\.text) == ["0", "1", "2", "5", "1", "4"])
        let rnn = try RNN(inputSize: 4, hiddenSize: 2, generator: Generator(seed: 0))
        #expect(html(.object(LayerObject(rnn)))?.all("td").map(\.text).contains("weight_hh_l0") == true)
    }

    @Test func indexListsAndCharacterDictionariesGetTables() throws {
        let indices = html(.list(ListObject([1, 0, 2, 2, 3].map(Value.int))))
        #expect(indices?.all("td").map(\.text) == ["0", "1", "2", "3", "4", "1", "0", "2", "2", "3"])
        #expect(indices?.all("caption").first?.text == "[1, 0, 2, 2, 3]")
        let idx2char = html(.list(ListObject(["e", "h", " ", "o"].map(Value.str))))
        #expect(idx2char?.all("td").map(\.text) == ["0", "1", "2", "3", "e", "h", "' '", "o"])
        #expect(idx2char?.all("caption").first?.text == "['e', 'h', ' ', 'o']")
        let dict = DictObject()
        try dict.set(.str("e"), .int(0))
        try dict.set(.str("<"), .int(1))
        let mapping = html(.dict(dict))
        #expect(mapping?.all("td").map(\.text) == ["e", "<", "0", "1"])
        #expect(mapping?.all("caption").first?.text == "{'e': 0, '<': 1}")
    }

    @Test func otherValuesStayPlain() throws {
        #expect(RichDisplay.extra(for: .int(3), interpreter: interpreter).isEmpty)
        #expect(RichDisplay.extra(for: .list(ListObject([])), interpreter: interpreter).isEmpty)
        #expect(RichDisplay.extra(for: .list(ListObject([.int(1), .str("a")])), interpreter: interpreter).isEmpty)
        #expect(RichDisplay.extra(for: .list(ListObject([.bool(true), .bool(false)])), interpreter: interpreter).isEmpty)
        #expect(RichDisplay.extra(for: .list(ListObject([.str("ab")])), interpreter: interpreter).isEmpty)
        let dict = DictObject()
        try dict.set(.str("word"), .int(0))
        #expect(RichDisplay.extra(for: .dict(dict), interpreter: interpreter).isEmpty)
        #expect(RichDisplay.extra(for: .list(ListObject(Array(repeating: .int(1), count: RichDisplay.maxItems + 1))), interpreter: interpreter).isEmpty)
    }
}

@Suite struct CellResultDisplayTests {
    func result(_ code: String) -> MimeBundle? {
        if case .success(let bundle) = Session().execute(code, cellName: "In[1]", host: RecordingHost()) { return bundle }
        return nil
    }

    @Test func cellResultsCarryTheirTables() throws {
        let tensor = try #require(result("import torch\ntorch.zeros(2, 3)"))
        #expect(tensor.plainText == "tensor([[0., 0., 0.],\n        [0., 0., 0.]])")
        #expect(ParsedMarkup(try #require(tensor["text/html"])).all("td").count == 6)
        let chars = try #require(result("idx2char = ['e', 'h', 'l', 'o']\nchar2idx = {c: i for i, c in enumerate(idx2char)}\nchar2idx"))
        #expect(chars.plainText == "{'e': 0, 'h': 1, 'l': 2, 'o': 3}")
        #expect(chars["text/html"] != nil)
        let number = try #require(result("1 + 1"))
        #expect(number["text/html"] == nil)
    }
}
