/// The debugger's interpreter-thread side: the frames of the running code, and the numbered
/// references (scopes, values) a client expands. Only the thread running the session's code
/// touches it.
package final class DebugInspector {
    /// The longest value text sent for one variable (debugpy's limit).
    static let valueLimit = 1000
    /// The most items listed for one container.
    static let itemLimit = 1000

    package struct FrameRecord {
        package let unit: SourceUnit
        package let function: String
        package let line: Int
        let scope: Scope
    }

    /// What a variables reference stands for.
    package enum Reference {
        case locals(Scope)
        case globals(Scope)
        case value(Value)
    }

    /// The frames of the running code by call depth, outermost first.
    private var records: [(depth: Int, frame: FrameRecord)] = []
    /// The frames of the stop, innermost first (a frame's id is its index plus one).
    private(set) var stopped: [FrameRecord] = []
    private var references: [Reference] = []
    /// The dumped-cell path of each cell seen while attached (the unit is kept so its
    /// identifier is not reused); forgotten on detach, as the naming may change.
    private var paths: [ObjectIdentifier: (unit: SourceUnit, path: String)] = [:]
    /// Names a cell's file (the attached client's naming).
    package var sourcePath: (String) -> String = { _ in "" }

    package func path(of unit: SourceUnit) -> String? {
        if let known = paths[ObjectIdentifier(unit)] { return known.path }
        let path: String
        if let code = unit.cellCode {
            path = sourcePath(code)
        } else if case .file(let file) = SourceLabel(unit.name), !file.hasPrefix("<") {
            // A module's file is its own source path, so breakpoints set in it (opened from
            // Kernel Sources) stop there.
            path = (try? PosixPath.abspath(file)) ?? file
        } else {
            return nil
        }
        paths[ObjectIdentifier(unit)] = (unit, path)
        return path
    }

    /// Which attach `sourcePath` belongs to.
    private var attachCount = 0

    /// Takes the naming of attach number `count` (cells are named by its scheme).
    package func attached(sourcePath: @escaping (String) -> String, count: Int) {
        guard count != attachCount else { return }
        attachCount = count
        self.sourcePath = sourcePath
        paths = [:]
    }

    package func record(depth: Int, frame: FrameRecord) {
        while let last = records.last, last.depth >= depth { records.removeLast() }
        records.append((depth, frame))
    }

    func beginStop() {
        stopped = records.reversed().map(\.frame)
        references = []
    }

    func endStop() {
        stopped = []
        references = []
    }

    /// Forgets the running code's frames (a cell ended); references handed out while
    /// nothing was stopped stay valid until the next `globalVariables`.
    package func reset() {
        records = []
        stopped = []
    }

    // MARK: Frames and scopes

    package func frames() -> [DebugFrame] {
        stopped.enumerated().map { index, frame in
            DebugFrame(id: index + 1, name: frame.function, path: path(of: frame.unit), unitName: frame.unit.name,
                       line: frame.line)
        }
    }

    package func frame(_ id: Int) -> FrameRecord? {
        id >= 1 && id <= stopped.count ? stopped[id - 1] : nil
    }

    package func scopes(frame id: Int, globals: Scope) -> [DebugScope] {
        guard let frame = frame(id) else { return [] }
        return [
            DebugScope(name: "Locals", reference: reference(to: .locals(frame.scope))),
            DebugScope(name: "Globals", reference: reference(to: .globals(globals))),
        ]
    }

    /// The globals as a client's Variables panel lists them when nothing is stopped.
    package func globalVariables(_ globals: Scope, interpreter: Interpreter) -> [DebugVariable] {
        references = []
        return variables(.globals(globals), interpreter: interpreter)
    }

    private func reference(to target: Reference) -> Int {
        references.append(target)
        return references.count
    }

    // MARK: Variables

    package func variables(reference id: Int, interpreter: Interpreter) -> [DebugVariable]? {
        guard id >= 1 && id <= references.count else { return nil }
        return variables(references[id - 1], interpreter: interpreter)
    }

    package func value(reference id: Int) -> Value? {
        guard id >= 1 && id <= references.count, case .value(let value) = references[id - 1] else { return nil }
        return value
    }

    private func variables(_ target: Reference, interpreter: Interpreter) -> [DebugVariable] {
        let named: [(String, Value)]
        switch target {
        case .globals(let scope):
            named = scope.entries.map { (interpreter.symbols.name($0.id), $0.value) }.filter { Self.isShown($0.0) }
        case .locals(let scope):
            named = localEntries(scope, interpreter: interpreter).filter { Self.isShown($0.0) }
        case .value(let value):
            named = children(of: value, interpreter: interpreter)
        }
        return named.map { describe(name: $0.0, $0.1, interpreter: interpreter) }
    }

    /// Names a notebook's Variables panel leaves out, as ipykernel's does.
    private static func isShown(_ name: String) -> Bool {
        let hidden: Set<String> = ["In", "Out", "exit", "quit", "get_ipython", "_", "__", "___", "_oh", "_dh"]
        if hidden.contains(name) || name.hasPrefix("__") || name.hasPrefix("_i") { return false }
        if name.hasPrefix("_"), let next = name.dropFirst().first, next.isNumber { return false }
        return true
    }

    private func localEntries(_ scope: Scope, interpreter: Interpreter) -> [(String, Value)] {
        switch scope.kind {
        case .module:
            return scope.entries.map { (interpreter.symbols.name($0.id), $0.value) }
        case .function, .classBody:
            guard case .success(.dict(let dict)) = interpreter.withoutDebugger({ () throws(ScriptError) in
                try interpreter.locals(of: scope)
            }) else { return [] }
            return dict.items.compactMap { key, value in
                if case .str(let name) = key { return (name, value) }
                return nil
            }
        }
    }

    /// A variable as the client shows it: its repr (cut), its type, and a reference when it
    /// has children.
    package func describe(name: String, _ value: Value, interpreter: Interpreter) -> DebugVariable {
        let text: String
        switch interpreter.withoutDebugger({ () throws(ScriptError) in try interpreter.repr(value) }) {
        case .success(let repr): text = repr.count > Self.valueLimit ? String(repr.prefix(Self.valueLimit)) + "..." : repr
        case .failure(let error): text = "<repr failed: \(describe(error, interpreter))>"
        }
        let expandable = hasChildren(value, interpreter: interpreter)
        return DebugVariable(name: name, value: text, type: interpreter.typeObject(of: value).name,
                             reference: expandable ? reference(to: .value(value)) : 0)
    }

    package func describe(_ error: ScriptError, _ interpreter: Interpreter) -> String {
        let (name, message) = interpreter.describe(error)
        return message.isEmpty ? name : "\(name): \(message)"
    }

    // MARK: Evaluation

    /// Evaluates `source` in `scope` (an expression, else statements), with the hook off.
    package func evaluate(_ source: String, in scope: Scope, interpreter: Interpreter) -> Result<Value, DebugFailure> {
        let result = interpreter.withoutDebugger { () throws(ScriptError) -> Value in
            if let expression = try? Parser.parseExpression(source) {
                return try interpreter.evaluate(expression, in: scope)
            }
            let statements: [Stmt]
            do throws(SyntaxError) {
                statements = try Parser.parse(source)
            } catch {
                throw ScriptError(syntax: error, unit: "<debugger>")
            }
            _ = try interpreter.execute(statements, in: scope)
            return .none
        }
        switch result {
        case .success(let value): return .success(value)
        case .failure(let error): return .failure(DebugFailure(describe(error, interpreter)))
        }
    }
}
