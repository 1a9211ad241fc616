import Jupyter
import Script

/// The Jupyter debugger's target over a Script session's debugger: the only place their
/// types meet.
final class RecurDebugTarget: DebugTarget {
    private let debugger: ScriptDebugger

    init(_ debugger: ScriptDebugger) {
        self.debugger = debugger
    }

    func attach(sourcePath: @escaping @Sendable (String) -> String,
                events: @escaping @Sendable (DebugTargetEvent) -> Void) {
        debugger.attach(sourcePath: sourcePath) { event in
            switch event {
            case .stopped(let reason, let ids): events(.stopped(reason: reason.rawValue, breakpointIDs: ids))
            case .continued: events(.continued)
            case .output(let text): events(.output(text))
            }
        }
    }

    func detach() { debugger.detach() }

    var isPaused: Bool { debugger.isPaused }

    func setBreakpoints(_ requests: [DebugTargetBreakpoint], path: String) -> [DebugTargetBreakpoint] {
        let asked = requests.map {
            DebugBreakpointRequest(line: $0.line, condition: $0.condition, hitCondition: $0.hitCondition)
        }
        return debugger.setBreakpoints(asked, path: path).map(Self.breakpoint)
    }

    var breakpoints: [(path: String, breakpoints: [DebugTargetBreakpoint])] {
        debugger.allBreakpoints.map { ($0.path, $0.breakpoints.map(Self.breakpoint)) }
    }

    private static func breakpoint(_ set: DebugBreakpoint) -> DebugTargetBreakpoint {
        DebugTargetBreakpoint(id: set.id, line: set.line, condition: set.condition, hitCondition: set.hitCondition,
                              problem: set.problem)
    }

    func resume(_ how: DebugTargetResume) -> Bool {
        switch how {
        case .proceed: debugger.resume(.proceed)
        case .stepOver: debugger.resume(.stepOver)
        case .stepIn: debugger.resume(.stepIn)
        case .stepOut: debugger.resume(.stepOut)
        }
    }

    func pause() { debugger.pause() }

    func stackTrace() -> Result<[DebugTargetFrame], DebugTargetFailure> {
        debugger.stackTrace().map { frames in
            frames.map { DebugTargetFrame(id: $0.id, name: $0.name, path: $0.path, sourceName: $0.unitName, line: $0.line) }
        }.mapError(Self.failure)
    }

    func scopes(frame: Int) -> Result<[(name: String, reference: Int)], DebugTargetFailure> {
        debugger.scopes(frame: frame).map { $0.map { ($0.name, $0.reference) } }.mapError(Self.failure)
    }

    func variables(reference: Int) -> Result<[DebugTargetVariable], DebugTargetFailure> {
        debugger.variables(reference: reference).map { $0.map(Self.variable) }.mapError(Self.failure)
    }

    func globalVariables() -> Result<[DebugTargetVariable], DebugTargetFailure> {
        debugger.globalVariables().map { $0.map(Self.variable) }.mapError(Self.failure)
    }

    func evaluate(_ expression: String, frame: Int?) -> Result<DebugTargetVariable, DebugTargetFailure> {
        debugger.evaluate(expression, frame: frame).map(Self.variable).mapError(Self.failure)
    }

    func modules() -> Result<[(name: String, path: String)], DebugTargetFailure> {
        debugger.loadedModules().mapError(Self.failure)
    }

    func richInspect(_ name: String, frame: Int?) -> Result<DisplayBundle, DebugTargetFailure> {
        debugger.richInspect(name, frame: frame).map(DisplayBundle.init).mapError(Self.failure)
    }

    func copyToGlobals(_ source: String, frame: Int, destination: String) -> Result<DebugTargetVariable, DebugTargetFailure> {
        debugger.copyToGlobals(source, frame: frame, destination: destination).map(Self.variable).mapError(Self.failure)
    }

    private static func variable(_ variable: DebugVariable) -> DebugTargetVariable {
        DebugTargetVariable(name: variable.name, value: variable.value, type: variable.type, reference: variable.reference)
    }

    private static func failure(_ failure: DebugFailure) -> DebugTargetFailure {
        DebugTargetFailure(failure.message)
    }
}
