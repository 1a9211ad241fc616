import Glibc
import Synchronization

/// The debugger of one session: breakpoints, stepping and pausing, and the queue through
/// which another thread (the kernel's control thread) inspects the interpreter.
///
/// Everything that reads values runs on the interpreter's thread: while the program is
/// paused it waits here for jobs; while a cell runs with the debugger attached it takes them
/// at its next statement; when no cell runs the asking thread runs them on the session's
/// worker itself. State shared between threads is guarded by `lock`, hence
/// `@unchecked Sendable`.
public final class ScriptDebugger: @unchecked Sendable {
    /// How long a request waits for the interpreter before it is answered as busy.
    static let patience: Double = 3

    private let attachedFlag = Atomic<Bool>(false)
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Held while a cell runs: a thread that takes it knows the interpreter is idle.
    private let cellLock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    // Guarded by `lock`.
    private var breakpoints: [String: [BreakpointState]] = [:]
    private var nextBreakpointID = 1
    private var mode = RunMode.running
    private var paused = false
    private var pendingResume: DebugResume?
    private var jobs: [Job] = []
    private var sourcePath: @Sendable (String) -> String = { _ in "" }
    private var events: @Sendable (DebugEvent) -> Void = { _ in }
    /// Counts attaches, so the interpreter thread sees a new client's naming.
    private var attachCount = 0

    /// Interpreter-thread state (frames, references); touched only by the thread that runs
    /// the session's code.
    package let inspector = DebugInspector()
    /// Runs a job on the session's worker when no cell runs; set by the session as it is
    /// built (on another thread than the control thread reading it), hence under `lock`.
    private var idleRunner: ((Interpreter) -> Void) -> Void = { _ in }

    package func setIdleRunner(_ runner: @escaping ((Interpreter) -> Void) -> Void) {
        locked { idleRunner = runner }
    }

    package enum RunMode {
        case running
        case pausing
        case stepIn
        case stepOver(depth: Int)
        case stepOut(depth: Int)
    }

    /// Creates a debugger with no client attached.
    public init() {
        pthread_mutex_init(lock, nil)
        pthread_mutex_init(cellLock, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(cellLock)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        cellLock.deallocate()
        lock.deallocate()
    }

    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    // MARK: Attaching

    /// Whether a client is attached (cells started now stop at breakpoints).
    public var isAttached: Bool { attachedFlag.load(ordering: .acquiring) }

    /// Attaches a client: `sourcePath` names the file a cell's code is dumped to, `events`
    /// receives stops and resumptions (from any thread).
    public func attach(sourcePath: @escaping @Sendable (String) -> String,
                       events: @escaping @Sendable (DebugEvent) -> Void) {
        locked {
            self.sourcePath = sourcePath
            self.events = events
            attachCount += 1
        }
        attachedFlag.store(true, ordering: .releasing)
    }

    /// Detaches the client: breakpoints are forgotten and a paused program runs on.
    public func detach() {
        attachedFlag.store(false, ordering: .releasing)
        locked {
            breakpoints = [:]
            mode = .running
            if paused { pendingResume = .proceed }
            pthread_cond_broadcast(changed)
        }
    }

    /// Whether the program is stopped.
    public var isPaused: Bool { locked { paused } }

    /// A cell starts with a client attached (on the interpreter thread): the inspector
    /// takes the client's naming of cell files.
    package func cellStarting() {
        let (naming, count) = locked { (sourcePath, attachCount) }
        inspector.attached(sourcePath: naming, count: count)
    }

    func emit(_ event: DebugEvent) { locked { events } (event) }

    // MARK: Breakpoints

    /// Replaces the breakpoints of `path`; returns them as set (with any problem).
    public func setBreakpoints(_ requests: [DebugBreakpointRequest], path: String) -> [DebugBreakpoint] {
        locked {
            var states: [BreakpointState] = []
            for request in requests {
                let hit = request.hitCondition.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
                let parsed = hit.map(HitCondition.init)
                let problem: String? = if case .some(nil) = parsed {
                    "hitCondition '\(hit ?? "")' is not a number or an operator (==, >, >=, <, <=, %) and a number"
                } else { nil }
                let condition = request.condition.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
                let breakpoint = DebugBreakpoint(
                    id: nextBreakpointID, line: request.line, condition: condition, hitCondition: hit, problem: problem)
                nextBreakpointID += 1
                states.append(BreakpointState(breakpoint: breakpoint, hit: parsed ?? nil))
            }
            breakpoints[path] = states.isEmpty ? nil : states
            return states.map(\.breakpoint)
        }
    }

    /// Every path's breakpoints, for a client that reconnects.
    public var allBreakpoints: [(path: String, breakpoints: [DebugBreakpoint])] {
        locked { breakpoints.map { ($0.key, $0.value.map(\.breakpoint)) }.sorted { $0.path < $1.path } }
    }

    /// The breakpoints in force at `line` of `path` (counted as reached by the caller).
    func breakpoints(at line: Int, path: String) -> [BreakpointState] {
        guard let states = breakpoints[path] else { return [] }
        return states.filter { $0.breakpoint.line == line && $0.breakpoint.problem == nil }
    }

    // MARK: Running

    /// Resumes a paused program; false when it is not paused.
    public func resume(_ how: DebugResume) -> Bool {
        locked {
            guard paused else { return false }
            pendingResume = how
            pthread_cond_broadcast(changed)
            return true
        }
    }

    /// Stops the running program at its next statement.
    public func pause() {
        locked { if !paused { mode = .pausing } }
    }

    /// Runs a cell's `body` with the debugger's view of the cell: breakpoints of the cell's
    /// path apply, and stepping ends with the cell.
    package func runningCell<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(cellLock)
        defer {
            locked {
                mode = .running
                paused = false
            }
            pthread_mutex_unlock(cellLock)
        }
        return body()
    }

    /// The run mode for the interpreter's statement hook, taking a pause request.
    func takeMode() -> RunMode { locked { mode } }

    func setMode(_ newMode: RunMode) { locked { mode = newMode } }

    // MARK: Jobs

    /// A unit of interpreter-thread work handed over by another thread.
    package final class Job: @unchecked Sendable {
        package enum State { case waiting, running, done, abandoned }
        let body: (Interpreter) -> Void
        var state = State.waiting  // guarded by the debugger's lock
        init(_ body: @escaping (Interpreter) -> Void) { self.body = body }
    }

    /// Runs `body` on the interpreter's thread and returns its result, or fails when the
    /// interpreter stays busy (a statement that takes long, a cell run without the debugger).
    func perform<T>(_ body: @escaping (Interpreter, DebugInspector) -> T) -> Result<T, DebugFailure> {
        let box = ResultBox<T>()
        let job = Job { [inspector] interpreter in box.value = body(interpreter, inspector) }
        locked {
            jobs.append(job)
            pthread_cond_broadcast(changed)
        }
        let deadline = Self.now() + Self.patience
        while true {
            if pthread_mutex_trylock(cellLock) == 0 {
                let runner = locked { idleRunner }
                runner { interpreter in self.serveJobs(interpreter) }
                pthread_mutex_unlock(cellLock)
            }
            let outcome: Result<T, DebugFailure>? = locked {
                if job.state != .done { wait(seconds: 0.02) }
                if job.state == .done, let value = box.value { return .success(value) }
                if Self.now() > deadline {
                    job.state = .abandoned
                    jobs.removeAll { $0 === job }
                    return .failure(DebugFailure("the kernel is busy: the running cell did not reach a statement in time"))
                }
                return nil
            }
            if let outcome { return outcome }
        }
    }

    /// Runs the jobs waiting for the interpreter (on its thread).
    func serveJobs(_ interpreter: Interpreter) {
        while let job = nextJob() {
            job.body(interpreter)
            locked {
                job.state = .done
                pthread_cond_broadcast(changed)
            }
        }
    }

    private func nextJob() -> Job? {
        locked {
            guard !jobs.isEmpty else { return nil }
            let job = jobs.removeFirst()
            job.state = .running
            return job
        }
    }

    var hasJobs: Bool { locked { !jobs.isEmpty } }

    // MARK: Pausing (interpreter thread)

    /// Marks the program paused and returns once the client resumes it (with the mode to run
    /// in), or nil when an interrupt, or a detach, ends the pause.
    func waitWhilePaused(_ interpreter: Interpreter) -> DebugResume? {
        locked {
            paused = true
            pendingResume = nil
        }
        defer { locked { paused = false } }
        while true {
            serveJobs(interpreter)
            if interpreter.host.interruptRequested || !isAttached { return nil }
            let resume: DebugResume? = locked {
                if jobs.isEmpty && pendingResume == nil { wait(seconds: 0.05) }
                defer { pendingResume = nil }
                return pendingResume
            }
            if let resume {
                serveJobs(interpreter)
                return resume
            }
        }
    }

    /// Waits on `changed` (the lock held) for at most `seconds`.
    private func wait(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let total = Int(now.tv_nsec) + Int(seconds * 1e9)
        var until = timespec(tv_sec: now.tv_sec + total / 1_000_000_000, tv_nsec: total % 1_000_000_000)
        pthread_cond_timedwait(changed, lock, &until)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Where a job leaves its result for the thread waiting on it (which reads it only after
/// the job is marked done under the debugger's lock).
package final class ResultBox<T>: @unchecked Sendable {
    package var value: T?
}

/// A breakpoint and how often it has been reached.
package final class BreakpointState {
    package let breakpoint: DebugBreakpoint
    let hit: HitCondition?
    package var hits = 0

    init(breakpoint: DebugBreakpoint, hit: HitCondition?) {
        self.breakpoint = breakpoint
        self.hit = hit
    }
}

/// A hit condition as debugpy reads it: `5` (the fifth time), `>= 5`, `% 2`, ...
package enum HitCondition {
    case equal(Int), greater(Int), atLeast(Int), less(Int), atMost(Int), multiple(Int)

    init?(_ text: String) {
        var rest = Substring(text.trimmingSpaces)
        let operators: [(String, (Int) -> HitCondition)] = [
            ("==", HitCondition.equal), (">=", HitCondition.atLeast), ("<=", HitCondition.atMost),
            (">", HitCondition.greater), ("<", HitCondition.less), ("%", HitCondition.multiple),
        ]
        var make: (Int) -> HitCondition = HitCondition.equal
        for (symbol, maker) in operators where rest.hasPrefix(symbol) {
            rest = rest.dropFirst(symbol.count)
            make = maker
            break
        }
        guard let number = Int(String(rest).trimmingSpaces) else { return nil }
        if case .multiple = make(number), number <= 0 { return nil }
        self = make(number)
    }

    package func holds(after hits: Int) -> Bool {
        switch self {
        case .equal(let n): hits == n
        case .greater(let n): hits > n
        case .atLeast(let n): hits >= n
        case .less(let n): hits < n
        case .atMost(let n): hits <= n
        case .multiple(let n): hits % n == 0
        }
    }
}
