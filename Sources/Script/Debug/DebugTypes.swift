/// How a paused program goes on.
public enum DebugResume: Sendable {
    /// Runs to the next breakpoint (DAP `continue`).
    case proceed
    /// Stops at the next statement of the same frame or an outer one (`next`).
    case stepOver
    /// Stops at the next statement anywhere, inside a call too (`stepIn`).
    case stepIn
    /// Stops at the next statement of an outer frame (`stepOut`).
    case stepOut
}

/// Why the program stopped, in DAP's words.
public enum DebugStopReason: String, Sendable {
    /// A breakpoint's line was reached (and its conditions held).
    case breakpoint
    /// A step ended.
    case step
    /// The client asked to pause.
    case pause
}

/// What the debugger tells its client as the program runs.
public enum DebugEvent: Sendable {
    /// The interpreter thread stopped.
    case stopped(DebugStopReason, breakpointIDs: [Int])
    /// The interpreter thread runs again.
    case continued
    /// Text for the client's console (a condition that failed to evaluate).
    case output(String)
}

/// A breakpoint as the client asks for it.
public struct DebugBreakpointRequest: Sendable {
    /// The 1-based line.
    public var line: Int
    /// An expression that must be true for the breakpoint to stop.
    public var condition: String?
    /// How many hits stop (debugpy's syntax: `5`, `>= 5`, `% 5`, ...).
    public var hitCondition: String?

    /// Creates a request for `line` (1-based).
    public init(line: Int, condition: String?, hitCondition: String?) {
        self.line = line
        self.condition = condition
        self.hitCondition = hitCondition
    }
}

/// A breakpoint as the debugger holds it.
public struct DebugBreakpoint: Sendable {
    /// The number events name it by (`hitBreakpointIds`).
    public let id: Int
    /// The 1-based line.
    public let line: Int
    /// The condition, when one was given.
    public let condition: String?
    /// The hit condition, when one was given.
    public let hitCondition: String?
    /// Nil when the breakpoint is in force; otherwise why it is not.
    public let problem: String?
}

/// One frame of the paused interpreter's stack, innermost first.
public struct DebugFrame: Sendable {
    /// The frame's number during this stop (1 is the innermost).
    public let id: Int
    /// The function's name (`<module>` for a cell's own code).
    public let name: String
    /// The cell's source file, when the code came from a dumped cell.
    public let path: String?
    /// The frame's code unit as tracebacks name it (`Cell In[3]`).
    public let unitName: String
    /// The line about to run.
    public let line: Int
}

/// A scope of a frame (its locals, the globals).
public struct DebugScope: Sendable {
    /// `Locals` or `Globals`.
    public let name: String
    /// The variables reference that lists it.
    public let reference: Int
}

/// One variable as the client lists it.
public struct DebugVariable: Sendable {
    /// The name (an item's index or key repr inside a container).
    public let name: String
    /// The repr, cut at 1000 characters.
    public let value: String
    /// The type's name.
    public let type: String
    /// Nonzero when the value has children to expand.
    public let reference: Int
}

/// Why a debugger request could not be answered.
public struct DebugFailure: Error, Sendable {
    /// What went wrong, for the client.
    public let message: String

    /// Wraps a message for the client.
    public init(_ message: String) { self.message = message }
}
