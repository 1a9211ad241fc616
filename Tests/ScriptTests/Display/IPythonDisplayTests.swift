import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct IPythonDisplayTests {
    final class Host: ScriptHost {
        var events: [String] = []
        var bundles: [MimeBundle] = []
        func write(_ text: String, to stream: OutputStreamName) {}
        func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
            bundles.append(bundle)
            events.append((isUpdate ? "update " : "display ") + (displayID == nil ? "-" : "id") + " " + bundle.plainText)
        }
        func clearOutput(wait: Bool) { events.append("clear \(wait)") }
        func page(_ bundle: MimeBundle) {}
        func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
        var interruptRequested: Bool { false }
    }

    @Test func displayHandlesUpdateInPlace() throws {
        let host = Host()
        let outcome = Session().execute("""
            from IPython.display import display, clear_output, HTML
            import torch
            display(torch.zeros(2), 'text')
            h = display('epoch 0', display_id=True)
            h.update('epoch 1')
            clear_output(wait=True)
            display(HTML('<b>bold</b>'))
            h.display_id == h.display_id
            """, cellName: "In[1]", host: host)
        guard case .success(let result?) = outcome else {
            Issue.record("cell failed: \(outcome)")
            return
        }
        #expect(result.plainText == "True")
        #expect(host.events == [
            "display - tensor([0., 0.])", "display - 'text'", "display id 'epoch 0'", "update id 'epoch 1'", "clear true",
            "display - <IPython.core.display.HTML object>",
        ])
        #expect(host.bundles[0]["text/html"] != nil)
        #expect(host.bundles.last?["text/html"] == "<b>bold</b>")
    }
}
