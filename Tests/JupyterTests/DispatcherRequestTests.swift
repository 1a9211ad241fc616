import Testing
@testable import Jupyter

@Suite struct DispatcherRequestTests {
    @Test func kernelInfoOnShellAndControl() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        harness.sendShell("kernel_info_request", [:])
        harness.controlDispatcher.handle(harness.request("kernel_info_request", [:]))
        for reply in [harness.shellReplies.first, harness.controlReplies.first] {
            #expect(reply?.type == "kernel_info_reply")
            #expect(reply?.content["protocol_version"] == "5.5")
            #expect(reply?.content["language_info"]?["file_extension"] == ".mock")
            #expect(reply?.content["help_links"]?.arrayValue?.count == 1)
        }
        #expect(harness.iopubMessages.map(\.type) == ["status", "status", "status", "status"])
    }

    @Test func completeInspectAndIsComplete() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        harness.sendShell("complete_request", ["code": "al", "cursor_pos": 2])
        harness.sendShell("inspect_request", ["code": "known", "cursor_pos": 5, "detail_level": 1])
        harness.sendShell("inspect_request", ["code": "unknown", "cursor_pos": 7])
        harness.sendShell("is_complete_request", ["code": "for x in y:"])
        harness.sendShell("is_complete_request", ["code": ")"])
        let replies = harness.shellReplies.map(\.content)
        #expect(replies[0]["matches"] == ["alpha", "alpine"])
        #expect(replies[0]["cursor_end"] == 2)
        #expect(replies[1]["found"] == true)
        #expect(replies[1]["data"]?["text/plain"] == "known: a thing (detail 1)")
        #expect(replies[2]["found"] == false)
        #expect(replies[3]["status"] == "incomplete")
        #expect(replies[3]["indent"] == "    ")
        #expect(replies[4]["status"] == "invalid")
    }

    @Test func cursorsOutsideTheCodeAreClamped() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        harness.sendShell("complete_request", ["code": "al", "cursor_pos": 1_000_000])
        harness.sendShell("complete_request", ["code": "al", "cursor_pos": -5])
        #expect(harness.shellReplies.map { $0.content["cursor_end"] } == [2, 0])
    }

    @Test func unknownCommTargetIsClosedAndCommInfoIsEmpty() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        let id = harness.sendShell("comm_open", ["comm_id": "c1", "target_name": "nobody", "data": [:]])
        #expect(harness.iopubTypes(parent: id) == ["status", "comm_close", "status"])
        #expect(harness.iopubMessages.first { $0.type == "comm_close" }?.content["comm_id"] == "c1")
        harness.sendShell("comm_msg", ["comm_id": "c1", "data": [:]])
        harness.sendShell("comm_info_request", [:])
        #expect(harness.shellReplies.last?.content["comms"] == [:])
    }

    @Test func shutdownOnControlStopsAndBroadcasts() {
        let harness = KernelHarness(interpreter: MockInterpreter())
        let disposition = harness.controlDispatcher.handle(harness.request("shutdown_request", ["restart": true]))
        #expect(disposition == .stop)
        #expect(harness.controlReplies.first?.content["restart"] == true)
        #expect(harness.iopubMessages.map(\.type) == ["status", "shutdown_reply", "status"])
        #expect(harness.control.isStopping)
        #expect(harness.control.isRestarting)
    }

    @Test func shellRunLoopEndsWithInterpreterShutdown() {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        harness.shell.enqueue(harness.request("shutdown_request", ["restart": false]))
        harness.shellDispatcher.run()
        #expect(mock.shutdownRestart == false)
        #expect(harness.shellReplies.first?.type == "shutdown_reply")
    }

    @Test func badSignatureMalformedAndReplayAreLoggedAndNothingRuns() {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        var forged = harness.request("execute_request", ["code": "print forged"])
        let split = forged.firstIndex(of: WireCodec.delimiter) ?? 0
        forged[split + 1] = Array(String(repeating: "0", count: 64).utf8)
        harness.shellDispatcher.handle(forged)

        var wrongType = harness.request("execute_request", ["code": 5])
        harness.shellDispatcher.handle(wrongType)
        wrongType.removeLast()
        harness.shellDispatcher.handle(wrongType)
        harness.shellDispatcher.handle([Array("junk".utf8)])

        let genuine = harness.request("execute_request", ["code": "print once"])
        harness.shellDispatcher.handle(genuine)
        harness.shellDispatcher.handle(genuine)

        #expect(mock.executed.map(\.code) == ["print once"])
        #expect(harness.shellReplies.count == 1)
        let log = harness.logged.all
        #expect(log.contains { $0.contains("bad signature") })
        #expect(log.contains { $0.contains("code is not a string") })
        #expect(log.contains { $0.contains("frames after the delimiter") })
        #expect(log.contains { $0.contains("no <IDS|MSG> delimiter") })
        #expect(log.contains { $0.contains("replayed") })
    }

    @Test func interruptRequestOnControlStopsARunningCell() async {
        let mock = MockInterpreter()
        let harness = KernelHarness(interpreter: mock)
        let shellDone = Task.detached { [harness] in harness.sendShell("execute_request", ["code": "spin"]) }
        while !mock.spinning.load(ordering: .acquiring) { await Task.yield() }
        harness.controlDispatcher.handle(harness.request("interrupt_request", [:]))
        let id = await shellDone.value
        #expect(harness.controlReplies.first?.type == "interrupt_reply")
        let reply = harness.shellReplies.first { $0.parentID == id }
        #expect(reply?.content["ename"] == "KeyboardInterrupt")
        // A later cell is not interrupted by the flag the first one consumed.
        harness.sendShell("execute_request", ["code": "value after"])
        #expect(harness.shellReplies.last?.content["status"] == "ok")
    }
}
