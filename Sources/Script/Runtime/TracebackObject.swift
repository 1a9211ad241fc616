import Rendering
/// `e.__traceback__`: one frame of a caught exception's traceback, from the frame that caught
/// it (`tb_lineno`, `tb_frame`) towards the one that raised it (`tb_next`), as CPython's.
package final class TracebackObject: ScriptObject {
    package let frame: TraceFrame
    package let next: TracebackObject?

    init(_ frame: TraceFrame, next: TracebackObject?) {
        self.frame = frame
        self.next = next
    }

    /// The chain for a traceback, outermost frame first; nil when there is none.
    package static func chain(_ frames: [TraceFrame]) -> TracebackObject? {
        var next: TracebackObject?
        for frame in frames.reversed() { next = TracebackObject(frame, next: next) }
        return next
    }

    package var typeName: String { "traceback" }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "tb_lineno": return .int(frame.line)
        case "tb_next": return next.map { Value.object($0) } ?? Value.none
        case "tb_frame": return .object(TraceFrameObject(frame))
        default: return nil
        }
    }

    package var attributeNames: [String] { ["tb_frame", "tb_lineno", "tb_next"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<traceback object at \(addressText(of: self))>"
    }
}

/// `tb.tb_frame`: the code of one traceback entry (`f_code.co_name`, `f_code.co_filename`).
/// Frames do not outlive their call in Recur, so what a live frame would tell (`f_lineno` of
/// the frame still running, `f_locals`) is not offered.
package final class TraceFrameObject: ScriptObject {
    package let frame: TraceFrame
    init(_ frame: TraceFrame) { self.frame = frame }

    package var typeName: String { "frame" }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "f_code": return .object(TraceCodeObject(frame))
        default: return nil
        }
    }

    package var attributeNames: [String] { ["f_code"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<frame at \(addressText(of: self)), file \(PythonString.repr(frame.unit.name)), code \(frame.function)>"
    }
}

/// `frame.f_code`: the name and file of the code a traceback entry ran.
package final class TraceCodeObject: ScriptObject {
    package let frame: TraceFrame
    init(_ frame: TraceFrame) { self.frame = frame }

    package var typeName: String { "code" }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "co_name": return .str(frame.function)
        case "co_filename": return .str(frame.unit.name)
        default: return nil
        }
    }

    package var attributeNames: [String] { ["co_filename", "co_name"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<code object \(frame.function) at \(addressText(of: self)), file \(PythonString.repr(frame.unit.name))>"
    }
}
