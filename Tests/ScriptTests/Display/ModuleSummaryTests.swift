import Testing
import Tensors
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ModuleSummaryTests {
    @Test func rnnLayerListsItsParameters() throws {
        let rnn = try RNN(inputSize: 4, hiddenSize: 2, numLayers: 1, nonlinearity: .tanh, bias: true, batchFirst: false,
                          generator: Generator(seed: 0))
        let summary = ModuleSummary(module: rnn)
        #expect(summary.layers.count == 1)
        #expect(summary.layers[0].repr == rnn.description)
        #expect(summary.layers[0].parameters.map(\.name) == rnn.namedParameters().map(\.name))
        #expect(summary.totalParameters == rnn.parameters().reduce(0) { $0 + $1.count })
        #expect(summary.trainableParameters == summary.totalParameters)
        let bundle = summary.bundle()
        #expect(bundle.plainText == rnn.description)
        let parsed = ParsedMarkup(try #require(bundle["text/html"]))
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let cells = parsed.all("td").map(\.text)
        #expect(cells.contains("weight_ih_l0"))
        #expect(cells.contains("(2, 4)"))
        #expect(cells.contains(String(summary.totalParameters)))
    }

    @Test func sequentialHasOneRowPerLeaf() throws {
        let generator = Generator(seed: 0)
        let model = Sequential([
            try Embedding(numEmbeddings: 4, embeddingDim: 10, generator: generator),
            Activation(.tanh),
            try Linear(inFeatures: 10, outFeatures: 4, bias: true, generator: generator),
        ])
        let summary = ModuleSummary(module: model)
        #expect(summary.layers.map(\.name) == ["0", "1", "2"])
        #expect(summary.layers[1].parameters.isEmpty)
        #expect(summary.totalParameters == 4 * 10 + 10 * 4 + 4)
        let parsed = ParsedMarkup(summary.html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("td").contains { $0.text == "(no parameters)" })
    }

    @Test func neutralDescriptionCountsOnlyTrainableParameters() {
        let summary = ModuleSummary(typeName: "Model <custom>", repr: "Model(\n  (fc): Linear(...)\n)", layers: [
            .init(name: "emb", repr: "Embedding(4, 10)", parameters: [.init(name: "weight", shape: Shape([4, 10]), requiresGrad: false)]),
            .init(name: "fc", repr: "Linear(in_features=10, out_features=4, bias=True)", parameters: [
                .init(name: "weight", shape: Shape([4, 10]), requiresGrad: true),
                .init(name: "bias", shape: Shape([4]), requiresGrad: true),
            ]),
        ])
        #expect(summary.totalParameters == 84)
        #expect(summary.trainableParameters == 44)
        let parsed = ParsedMarkup(summary.html())
        #expect(parsed.isWellFormed)
        #expect(parsed.all("caption").first?.text == "Model <custom>")
        #expect(parsed.all("td").map(\.text).contains("no"))
        #expect(parsed.all("td").map(\.text).contains("40"))
    }

    @Test func hugeModelsAreBounded() {
        let layers = (0..<10_000).map { i in
            ModuleSummary.Layer(name: "layer\(i)", repr: "Linear(in_features=1, out_features=1, bias=False)",
                                parameters: [.init(name: "weight", shape: Shape([1, 1]), requiresGrad: true)])
        }
        let summary = ModuleSummary(typeName: "Deep", repr: "Deep()", layers: layers)
        let html = summary.html()
        #expect(ParsedMarkup(html).isWellFormed)
        #expect(html.utf8.count < 128_000)
        let mentionsRest = html.contains("9,800 more rows")
        let mentionsTotal = html.contains("10,000")
        #expect(mentionsRest)
        #expect(mentionsTotal)
    }

    @Test func groupsThousands() {
        #expect(ModuleSummary.grouped(0) == "0")
        #expect(ModuleSummary.grouped(999) == "999")
        #expect(ModuleSummary.grouped(1000) == "1,000")
        #expect(ModuleSummary.grouped(1_234_567) == "1,234,567")
    }
}
