import Script
import ScriptLibrary
/// `exit` and `quit`: end the session, as IPython's do.
///
/// IPython's kernel answers `exit()` with an `ask_exit` payload on the reply and stops once the
/// cell has finished (the rest of the cell still runs); a script stops at once with
/// `SystemExit`. The host decides which (`ScriptHost.requestExit`). Like IPython's autocall
/// objects, a line holding only the bare name calls it (`Session` does that).
final class ExitAutocall: ScriptObject {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    var typeName: String { "ExitAutocall" }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        try arguments.expect(name, 0...1, keywords: ["keep_kernel"])
        let keep = arguments.positional.first ?? arguments.keyword("keep_kernel") ?? .bool(false)
        switch interpreter.host.requestExit(keepKernel: try interpreter.truth(keep)) {
        case .afterCell: return Value.none
        case .raiseSystemExit:
            // A script's `exit(code)` is Python's (site.Quitter): the argument is the status.
            throw try interpreter.errorToRaise(.type(interpreter.types.exception(.systemExit)),
                                               value: arguments.positional.first)
        }
    }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "Use \(name)() or \(name) to end the session"
    }

    /// Registers `exit` and `quit` in an interpreter's builtins.
    static func install(in interpreter: Interpreter) {
        for name in ["exit", "quit"] { interpreter.defineBuiltin(name, .object(ExitAutocall(name))) }
    }

    /// Whether `statement` is a line holding only `exit` or `quit`.
    static func isBareName(_ statement: Stmt) -> Bool {
        guard case .expression(.name(let ref)) = statement.kind else { return false }
        return ref.text == "exit" || ref.text == "quit"
    }
}
