import Testing
import Tensors
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct TensorDisplayTests {
    /// The numbers PyTorch's repr prints, in order (what the table's cells must show).
    func reprNumbers(_ tensor: Tensor) -> [String] {
        var text = tensor.description
        if let cut = text.range(of: ", grad_fn") ?? text.range(of: ", requires_grad") { text = String(text[..<cut.lowerBound]) }
        return text.replacingOccurrences("tensor(", with: " ")
            .split(whereSeparator: { "[](), \n".contains($0) })
            .map(String.init)
            .filter { $0 != "..." }
    }

    /// The text of the data cells that hold numbers (not the gap markers).
    func cells(_ parsed: ParsedMarkup) -> [String] {
        parsed.all("td").map(\.text).filter { !["…", "⋮", "⋱"].contains($0) }
    }

    @Test func smallMatrixIsATableOfTheReprNumbers() throws {
        let t = try Tensor(floats: [0.1, -2, 3.25, 4, 5.5, 6], shape: Shape([2, 3]))
        let bundle = TensorDisplay(tensor: t).bundle()
        #expect(bundle.plainText == t.description)
        let html = try #require(bundle["text/html"])
        let parsed = ParsedMarkup(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(cells(parsed) == reprNumbers(t))
        #expect(parsed.all("tr").count == 3)
        let caption = try #require(parsed.all("caption").first?.text)
        #expect(caption.contains("torch.Size([2, 3])"))
        #expect(caption.contains("torch.float32"))
    }

    @Test func captionNamesGradFnOrRequiresGrad() throws {
        let leaf = try Tensor(floats: [1, 2], shape: Shape([2]))
        try leaf.setRequiresGrad()
        #expect(TensorDisplay(tensor: leaf).caption.contains("requires_grad=True"))
        let product = try leaf * 2.0
        let name = try #require(product.gradFnName)
        let caption = TensorDisplay(tensor: product).caption
        #expect(caption.contains("grad_fn=<\(name)>"))
        #expect(!caption.contains("requires_grad"))
        let parsed = ParsedMarkup(TensorDisplay(tensor: product).html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("caption").first?.text.contains("grad_fn=<\(name)>") == true)
    }

    @Test func scalarIsOneCell() throws {
        let t = Tensor(scalar: Int64(7))
        let parsed = ParsedMarkup(TensorDisplay(tensor: t).html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("td").map(\.text) == ["7"])
        #expect(parsed.all("th").isEmpty)
    }

    @Test func vectorHasIndexHeaders() throws {
        let t = try Tensor(int64s: [1, 0, 2, 2, 3], shape: Shape([5]))
        let parsed = ParsedMarkup(TensorDisplay(tensor: t).html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("th").map(\.text) == ["0", "1", "2", "3", "4"])
        #expect(cells(parsed) == ["1", "0", "2", "2", "3"])
    }

    @Test func boolCellsReadTrueAndFalse() throws {
        let t = try Tensor(bools: [true, false], shape: Shape([1, 2]))
        #expect(cells(ParsedMarkup(TensorDisplay(tensor: t).html())) == ["True", "False"])
    }

    @Test func largeMatrixIsSummarisedLikePyTorch() throws {
        let t = try Tensor.randn([1000, 1000], generator: Generator(seed: 1))
        let html = TensorDisplay(tensor: t).html()
        let parsed = ParsedMarkup(html)
        #expect(parsed.isWellFormed)
        #expect(html.utf8.count < 16_384)
        #expect(parsed.all("td").count == 7 * 7)
        #expect(cells(parsed) == reprNumbers(t))
        #expect(parsed.all("th").map(\.text) == ["", "0", "1", "2", "…", "997", "998", "999", "0", "1", "2", "…", "997", "998", "999"])
    }

    @Test func rankThreeShowsLabelledSlices() throws {
        let t = try Tensor.arange(end: .int(24)).view([2, 3, 4])
        let parsed = ParsedMarkup(TensorDisplay(tensor: t).html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("table").count == 2)
        #expect(parsed.all("caption").map(\.text) == ["[0, :, :]", "[1, :, :]"])
        #expect(cells(parsed) == (0..<24).map(String.init))
    }

    @Test func manySlicesAreBounded() throws {
        let t = try Tensor.zeros([500, 2, 1], dtype: .float32)
        let parsed = ParsedMarkup(TensorDisplay(tensor: t).html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("table").count == TensorDisplay.maxSlices)
        #expect(parsed.all("div").map(\.text).contains("⋮ 484 more slices"))
        #expect(parsed.all("caption").last?.text == "[499, :, :]")
    }

    @Test func summarisedHighRankStaysSmall() throws {
        let t = try Tensor.zeros([Int](repeating: 2, count: 18) + [8], dtype: .float32)
        let html = TensorDisplay(tensor: t).html()
        let parsed = ParsedMarkup(html)
        #expect(parsed.isWellFormed)
        #expect(parsed.all("table").count <= TensorDisplay.maxSlices)
        #expect(html.utf8.count < 65_536)
    }

    @Test func summarisedRankFourHasGapsBetweenSlices() throws {
        let t = try Tensor.randn([10, 10, 4, 4], generator: Generator(seed: 3))
        let parsed = ParsedMarkup(TensorDisplay(tensor: t).html())
        #expect(parsed.isWellFormed)
        let captions = parsed.all("caption").map(\.text)
        #expect(captions.first == "[0, 0, :, :]")
        #expect(captions.last == "[9, 9, :, :]")
        #expect(captions.count > TensorDisplay.maxSlices / 2 && captions.count <= TensorDisplay.maxSlices)
        #expect(parsed.all("div").contains { $0.text.hasPrefix("⋮") })
        #expect(cells(parsed).allSatisfy { Double($0) != nil })
    }

    @Test func emptyTensorSaysSo() throws {
        let t = try Tensor.zeros([0, 3], dtype: .float32)
        let parsed = ParsedMarkup(TensorDisplay(tensor: t).html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("td").isEmpty)
        #expect(parsed.all("div").contains { $0.text == "(no elements)" })
    }

    @Test func cellNotationFollowsTheRepr() throws {
        for values: [Float] in [[1, 2, 3], [0.5, 1e-5, 3], [1e9, 2, 3], [.nan, 1.5, -.infinity]] {
            let t = try Tensor(floats: values, shape: Shape([3]))
            #expect(cells(ParsedMarkup(TensorDisplay(tensor: t).html())) == reprNumbers(t))
        }
    }
}
