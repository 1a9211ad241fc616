/// A raised exception travelling up the Swift stack. It never leaves the session's
/// execution thread (the session turns it into a `ScriptFailure` first), hence unchecked.
package struct ScriptError: Error, @unchecked Sendable {
    package enum Payload {
        /// A built-in exception raised by the runtime, materialised lazily.
        case builtin(ExceptionKind, String)
        /// An exception object (raised by user code, or materialised for `except ... as e`).
        case instance(InstanceObject)
    }

    package var payload: Payload
    /// The exception's `args` when they are not just the message (KeyError keeps its key).
    package var arguments: [Value]?
    /// `raise ... from cause`: the explicit cause (`__cause__`).
    package var cause: ChainedError?
    /// The exception being handled when this one was raised (`__context__`).
    package var context: ChainedError?
    /// Set by `raise ... from`: the context is not shown (`__suppress_context__`).
    package var suppressContext = false
    /// Frames from outermost to innermost, filled in as the error unwinds.
    package var traceback: [TraceFrame] = []

    package init(_ kind: ExceptionKind, _ message: String) {
        payload = .builtin(kind, message)
    }

    package init(instance: InstanceObject) {
        payload = .instance(instance)
    }

    /// `KeyError(key)`: the message is the key's repr, and `args` holds the key itself.
    package static func keyError(_ key: Value, repr: String) -> ScriptError {
        var error = ScriptError(.keyError, repr)
        error.arguments = [key]
        return error
    }

    /// Whether this is the TypeError that iterating a non-iterable raises.
    var isNotIterable: Bool {
        if case .builtin(.typeError, let message) = payload { return message.hasSuffix("object is not iterable") }
        return false
    }

    package static func typeError(_ message: String) -> ScriptError { ScriptError(.typeError, message) }
    package static func valueError(_ message: String) -> ScriptError { ScriptError(.valueError, message) }
    package static func indexError(_ message: String) -> ScriptError { ScriptError(.indexError, message) }
    package static func attributeError(_ message: String) -> ScriptError { ScriptError(.attributeError, message) }
    package static func runtimeError(_ message: String) -> ScriptError { ScriptError(.runtimeError, message) }
    package static func zeroDivision(_ message: String) -> ScriptError { ScriptError(.zeroDivisionError, message) }
}

/// An exception linked from another as its cause or context.
package final class ChainedError: @unchecked Sendable {
    package let error: ScriptError
    init(_ error: ScriptError) { self.error = error }
}

/// One line of a traceback: where the code was when the error passed through.
package struct TraceFrame {
    package var unit: SourceUnit
    package var line: Int
    package var function: String
    /// The function running in this frame (nil at module level): IPython's tracebacks show
    /// its lines from its `def` and its parameters.
    package var definition: FunctionDefinition? = nil
    /// The parameters' values when the error left the frame (`%xmode Verbose` shows them).
    package var arguments: [(name: String, value: Value?)] = []

    package init(unit: SourceUnit, line: Int, function: String, definition: FunctionDefinition? = nil,
                 arguments: [(name: String, value: Value?)] = []) {
        self.unit = unit
        self.line = line
        self.function = function
        self.definition = definition
        self.arguments = arguments
    }
}

/// A piece of source that ran: a cell or a file. Functions keep theirs for tracebacks.
package final class SourceUnit {
    package let name: String
    private let source: String
    /// A notebook cell's code as the frontend sent it (a debugger names the cell's file by
    /// it); nil for files and `eval` input.
    package var cellCode: String?
    // Split on first use: only tracebacks read lines, and splitting a cell into Characters
    // on every run cost more than parsing it.
    private lazy var lines: [Substring] = source.split(separator: "\n", omittingEmptySubsequences: false)

    package init(name: String, source: String) {
        self.name = name
        self.source = source
    }

    package func line(_ number: Int) -> String? {
        guard number >= 1 && number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// How many lines the source has.
    var lineCount: Int { lines.count }
}
