import Rendering
/// `e.__traceback__`: one frame of a caught exception's traceback, from the frame that caught
/// it (`tb_lineno`, `tb_frame`) towards the one that raised it (`tb_next`), as CPython's.
package final class TracebackObject: DeclaredObject {
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

    package static let declaration = NativeType<TracebackObject>(properties: [
        NativeProperty("tb_frame") { tb, _ throws(ScriptError) in .object(TraceFrameObject(tb.frame)) },
        NativeProperty("tb_lineno") { tb, _ throws(ScriptError) in .int(tb.frame.line) },
        NativeProperty("tb_next") { tb, _ throws(ScriptError) in tb.next.map { Value.object($0) } ?? .none },
    ], methods: [])

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<traceback object at \(addressText(of: self))>"
    }
}

/// `tb.tb_frame`: the code of one traceback entry (`f_code.co_name`, `f_code.co_filename`).
/// Frames do not outlive their call in Recur, so what a live frame would tell (`f_lineno` of
/// the frame still running, `f_locals`) is not offered.
package final class TraceFrameObject: DeclaredObject {
    package let frame: TraceFrame
    init(_ frame: TraceFrame) { self.frame = frame }

    package var typeName: String { "frame" }

    package static let declaration = NativeType<TraceFrameObject>(properties: [
        NativeProperty("f_code") { f, _ throws(ScriptError) in .object(TraceCodeObject(f.frame)) },
    ], methods: [])

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<frame at \(addressText(of: self)), file \(PythonString.repr(frame.unit.name)), code \(frame.function)>"
    }
}

/// `frame.f_code`: the name and file of the code a traceback entry ran.
package final class TraceCodeObject: DeclaredObject {
    package let frame: TraceFrame
    init(_ frame: TraceFrame) { self.frame = frame }

    package var typeName: String { "code" }

    package static let declaration = NativeType<TraceCodeObject>(properties: [
        NativeProperty("co_filename") { c, _ throws(ScriptError) in .str(c.frame.unit.name) },
        NativeProperty("co_name") { c, _ throws(ScriptError) in .str(c.frame.function) },
    ], methods: [])

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<code object \(frame.function) at \(addressText(of: self)), file \(PythonString.repr(frame.unit.name))>"
    }
}
