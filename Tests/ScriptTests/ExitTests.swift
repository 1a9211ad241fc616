import Script
import Testing
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// A host that answers `exit` the way the kernel does: the cell runs on.
final class ExitRecordingHost: ScriptHost {
    var stdout = ""
    var exits: [Bool] = []

    func write(_ text: String, to stream: OutputStreamName) {
        if stream == .stdout { stdout += text }
    }
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    var interruptRequested: Bool { false }
    func requestExit(keepKernel: Bool) -> ExitHandling {
        exits.append(keepKernel)
        return .afterCell
    }
}

@Suite struct ExitTests {
    private func run(_ code: String, _ session: Session = Session(), _ host: ExitRecordingHost) -> ExecutionOutcome {
        session.execute(code, cellName: "Cell In[1]", host: host)
    }

    @Test(arguments: ["exit()", "quit()", "exit", "quit", "exit  ", "exit  # bye", "x = 1\nquit\n"])
    func askTheHostAndShowNothing(_ code: String) {
        let host = ExitRecordingHost()
        #expect(run(code, Session(), host) == .success(result: nil))
        #expect(host.exits == [false])
    }

    @Test func theRestOfTheCellStillRuns() {
        let host = ExitRecordingHost()
        #expect(run("print('before')\nexit\nprint('after')\n1 + 1", Session(), host)
                == .success(result: MimeBundle(plainText: "2")))
        #expect(host.stdout == "before\nafter\n")
        #expect(host.exits == [false])
    }

    @Test func keepKernelIsPassedOn() {
        let host = ExitRecordingHost()
        _ = run("exit(keep_kernel=True)\nquit(True)", Session(), host)
        #expect(host.exits == [true, true])
    }

    @Test func onlyABareLineCallsIt() {
        let host = ExitRecordingHost()
        let session = Session()
        guard case .success(let shown?) = run("e = exit\ne", session, host) else {
            Issue.record("expected the object's repr")
            return
        }
        #expect(shown.plainText.contains("exit()"))
        #expect(host.exits == [])
        #expect(run("[exit]", session, host) != .success(result: nil))
        #expect(host.exits == [])
    }

    @Test func aRebindingIsAnOrdinaryName() {
        let host = ExitRecordingHost()
        let session = Session()
        #expect(run("exit = 5\nexit", session, host) == .success(result: MimeBundle(plainText: "5")))
        #expect(host.exits == [])
    }

    @Test func aScriptHostGetsSystemExit() {
        var harness = Harness()
        #expect(harness.error("print(1)\nexit()\nprint(2)") == "SystemExit")
        #expect(harness.host.stdout == "1\n")
        #expect(harness.error("quit") == "SystemExit")
    }

    @Test func wrongArgumentsAreATypeError() {
        let host = ExitRecordingHost()
        guard case .failure(let failure) = run("exit(1, 2)", Session(), host) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.name == "TypeError")
        #expect(host.exits == [])
    }
}
