import Foundation
import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// A host with comms that records what a cell opens, sends and closes.
final class CommRecordingHost: ScriptHost, ScriptComms {
    var stdout = ""
    var displays: [MimeBundle] = []
    var opened: [(id: String, target: String, data: String, metadata: String)] = []
    var sent: [(id: String, data: String)] = []
    var closed: [String] = []
    var errors: [ScriptFailure] = []
    var whileAwaitingInput: ((ScriptWaitingComm) -> Void)?

    func write(_ text: String, to stream: OutputStreamName) { if stream == .stdout { stdout += text } }
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) { displays.append(bundle) }
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    var interruptRequested: Bool { false }
    var comms: (any ScriptComms)? { self }

    func open(id: String, target: String, data: String, metadata: String, buffers: [[UInt8]]) {
        opened.append((id, target, data, metadata))
    }
    func send(id: String, data: String, buffers: [[UInt8]]) { sent.append((id, data)) }
    func close(id: String, data: String) { closed.append(id) }
    var parentMessageID: String { "request-1" }
    func showError(_ failure: ScriptFailure) { errors.append(failure) }
    func receiveWhileWaiting(milliseconds: Int) -> ScriptWaitingComm? { nil }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

@Suite struct WidgetCommTests {
    let session = Session()
    let host = CommRecordingHost()

    func run(_ code: String) -> ExecutionOutcome {
        session.execute(code, cellName: "In[1]", host: host)
    }

    @Test func aSliderOpensItsLayoutStyleAndModelAndShowsItsView() throws {
        guard case .success(let result?) = run("import ipywidgets as widgets\nw = widgets.IntSlider(value=4)\nw") else {
            Issue.record("cell failed")
            return
        }
        #expect(host.opened.map(\.target) == ["jupyter.widget", "jupyter.widget", "jupyter.widget"])
        let state = try #require(try host.json(host.opened[2].data)["state"] as? [String: Any])
        #expect(state["_model_name"] as? String == "IntSliderModel")
        #expect(state["value"] as? Int == 4)
        #expect(state["layout"] as? String == "IPY_MODEL_" + host.opened[0].id)
        #expect(try host.json(host.opened[2].metadata)["version"] as? String == "2.1.0")
        #expect(result.plainText == "IntSlider(value=4)")
        let view = try #require(result.entries.first { $0.mime == "application/vnd.jupyter.widget-view+json" })
        #expect(try host.json(view.data)["model_id"] as? String == host.opened[2].id)
    }

    @Test func frontendUpdatesAreEchoedThenObserved() throws {
        _ = run("""
            import ipywidgets as widgets
            t = widgets.Text()
            t.observe(lambda change: print(change['old'], '->', change['new']), names='value')
            """)
        let id = try #require(host.opened.last?.id)
        let taken = session.receiveComm(
            ScriptCommEvent(kind: .message, id: id, data: #"{"method": "update", "state": {"value": "hi"}, "buffer_paths": []}"#,
                            metadata: "{}", buffers: []),
            host: host)
        #expect(taken)
        #expect(host.stdout == " -> hi\n")
        #expect(host.sent.count == 1)
        #expect(try host.json(host.sent[0].data)["method"] as? String == "echo_update")
    }

    @Test func callbackErrorsAreShownNotRaised() throws {
        _ = run("""
            import ipywidgets as widgets
            b = widgets.Button()
            def fail(button):
                raise RuntimeError('no')
            b.on_click(fail)
            """)
        let id = try #require(host.opened.last?.id)
        _ = session.receiveComm(
            ScriptCommEvent(kind: .message, id: id, data: #"{"method": "custom", "content": {"event": "click"}}"#,
                            metadata: "{}", buffers: []),
            host: host)
        #expect(host.errors.map(\.name) == ["RuntimeError"])
        #expect(host.errors.first?.message == "no")
    }

    @Test func commOpensAreRefusedBeforeIpywidgetsIsImported() {
        let fresh = Session()
        let taken = fresh.receiveComm(
            ScriptCommEvent(kind: .open(target: "jupyter.widget.control"), id: "c1", data: "{}",
                            metadata: #"{"version": "1.0.0"}"#, buffers: []),
            host: host)
        #expect(!taken)
    }

    @Test func theWidgetsSubpackageNameWorks() {
        guard case .success(let result?) = run("from ipywidgets import widgets\nwidgets.Checkbox(value=True)") else {
            Issue.record("cell failed")
            return
        }
        #expect(result.plainText == "Checkbox(value=True)")
    }

    @Test func missingWidgetsNameWhatRecurProvides() {
        guard case .failure(let failure) = run("import ipywidgets as widgets\nwidgets.ColorPicker()") else {
            Issue.record("expected an AttributeError")
            return
        }
        #expect(failure.name == "AttributeError")
        #expect(failure.message.contains("Recur provides a subset of ipywidgets"))
    }
}
