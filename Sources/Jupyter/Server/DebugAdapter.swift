import Glibc
import Synchronization

/// The Jupyter debugger protocol: Debug Adapter Protocol requests carried by `debug_request`
/// on the control channel, answered by `debug_reply`, with events as `debug_event` on iopub
/// (as JupyterLab's debugger extension uses it with ipykernel).
///
/// Cells are source files named by a Murmur2 hash of their code (`dumpCell`), which
/// JupyterLab computes itself from `debugInfo`'s `hashMethod`, `hashSeed`, `tmpFilePrefix`
/// and `tmpFileSuffix`, so breakpoints set in an editor name the same file the kernel runs.
final class DebugAdapter: Sendable {
    /// ipykernel's seed, so a cell has the same file name under both kernels.
    static let hashSeed: UInt32 = 0xC70F_6907
    static let suffix = ".py"
    static let threadID = 1

    let target: any DebugTarget
    let prefix: String
    private let events: DebugEventPublisher
    private let started = Atomic<Bool>(false)

    init(target: any DebugTarget, events: DebugEventPublisher, temporaryDirectory: String) {
        self.target = target
        self.events = events
        self.prefix = temporaryDirectory + "/recur_\(getpid())/"
    }

    /// The file a cell's code is dumped to (and attributed to while debugging).
    static func path(forCode code: String, prefix: String) -> String {
        prefix + String(Murmur2.hash(code, seed: hashSeed)) + suffix
    }

    /// Answers one DAP request (the `debug_request` content) with the `debug_reply` content.
    func handle(_ request: JSONValue, parent: Message) -> JSONValue {
        events.parent(parent)
        let command = request["command"]?.stringValue ?? ""
        let arguments = request["arguments"] ?? [:]
        let outcome: Result<JSONValue, DebugTargetFailure>
        if !started.load(ordering: .acquiring) && Self.needsStart.contains(command) {
            outcome = .failure(DebugTargetFailure("the debugger is not started: send 'initialize' and 'attach' first"))
        } else {
            outcome = answer(command, arguments)
        }
        var reply: [String: JSONValue] = [
            "seq": .int(events.nextSeq()), "type": "response", "request_seq": request["seq"] ?? 0,
            "command": .string(command),
        ]
        switch outcome {
        case .success(let body):
            reply["success"] = true
            reply["body"] = body
        case .failure(let failure):
            reply["success"] = false
            reply["message"] = .string(failure.message)
            reply["body"] = [:]
        }
        return .object(reply)
    }

    /// Requests that need `attach` first; the others are answered at any time.
    static let needsStart: Set<String> = [
        "dumpCell", "setBreakpoints", "source", "stackTrace", "variables", "scopes", "evaluate", "continue", "next",
        "stepIn", "stepOut", "pause", "threads", "configurationDone",
    ]

    private func answer(_ command: String, _ arguments: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        switch command {
        case "initialize": return .success(Self.capabilities)
        case "attach": return attach()
        case "configurationDone": return .success([:])
        case "disconnect", "terminate": return disconnect(command)
        case "debugInfo": return .success(debugInfo)
        case "dumpCell": return dumpCell(arguments)
        case "source": return source(arguments)
        case "setBreakpoints": return setBreakpoints(arguments)
        case "setExceptionBreakpoints":
            // No filters are offered (`exceptionBreakpointFilters` is empty); an empty set is fine.
            if arguments["filters"]?.arrayValue?.isEmpty ?? true { return .success(["breakpoints": []]) }
            return .failure(DebugTargetFailure("Recur's debugger does not stop on raised exceptions yet"))
        case "threads":
            return .success(["threads": [["id": .int(Self.threadID), "name": "MainThread"]]])
        case "continue": return resume(.proceed, body: ["allThreadsContinued": true])
        case "next": return resume(.stepOver, body: [:])
        case "stepIn": return resume(.stepIn, body: [:])
        case "stepOut": return resume(.stepOut, body: [:])
        case "pause":
            target.pause()
            return .success([:])
        case "modules": return modules(arguments)
        default: return inspection(command, arguments)
        }
    }

    /// What the adapter supports, in DAP's `initialize` response terms.
    static let capabilities: JSONValue = [
        "supportsConfigurationDoneRequest": true, "supportsConditionalBreakpoints": true,
        "supportsHitConditionalBreakpoints": true, "supportsEvaluateForHovers": true,
        "supportsTerminateRequest": true, "supportsModulesRequest": true, "supportsSetVariable": false, "supportsStepBack": false,
        "supportsExceptionInfoRequest": false, "exceptionBreakpointFilters": [],
    ]

    private func attach() -> Result<JSONValue, DebugTargetFailure> {
        guard FileBytes.makeDirectories(prefix) else {
            return .failure(DebugTargetFailure("cannot create the directory for cell files \(prefix)"))
        }
        let prefix = self.prefix
        let events = self.events
        target.attach(sourcePath: { Self.path(forCode: $0, prefix: prefix) }, events: { events.send($0) })
        started.store(true, ordering: .releasing)
        events.send(event: "initialized", body: [:])
        events.send(event: "thread", body: ["reason": "started", "threadId": .int(Self.threadID)])
        return .success([:])
    }

    private func disconnect(_ command: String) -> Result<JSONValue, DebugTargetFailure> {
        if started.exchange(false, ordering: .acquiringAndReleasing) { target.detach() }
        if command == "terminate" { events.send(event: "terminated", body: [:]) }
        return .success([:])
    }

    private var debugInfo: JSONValue {
        let isStarted = started.load(ordering: .acquiring)
        let breakpoints: [JSONValue] = target.breakpoints.map { entry in
            ["source": .string(entry.path), "breakpoints": .array(entry.breakpoints.map { ["line": .int($0.line)] })]
        }
        return [
            "isStarted": .bool(isStarted), "hashMethod": "Murmur2", "hashSeed": .int(Int(Self.hashSeed)),
            "tmpFilePrefix": .string(prefix), "tmpFileSuffix": .string(Self.suffix),
            "breakpoints": .array(breakpoints),
            "stoppedThreads": isStarted && target.isPaused ? [.int(Self.threadID)] : [],
            "richRendering": true, "exceptionPaths": [], "copyToGlobals": true,
        ]
    }

    private func dumpCell(_ arguments: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        guard let code = arguments["code"]?.stringValue else { return .failure(DebugTargetFailure("dumpCell needs 'code'")) }
        let path = Self.path(forCode: code, prefix: prefix)
        guard FileBytes.makeDirectories(prefix), FileBytes.write(Array(code.utf8), to: path) else {
            return .failure(DebugTargetFailure("cannot write the cell file \(path)"))
        }
        return .success(["sourcePath": .string(path)])
    }

    /// Only dumped cells are served: the client names files by path, and the kernel reads
    /// no other file for it.
    /// A dumped cell's file or an imported module's file; nothing else is read.
    private func source(_ arguments: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        guard let path = arguments["source"]?["path"]?.stringValue else { return .failure(DebugTargetFailure("source unavailable")) }
        let isCell = path.hasPrefix(prefix) && !path.dropFirst(prefix.count).contains("/")
        let isModule = !isCell && ((try? target.modules().get())?.contains { $0.path == path } ?? false)
        guard isCell || isModule, let bytes = FileBytes.read(path: path) else {
            return .failure(DebugTargetFailure("source unavailable"))
        }
        return .success(["content": .string(String(decoding: bytes, as: UTF8.self))])
    }

    /// DAP's `modules`: the modules imported from files, with `startModule` / `moduleCount`
    /// paging.
    private func modules(_ arguments: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        target.modules().map { all in
            let start = max(0, arguments["startModule"]?.intValue ?? 0)
            let count = max(0, arguments["moduleCount"]?.intValue ?? all.count)
            let page = all.enumerated().dropFirst(start).prefix(count == 0 ? all.count : count)
            return [
                "modules": .array(page.map { ["id": .int($0.offset), "name": .string($0.element.name), "path": .string($0.element.path)] }),
                "totalModules": .int(all.count),
            ]
        }
    }

    private func setBreakpoints(_ arguments: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        guard let path = arguments["source"]?["path"]?.stringValue else {
            return .failure(DebugTargetFailure("setBreakpoints needs 'source.path'"))
        }
        let requests = (arguments["breakpoints"]?.arrayValue ?? []).compactMap { item -> DebugTargetBreakpoint? in
            guard let line = item["line"]?.intValue else { return nil }
            return DebugTargetBreakpoint(line: line, condition: item["condition"]?.stringValue,
                                         hitCondition: item["hitCondition"]?.stringValue)
        }
        let set = target.setBreakpoints(requests, path: path)
        let breakpoints: [JSONValue] = set.map { breakpoint in
            var item: [String: JSONValue] = [
                "id": .int(breakpoint.id), "verified": .bool(breakpoint.problem == nil), "line": .int(breakpoint.line),
                "source": ["path": .string(path)],
            ]
            if let problem = breakpoint.problem { item["message"] = .string(problem) }
            return .object(item)
        }
        return .success(["breakpoints": .array(breakpoints)])
    }

    private func resume(_ how: DebugTargetResume, body: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        guard target.resume(how) else { return .failure(DebugTargetFailure("the program is not stopped")) }
        return .success(body)
    }
}

/// Publishes `debug_event`s on iopub from any thread (the interpreter's stops, the control
/// thread's replies), with its own codec under a lock: a codec numbers its messages.
final class DebugEventPublisher: @unchecked Sendable {
    // @unchecked: every field is used under `lock`.
    private let lock = Mutex(())
    private let codec: WireCodec
    private let iopub: any FrameChannel
    private var lastParent: Message?
    private var seq = 0

    init(codec: WireCodec, iopub: any FrameChannel) {
        self.codec = codec
        self.iopub = iopub
    }

    /// The request events are sent under (the latest debug request).
    func parent(_ message: Message) {
        lock.withLock { _ in lastParent = message }
    }

    /// A DAP sequence number (events and responses share one counter).
    func nextSeq() -> Int {
        lock.withLock { _ in
            seq += 1
            return seq
        }
    }

    func send(_ event: DebugTargetEvent) {
        switch event {
        case .stopped(let reason, let ids):
            var body: [String: JSONValue] = [
                "reason": .string(reason), "threadId": .int(DebugAdapter.threadID), "allThreadsStopped": true,
                "preserveFocusHint": false,
            ]
            if !ids.isEmpty { body["hitBreakpointIds"] = .array(ids.map { .int($0) }) }
            send(event: "stopped", body: .object(body))
        case .continued:
            send(event: "continued", body: ["threadId": .int(DebugAdapter.threadID), "allThreadsContinued": true])
        case .output(let text):
            send(event: "output", body: ["category": "console", "output": .string(text)])
        }
    }

    func send(event: String, body: JSONValue) {
        lock.withLock { _ in
            seq += 1
            let content: JSONValue = ["seq": .int(seq), "type": "event", "event": .string(event), "body": body]
            let topic = Array(("kernel." + codec.session + ".debug_event").utf8)
            _ = iopub.send(codec.encode(.debugEvent, content: content, parent: lastParent, identities: [topic]))
        }
    }
}

extension DebugAdapter {
    /// Where cell files go: `$TMPDIR`, else `/tmp`, as Python's `tempfile.gettempdir()`.
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), case let directory = String(cString: value), !directory.isEmpty {
            return directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        }
        return "/tmp"
    }

    /// The reply when the interpreter has no debugger.
    static func unavailable(_ request: JSONValue) -> JSONValue {
        [
            "seq": 1, "type": "response", "request_seq": request["seq"] ?? 0, "success": false,
            "command": request["command"] ?? "", "message": "this kernel has no debugger", "body": [:],
        ]
    }
}
