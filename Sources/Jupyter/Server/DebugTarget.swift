/// A language's side of the Jupyter debugger: what `DebugAdapter` asks of the program it
/// debugs. Called from the control thread (and events delivered from any thread), so an
/// implementation is thread-safe and runs value inspection on its interpreter's thread.
public protocol DebugTarget: AnyObject, Sendable {
    /// Starts debugging: cells run from now on are attributed to `sourcePath(code)`, and
    /// stops and resumptions are reported to `events`.
    func attach(sourcePath: @escaping @Sendable (String) -> String, events: @escaping @Sendable (DebugTargetEvent) -> Void)
    /// Stops debugging: breakpoints go, a paused program runs on.
    func detach()
    /// Whether the program is stopped.
    var isPaused: Bool { get }
    /// Replaces the breakpoints of one source file.
    func setBreakpoints(_ requests: [DebugTargetBreakpoint], path: String) -> [DebugTargetBreakpoint]
    /// Every file's breakpoints.
    var breakpoints: [(path: String, breakpoints: [DebugTargetBreakpoint])] { get }
    /// Resumes a stopped program; false when it is not stopped.
    func resume(_ how: DebugTargetResume) -> Bool
    /// Stops the running program at its next statement.
    func pause()
    /// The stopped program's frames, innermost first.
    func stackTrace() -> Result<[DebugTargetFrame], DebugTargetFailure>
    /// A frame's scopes as (name, variables reference).
    func scopes(frame: Int) -> Result<[(name: String, reference: Int)], DebugTargetFailure>
    /// The children of a variables reference.
    func variables(reference: Int) -> Result<[DebugTargetVariable], DebugTargetFailure>
    /// The workspace's variables while nothing is stopped.
    func globalVariables() -> Result<[DebugTargetVariable], DebugTargetFailure>
    /// Evaluates `expression` in a stopped frame, or in the workspace when `frame` is nil.
    func evaluate(_ expression: String, frame: Int?) -> Result<DebugTargetVariable, DebugTargetFailure>
    /// The display of a variable, as a notebook would show it.
    func richInspect(_ name: String, frame: Int?) -> Result<DisplayBundle, DebugTargetFailure>
    /// The modules imported from files: name and absolute path.
    func modules() -> Result<[(name: String, path: String)], DebugTargetFailure>
    /// Binds a frame's variable to a global name.
    func copyToGlobals(_ source: String, frame: Int, destination: String) -> Result<DebugTargetVariable, DebugTargetFailure>
}

/// How a stopped program goes on.
public enum DebugTargetResume: Sendable {
    /// To the next breakpoint, the next statement of this frame or an outer one, the next
    /// statement anywhere, the next statement of an outer frame.
    case proceed, stepOver, stepIn, stepOut
}

/// What the debugged program reports.
public enum DebugTargetEvent: Sendable {
    /// Stopped, with DAP's reason (`breakpoint`, `step`, `pause`).
    case stopped(reason: String, breakpointIDs: [Int])
    /// Running again.
    case continued
    /// Text for the client's debug console.
    case output(String)
}

/// A breakpoint: asked for (id 0) or as set.
public struct DebugTargetBreakpoint: Sendable {
    /// The number events name it by.
    public var id: Int
    /// The 1-based line.
    public var line: Int
    /// An expression that must hold to stop.
    public var condition: String?
    /// How many hits stop (debugpy's syntax).
    public var hitCondition: String?
    /// Why the breakpoint is not in force, when it is not.
    public var problem: String?

    /// Creates a breakpoint description.
    public init(id: Int = 0, line: Int, condition: String? = nil, hitCondition: String? = nil, problem: String? = nil) {
        self.id = id
        self.line = line
        self.condition = condition
        self.hitCondition = hitCondition
        self.problem = problem
    }
}

/// One frame of a stopped program.
public struct DebugTargetFrame: Sendable {
    /// The frame's number during this stop.
    public var id: Int
    /// The function's name.
    public var name: String
    /// The dumped cell's file, when there is one.
    public var path: String?
    /// The code's name in tracebacks (`Cell In[3]`).
    public var sourceName: String
    /// The line about to run.
    public var line: Int

    /// Creates a frame description.
    public init(id: Int, name: String, path: String?, sourceName: String, line: Int) {
        self.id = id
        self.name = name
        self.path = path
        self.sourceName = sourceName
        self.line = line
    }
}

/// A variable: its repr, its type, and a reference to its children (0 when none).
public struct DebugTargetVariable: Sendable {
    /// The name.
    public var name: String
    /// The repr.
    public var value: String
    /// The type's name.
    public var type: String
    /// The reference to its children, 0 when it has none.
    public var reference: Int

    /// Creates a variable description.
    public init(name: String, value: String, type: String, reference: Int) {
        self.name = name
        self.value = value
        self.type = type
        self.reference = reference
    }
}

/// Why a request failed, for the reply's `message`.
public struct DebugTargetFailure: Error, Sendable {
    /// What went wrong.
    public var message: String

    /// Wraps a message.
    public init(_ message: String) { self.message = message }
}
