import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct PyplotModuleTests {
    /// Runs cells in one session, returning the last cell's outcome and the host.
    func run(_ cells: [String]) -> (ExecutionOutcome?, DisplayRecorder) {
        let session = Session()
        let host = DisplayRecorder()
        var outcome: ExecutionOutcome?
        for (i, cell) in cells.enumerated() { outcome = session.execute(cell, cellName: "In[\(i + 1)]", host: host) }
        return (outcome, host)
    }

    @Test func lossCurveShowsOneSVGAtTheEndOfTheCell() throws {
        let (outcome, host) = run([
            "import matplotlib.pyplot as plt\nlosses = [1.42, 1.19, 1.01, 0.89, 0.8]",
            "plt.plot(losses, label='train')\nplt.title('Loss')\nplt.xlabel('epoch')\nplt.ylabel('loss')\nplt.legend()",
        ])
        guard case .success(let result?) = outcome else {
            Issue.record("cell failed: \(String(describing: outcome))")
            return
        }
        #expect(result.plainText.hasPrefix("<matplotlib.legend.Legend object at 0x"))
        #expect(host.displays.count == 1)
        let bundle = try #require(host.displays.first)
        #expect(bundle.plainText == "<Figure size 640x480 with 1 Axes>")
        let parsed = ParsedMarkup(try #require(bundle["image/svg+xml"]))
        #expect(parsed.isWellFormed)
        #expect(parsed.all("text").map(\.text).contains("Loss"))
        #expect(parsed.all("polyline").count == 1)
    }

    @Test func addSubplotGivesTheSingleAxesAndRefusesOtherGrids() throws {
        let (single, _) = run(["import matplotlib.pyplot as plt\nfig = plt.figure()\na = fig.add_subplot(111)\nb = fig.add_subplot(1, 1, 1)\ntype(a).__name__"])
        guard case .success(let result?) = single else {
            Issue.record("cell failed: \(String(describing: single))")
            return
        }
        #expect(result.plainText == "'Axes'")
        let (grid, _) = run(["import matplotlib.pyplot as plt\nplt.figure().add_subplot(2, 1, 1)"])
        guard case .failure(let error) = grid else {
            Issue.record("add_subplot(2, 1, 1) was accepted: \(String(describing: grid))")
            return
        }
        #expect(error.name == "NotImplementedError")
    }

    @Test func subplotsAndAxesMethods() throws {
        let (outcome, host) = run([
            "import matplotlib.pyplot as plt\nimport torch\nfig, ax = plt.subplots(figsize=(8, 4))\n"
                + "ax.plot([0, 1, 2], [3, 1, 2], 'ro--', label='a')\nax.scatter([0, 1], [1, 0], s=20)\n"
                + "ax.imshow(torch.eye(3))\nax.set_title('t')\nax.legend(loc='upper left')\nplt.show()\nfig",
        ])
        guard case .success(let result?) = outcome else {
            Issue.record("cell failed: \(String(describing: outcome))")
            return
        }
        #expect(host.displays.map(\.plainText) == ["<Figure size 800x400 with 1 Axes>"])
        #expect(result.plainText == "<Figure size 800x400 with 1 Axes>")
        #expect(result["image/svg+xml"] != nil)
    }

    @Test func errorsAreMatplotlibs() {
        let (mismatch, _) = run(["import matplotlib.pyplot as plt\nplt.plot([1, 2], [1, 2, 3])"])
        guard case .failure(let failure)? = mismatch else {
            Issue.record("expected a ValueError")
            return
        }
        #expect(failure.name == "ValueError")
        #expect(failure.message == "x and y must have same first dimension, but have shapes (2,) and (3,)")
        let (grad, _) = run(["import matplotlib.pyplot as plt\nimport torch\nplt.plot(torch.ones(3, requires_grad=True))"])
        guard case .failure(let gradFailure)? = grad else {
            Issue.record("expected a RuntimeError")
            return
        }
        #expect(gradFailure.message.hasPrefix("Can't call numpy() on Tensor that requires grad."))
    }

    @Test func aFailingCellStillShowsItsFigure() {
        let (outcome, host) = run(["import matplotlib.pyplot as plt\nplt.plot([1, 2])\n1 / 0"])
        guard case .failure? = outcome else {
            Issue.record("expected ZeroDivisionError")
            return
        }
        #expect(host.displays.count == 1)
    }
}

/// Records displays (with text output ignored).
final class DisplayRecorder: ScriptHost {
    var displays: [MimeBundle] = []
    func write(_ text: String, to stream: OutputStreamName) {}
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) { displays.append(bundle) }
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    var interruptRequested: Bool { false }
}
