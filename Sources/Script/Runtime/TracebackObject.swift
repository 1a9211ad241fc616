import Rendering
/// `e.__traceback__`: one frame of a caught exception's traceback, from the frame that caught
/// it (`tb_lineno`, `tb_frame`) towards the one that raised it (`tb_next`), as CPython's.
final class TracebackObject: ScriptObject {
    let frame: TraceFrame
    let next: TracebackObject?

    init(_ frame: TraceFrame, next: TracebackObject?) {
        self.frame = frame
        self.next = next
    }

    /// The chain for a traceback, outermost frame first; nil when there is none.
    static func chain(_ frames: [TraceFrame]) -> TracebackObject? {
        var next: TracebackObject?
        for frame in frames.reversed() { next = TracebackObject(frame, next: next) }
        return next
    }

    var typeName: String { "traceback" }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "tb_lineno": return .int(frame.line)
        case "tb_next": return next.map { Value.object($0) } ?? Value.none
        case "tb_frame": return .object(TraceFrameObject(frame))
        default: return nil
        }
    }

    var attributeNames: [String] { ["tb_frame", "tb_lineno", "tb_next"] }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<traceback object at \(addressText(of: self))>"
    }
}

/// `tb.tb_frame`: the code of one traceback entry (`f_code.co_name`, `f_code.co_filename`).
/// Frames do not outlive their call in Recur, so what a live frame would tell (`f_lineno` of
/// the frame still running, `f_locals`) is not offered.
final class TraceFrameObject: ScriptObject {
    let frame: TraceFrame
    init(_ frame: TraceFrame) { self.frame = frame }

    var typeName: String { "frame" }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "f_code": return .object(TraceCodeObject(frame))
        default: return nil
        }
    }

    var attributeNames: [String] { ["f_code"] }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<frame at \(addressText(of: self)), file \(PythonString.repr(frame.unit.name)), code \(frame.function)>"
    }
}

/// `frame.f_code`: the name and file of the code a traceback entry ran.
final class TraceCodeObject: ScriptObject {
    let frame: TraceFrame
    init(_ frame: TraceFrame) { self.frame = frame }

    var typeName: String { "code" }

    func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "co_name": return .str(frame.function)
        case "co_filename": return .str(frame.unit.name)
        default: return nil
        }
    }

    var attributeNames: [String] { ["co_filename", "co_name"] }

    func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<code object \(frame.function) at \(addressText(of: self)), file \(PythonString.repr(frame.unit.name))>"
    }
}
