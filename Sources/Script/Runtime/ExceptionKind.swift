/// Python's built-in exception classes that Recur script raises.
package enum ExceptionKind: String, CaseIterable, Sendable {
    case baseException = "BaseException"
    case exception = "Exception"
    case keyboardInterrupt = "KeyboardInterrupt"
    case systemExit = "SystemExit"
    case generatorExit = "GeneratorExit"
    case arithmeticError = "ArithmeticError"
    case zeroDivisionError = "ZeroDivisionError"
    case overflowError = "OverflowError"
    case floatingPointError = "FloatingPointError"
    case assertionError = "AssertionError"
    case attributeError = "AttributeError"
    case lookupError = "LookupError"
    case indexError = "IndexError"
    case keyError = "KeyError"
    case nameError = "NameError"
    case unboundLocalError = "UnboundLocalError"
    case typeError = "TypeError"
    case valueError = "ValueError"
    case runtimeError = "RuntimeError"
    case notImplementedError = "NotImplementedError"
    case recursionError = "RecursionError"
    case stopIteration = "StopIteration"
    case importError = "ImportError"
    case moduleNotFoundError = "ModuleNotFoundError"
    case syntaxError = "SyntaxError"
    case indentationError = "IndentationError"
    case memoryError = "MemoryError"
    case osError = "OSError"
    case fileNotFoundError = "FileNotFoundError"
    case fileExistsError = "FileExistsError"
    case isADirectoryError = "IsADirectoryError"
    case notADirectoryError = "NotADirectoryError"
    case permissionError = "PermissionError"
    case eofError = "EOFError"
    case unicodeError = "UnicodeError"
    case unicodeDecodeError = "UnicodeDecodeError"
    case unicodeEncodeError = "UnicodeEncodeError"
    case warning = "Warning"
    case userWarning = "UserWarning"
    case deprecationWarning = "DeprecationWarning"
    case pendingDeprecationWarning = "PendingDeprecationWarning"
    case syntaxWarning = "SyntaxWarning"
    case runtimeWarning = "RuntimeWarning"
    case futureWarning = "FutureWarning"
    case importWarning = "ImportWarning"
    case unicodeWarning = "UnicodeWarning"
    case bytesWarning = "BytesWarning"
    case resourceWarning = "ResourceWarning"
    case encodingWarning = "EncodingWarning"
    /// IPython's error for misused magics (`!cmd`, unknown `%magic`).
    case usageError = "UsageError"
    /// IPython's error for `input()` when the frontend has no stdin.
    case stdinNotImplementedError = "StdinNotImplementedError"

    package var parent: ExceptionKind? {
        switch self {
        case .baseException: nil
        case .exception, .keyboardInterrupt, .systemExit, .generatorExit: .baseException
        case .arithmeticError, .assertionError, .attributeError, .lookupError, .nameError,
             .typeError, .valueError, .runtimeError, .stopIteration, .importError, .syntaxError,
             .memoryError, .osError, .eofError, .usageError, .warning:
            .exception
        case .userWarning, .deprecationWarning, .pendingDeprecationWarning, .syntaxWarning, .runtimeWarning,
             .futureWarning, .importWarning, .unicodeWarning, .bytesWarning, .resourceWarning, .encodingWarning:
            .warning
        case .zeroDivisionError, .overflowError, .floatingPointError: .arithmeticError
        case .indexError, .keyError: .lookupError
        case .unboundLocalError: .nameError
        case .notImplementedError, .recursionError: .runtimeError
        case .stdinNotImplementedError: .notImplementedError
        case .moduleNotFoundError: .importError
        case .indentationError: .syntaxError
        case .fileNotFoundError, .fileExistsError, .isADirectoryError, .notADirectoryError, .permissionError: .osError
        case .unicodeError: .valueError
        case .unicodeDecodeError, .unicodeEncodeError: .unicodeError
        }
    }

    func isSubkind(of other: ExceptionKind) -> Bool {
        var kind: ExceptionKind? = self
        while let k = kind {
            if k == other { return true }
            kind = k.parent
        }
        return false
    }
}
