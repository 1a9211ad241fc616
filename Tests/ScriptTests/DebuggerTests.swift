import Glibc
import Script
import Synchronization
import Testing
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// A host whose interrupt flag another thread sets, as the kernel's control thread does.
private final class InterruptibleHost: ScriptHost, @unchecked Sendable {
    let interrupt = Atomic<Bool>(false)
    func write(_ text: String, to stream: OutputStreamName) {}
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ bundle: MimeBundle) {}
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    var interruptRequested: Bool { interrupt.load(ordering: .acquiring) }
}

/// What the debugger reported, in order.
private final class EventLog: Sendable {
    private let events = Mutex<[DebugEvent]>([])
    func append(_ event: DebugEvent) { events.withLock { $0.append(event) } }
    var stops: [DebugStopReason] {
        events.withLock { $0.compactMap { if case .stopped(let reason, _) = $0 { reason } else { nil } } }
    }
}

/// A session whose cells run on a thread of their own, while the test plays the client.
private final class RunningCell: @unchecked Sendable {
    let session: Session
    let host = InterruptibleHost()
    private let outcome = Mutex<ExecutionOutcome?>(nil)

    init(_ session: Session) { self.session = session }

    /// Runs `code` on a thread of its own (not the test's cooperative pool, which a blocked
    /// cell would starve); `finish` waits for it.
    func start(_ code: String) {
        let box = Unmanaged.passRetained(Job { [self] in
            let result = session.execute(code, cellName: "Cell In[1]", host: host)
            outcome.withLock { $0 = result }
        })
        let status = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, box.toOpaque())
        if status != 0 { box.release() }
        #expect(status == 0)
    }

    func finish() { pthread_join(thread, nil) }

    private var thread = pthread_t()

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    var result: ExecutionOutcome? { outcome.withLock { $0 } }
}

private func eventually(_ condition: () -> Bool) {
    for _ in 0..<1000 where !condition() { usleep(10_000) }
    #expect(condition())
}

@Suite struct DebuggerTests {
    static let code = "def f(a):\n    b = a + 1\n    return b * 2\nx = f(1)\ny = x + 1\n"

    private func attached() -> (ScriptDebugger, RunningCell, EventLog) {
        let debugger = ScriptDebugger()
        let log = EventLog()
        debugger.attach(sourcePath: { "cell-\($0.utf8.count).py" }, events: { log.append($0) })
        return (debugger, RunningCell(Session(debugger: debugger)), log)
    }

    @Test func stopsStepsEvaluatesAndResumes() throws {
        let (debugger, cell, log) = attached()
        let path = "cell-\(Self.code.utf8.count).py"
        let set = debugger.setBreakpoints([DebugBreakpointRequest(line: 3, condition: nil, hitCondition: nil)], path: path)
        #expect(set.map(\.problem) == [nil])
        cell.start(Self.code)
        eventually { log.stops == [.breakpoint] }
        #expect(debugger.isPaused)
        let frames = try debugger.stackTrace().get()
        #expect(frames.map(\.name) == ["f", "<module>"])
        #expect(frames.map(\.line) == [3, 4])
        #expect(frames.map(\.path) == [path, path])
        let scopes = try debugger.scopes(frame: 1).get()
        let locals = try debugger.variables(reference: scopes[0].reference).get()
        #expect(locals.map(\.name) == ["a", "b"])
        // What the paused frame evaluates is what the finished cell holds.
        let doubled = try debugger.evaluate("b * 2", frame: 1).get().value
        #expect(debugger.resume(.stepOut))
        eventually { log.stops == [.breakpoint, .step] }
        #expect(try debugger.stackTrace().get().map(\.line) == [5])
        #expect(debugger.resume(.proceed))
        cell.finish()
        #expect(!debugger.isPaused)
        guard case .success = cell.result else { Issue.record("the cell failed: \(String(describing: cell.result))"); return }
        guard case .success(let x?) = cell.session.evaluate(expression: "x", host: cell.host) else {
            Issue.record("x has no value"); return
        }
        #expect(x.plainText == doubled)
        #expect(!debugger.resume(.proceed))
    }

    @Test func anInterruptEndsAPause() throws {
        let (debugger, cell, log) = attached()
        _ = debugger.setBreakpoints([DebugBreakpointRequest(line: 5, condition: nil, hitCondition: nil)],
                                    path: "cell-\(Self.code.utf8.count).py")
        cell.start(Self.code)
        eventually { log.stops.count == 1 }
        cell.host.interrupt.store(true, ordering: .releasing)
        cell.finish()
        guard case .failure(let failure) = cell.result else { Issue.record("the cell was not interrupted"); return }
        #expect(failure.name == "KeyboardInterrupt")
        #expect(!debugger.isPaused)
    }

    @Test func withoutAClientBreakpointsDoNotStop() throws {
        let debugger = ScriptDebugger()
        let cell = RunningCell(Session(debugger: debugger))
        _ = debugger.setBreakpoints([DebugBreakpointRequest(line: 2, condition: nil, hitCondition: nil)], path: "")
        cell.start(Self.code)
        cell.finish()
        guard case .success = cell.result else { Issue.record("the cell failed"); return }
        #expect(!debugger.isAttached)
    }
}
