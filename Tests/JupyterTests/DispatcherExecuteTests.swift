import Testing
@testable import Jupyter

@Suite struct DispatcherExecuteTests {
    private func execute(_ harness: KernelHarness, _ code: String, _ extra: [String: JSONValue] = [:]) -> String {
        var content: [String: JSONValue] = ["code": .string(code), "silent": false, "store_history": true,
                                            "user_expressions": [:], "allow_stdin": true, "stop_on_error": true]
        for (key, value) in extra { content[key] = value }
        return harness.sendShell("execute_request", .object(content))
    }

    @Test func busyThenInputThenOutputsThenIdleAroundTheReply() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        let id = execute(harness, "print hello")
        #expect(harness.iopubTypes(parent: id) == ["status", "execute_input", "stream", "status"])
        let statuses = harness.iopubMessages.filter { $0.type == "status" }.map { $0.content["execution_state"] }
        #expect(statuses == [.string("busy"), .string("idle")])
        let stream = harness.iopubMessages.first { $0.type == "stream" }
        #expect(stream?.content["name"] == "stdout")
        #expect(stream?.content["text"] == "hello\n")
        let reply = harness.shellReplies.first
        #expect(reply?.type == "execute_reply")
        #expect(reply?.parentID == id)
        #expect(reply?.content["status"] == "ok")
        #expect(reply?.content["execution_count"] == 1)
        #expect(reply?.message.identities == [KernelHarness.clientIdentity])
    }

    @Test func resultIsPublishedWithTheCountAndCountsAdvance() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        _ = execute(harness, "value 1")
        let id = execute(harness, "value 42")
        let result = harness.iopubMessages.last { $0.type == "execute_result" }
        #expect(result?.parentID == id)
        #expect(result?.content["execution_count"] == 2)
        #expect(result?.content["data"]?["text/plain"] == "42")
        let input = harness.iopubMessages.last { $0.type == "execute_input" }
        #expect(input?.content["execution_count"] == 2)
        #expect(input?.content["code"] == "value 42")
    }

    @Test func failurePublishesExactlyOneErrorAndRepliesWithIt() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        let id = execute(harness, "fail")
        #expect(harness.iopubTypes(parent: id) == ["status", "execute_input", "error", "status"])
        let reply = harness.shellReplies.first
        #expect(reply?.content["status"] == "error")
        #expect(reply?.content["ename"] == "ValueError")
        #expect(reply?.content["traceback"] == ["ValueError: bad"])
    }

    @Test func stopOnErrorAbortsQueuedExecutesButAnswersOtherRequests() {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        harness.shell.enqueue(harness.request("execute_request", ["code": "print queued"]))
        harness.shell.enqueue(harness.request("kernel_info_request", [:]))
        _ = execute(harness, "fail")
        let replies = harness.shellReplies
        #expect(replies.map(\.type) == ["execute_reply", "execute_reply", "kernel_info_reply"])
        // ipykernel's content, nothing more: no execution count for a cell that never ran.
        #expect(replies[1].content == ["status": "aborted"])
        #expect(mock.executed.map(\.code) == ["fail"])
        // The failed request goes idle only after the queue was aborted.
        let failedID = replies[0].parentID
        #expect(harness.iopubMessages.last?.parentID == failedID)
        #expect(harness.iopubMessages.last?.content["execution_state"] == "idle")
    }

    @Test func withoutStopOnErrorQueuedCellsStillRun() {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        harness.shell.enqueue(harness.request("execute_request", ["code": "print queued"]))
        _ = execute(harness, "fail", ["stop_on_error": false])
        #expect(harness.shellReplies.count == 1)
        #expect(harness.shell.receive(timeoutMilliseconds: 0) != nil)
    }

    @Test func silentPublishesNoInputNoResultAndKeepsTheCount() {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        let id = execute(harness, "value 7", ["silent": true])
        #expect(harness.iopubTypes(parent: id) == ["status", "status"])
        #expect(harness.shellReplies.first?.content["execution_count"] == 0)
        #expect(mock.executed.first?.silent == true)
        let history = harness.sendShell("history_request", ["hist_access_type": "tail", "n": 10, "output": false, "raw": true])
        #expect(harness.shellReplies.last { $0.parentID == history }?.content["history"] == [])
    }

    @Test func storeHistoryFalseDoesNotCount() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        _ = execute(harness, "print a", ["store_history": false])
        _ = execute(harness, "print b")
        #expect(harness.shellReplies.map { $0.content["execution_count"] } == [0, 1])
    }

    @Test func userExpressionsAreEvaluatedAfterTheCell() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        _ = execute(harness, "print x", ["user_expressions": ["a": "x + 1", "b": "fail"]])
        let expressions = harness.shellReplies.first?.content["user_expressions"]
        #expect(expressions?["a"]?["status"] == "ok")
        #expect(expressions?["a"]?["data"]?["text/plain"] == "<x + 1>")
        #expect(expressions?["b"]?["status"] == "error")
        #expect(expressions?["b"]?["ename"] == "NameError")
    }

    @Test func displayUpdateClearAndPage() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        let shown = execute(harness, "display d1")
        let updated = execute(harness, "update d1")
        let cleared = execute(harness, "clear")
        _ = execute(harness, "page help text")
        #expect(harness.iopubTypes(parent: shown).contains("display_data"))
        let update = harness.iopubMessages.first { $0.type == "update_display_data" }
        #expect(update?.parentID == updated)
        #expect(update?.content["transient"]?["display_id"] == "d1")
        #expect(harness.iopubMessages.first { $0.type == "clear_output" }?.parentID == cleared)
        let payload = harness.shellReplies.last?.content["payload"]?.arrayValue?.first
        #expect(payload?["source"] == "page")
        #expect(payload?["data"]?["text/plain"] == "help text")
    }

    @Test func inputRoundTripGoesToTheRequestersStdin() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        // The frontend's answer is already waiting; its parent would be the input_request.
        harness.stdin.enqueue(harness.request("input_reply", ["value": "typed"]))
        let id = execute(harness, "ask Name?")
        let request = harness.decodeAll(harness.stdin.sent).first
        #expect(request?.type == "input_request")
        #expect(request?.content["prompt"] == "Name?")
        #expect(request?.content["password"] == false)
        #expect(request?.parentID == id)
        #expect(request?.message.identities == [KernelHarness.clientIdentity])
        #expect(harness.iopubMessages.first { $0.type == "stream" }?.content["text"] == "typed")
    }

    @Test func inputWithoutAllowStdinIsAClearError() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        _ = execute(harness, "ask Name?", ["allow_stdin": false])
        #expect(harness.stdin.sent.isEmpty)
        let reply = harness.shellReplies.first
        #expect(reply?.content["status"] == "error")
        #expect(reply?.content["evalue"]?.stringValue?.contains("does not support input requests") == true)
    }

    @Test func exitRepliesWithAnAskExitPayloadAndTheKernelRunsOn() {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        let id = execute(harness, "exit")
        let reply = harness.shellReplies.first
        #expect(reply?.content["status"] == "ok")
        #expect(reply?.content["payload"] == [["source": "ask_exit", "keepkernel": false]])
        #expect(harness.iopubTypes(parent: id) == ["status", "execute_input", "status"])
        // As in ipykernel, closing is the frontend's decision.
        #expect(!harness.control.isStopping)
    }

    @Test func exitKeepingTheKernelOnlyTellsTheFrontend() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        _ = execute(harness, "exit keep")
        #expect(harness.shellReplies.first?.content["payload"] == [["source": "ask_exit", "keepkernel": true]])
        #expect(!harness.control.isStopping)
    }

    @Test func exitBeforeAnErrorKeepsThePayloadAndAbortsWhatIsQueued() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        harness.shell.enqueue(harness.request("execute_request", ["code": "print queued"]))
        _ = execute(harness, "exit fail")
        let reply = harness.shellReplies.first
        #expect(reply?.content["status"] == "error")
        #expect(reply?.content["payload"] == [["source": "ask_exit", "keepkernel": false]])
        #expect(!harness.control.isStopping)
        #expect(harness.shellReplies.map { $0.content["status"] } == ["error", "aborted"])
    }
}
