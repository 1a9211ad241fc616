import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ColormapTests {
    @Test func grayRunsFromBlackToWhiteAndGreysTheOtherWay() throws {
        let gray = try Colormap(name: "gray")
        #expect(gray.color(0).hex == "#000000")
        #expect(gray.color(1).hex == "#ffffff")
        let greys = try Colormap(name: "Greys")
        #expect(greys.color(0).hex == "#ffffff")
        #expect(greys.color(1).hex == "#000000")
        #expect(try Colormap(name: "grey") == gray)
    }

    @Test func reversedNamesFlipTheMap() throws {
        for name in ["viridis", "Blues", "coolwarm", "RdBu"] {
            let map = try Colormap(name: name)
            let reversed = try Colormap(name: name + "_r")
            for t in [0.0, 0.3, 1.0] {
                #expect(reversed.color(t) == map.color(1 - t), "\(name) at \(t)")
            }
        }
        #expect(try Colormap(name: "viridis").color(0.4) == ColorScale.viridis(0.4))
    }

    @Test(arguments: ["viridis", "gray", "Blues_r", "Reds_r"])
    func sequentialMapsGetLighterAlongTheScale(_ name: String) throws {
        let map = try Colormap(name: name)
        let luminances = (0...50).map { map.color(Double($0) / 50).luminance }
        #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test(arguments: ["coolwarm", "bwr"])
    func divergingMapsAreBlueThenLightThenRed(_ name: String) throws {
        let map = try Colormap(name: name)
        let low = map.color(0), middle = map.color(0.5), high = map.color(1)
        #expect(low.blue > low.red)
        #expect(high.red > high.blue)
        #expect(middle.luminance > low.luminance && middle.luminance > high.luminance)
        #expect(Swift.abs(middle.red - middle.blue) < 0.02)
    }

    @Test func unknownNamesListTheSupportedOnes() {
        #expect(throws: PlotError.self) { try Colormap(name: "jet") }
        do {
            _ = try Colormap(name: "jet")
        } catch {
            #expect(error.message.hasPrefix("'jet' is not a valid value for cmap; supported values are 'Blues', 'Blues_r', "))
            #expect(error.message.contains("'viridis_r'"))
        }
    }

    @Test func imshowDrawsCellsAndColourBarWithTheNamedMap() throws {
        let session = Session()
        let host = DisplayRecorder()
        let outcome = session.execute(
            "import matplotlib.pyplot as plt\nimport torch\nplt.imshow(torch.eye(2), cmap='gray')\nplt.colorbar()\nplt.show()",
            cellName: "In[1]", host: host)
        guard case .success = outcome else {
            Issue.record("cell failed: \(outcome)")
            return
        }
        let svg = try #require(host.displays.first?["image/svg+xml"])
        let parsed = ParsedMarkup(svg)
        #expect(parsed.isWellFormed)
        let fills = parsed.all("rect").compactMap { $0.attributes["fill"] }
        #expect(fills.filter { $0 == "#ffffff" }.count >= 2 + 1)  // the two ones and the background
        #expect(fills.filter { $0 == "#000000" }.count == 2)
        let stops = parsed.all("stop").compactMap { $0.attributes["stop-color"] }
        #expect(stops.first == "#000000" && stops.last == "#ffffff")

        let bad = session.execute("plt.imshow(torch.eye(2), cmap='nope')", cellName: "In[2]", host: host)
        guard case .failure(let failure) = bad else {
            Issue.record("expected a ValueError")
            return
        }
        #expect(failure.name == "ValueError")
        #expect(failure.message.hasPrefix("'nope' is not a valid value for cmap"))
    }
}
