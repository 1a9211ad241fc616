import Rendering
import Script
/// `IPython.display`: `display`, `update_display`, `clear_output`, `HTML`, `Markdown` and
/// display handles, over the host's `display_data` / `update_display_data` / `clear_output`.
package enum IPythonDisplayModule {
    /// `display(*objs, display_id=None)`: a builtin without import, as in IPython, and
    /// `IPython.display.display`.
    static func makeDisplay() -> BuiltinFunction {
        BuiltinFunction("display", signature: "display(*objs, display_id=None)",
                        doc: "Display a Python object in all frontends.") { interpreter, a throws(ScriptError) in
            var id: String?
            switch a.keyword("display_id") {
            case .bool(true)?: id = interpreter.displayIDs.make()
            case .str(let given)?: id = given
            default: id = nil
            }
            for object in a.positional {
                interpreter.host.display(try interpreter.displayBundle(for: object), displayID: id, isUpdate: false)
            }
            return id.map { .object(DisplayHandleObject(displayID: $0)) } ?? .none
        }
    }

    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        // The builtin `display` itself, so that `display is IPython.display.display`.
        module.namespace["display"] = interpreter.builtins["display"] ?? .builtin(makeDisplay())
        module.namespace["update_display"] = .builtin(BuiltinFunction("update_display", signature: "update_display(obj, *, display_id)") { interpreter, a throws(ScriptError) in
            try a.expect("update_display", 1...1, keywords: ["display_id"])
            guard case .str(let id)? = a.keyword("display_id") else { throw .typeError("update_display() missing required keyword argument: 'display_id'") }
            interpreter.host.display(try interpreter.displayBundle(for: a.positional[0]), displayID: id, isUpdate: true)
            return .none
        })
        module.namespace["clear_output"] = .builtin(BuiltinFunction("clear_output", signature: "clear_output(wait=False)") { interpreter, a throws(ScriptError) in
            try a.expect("clear_output", 0...1, keywords: ["wait"])
            interpreter.host.clearOutput(wait: try interpreter.truth(a.positional.first ?? a.keyword("wait") ?? .bool(false)))
            return .none
        })
        for (name, mime) in [("HTML", "text/html"), ("Markdown", "text/markdown"), ("SVG", "image/svg+xml")] {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "\(name)(data)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                return .object(RawDisplayObject(typeName: name, mime: mime, data: try interpreter.str(a.positional[0])))
            })
        }
    }
}

extension Interpreter {
    /// The bundle `display(value)` and a cell's result show: IPython's pretty text plus the
    /// value's rich representation.
    package func displayBundle(for value: Value) throws(ScriptError) -> MimeBundle {
        if let bundle = try reprMimeBundle(for: value) { return bundle }
        return MimeBundle(plainText: try PrettyPrinter.text(of: value, interpreter: self),
                          extra: RichDisplay.extra(for: value, interpreter: self))
    }
}

/// What `display(obj, display_id=True)` returns: `update(obj)` replaces that output.
package final class DisplayHandleObject: ScriptObject {
    package let displayID: String
    init(displayID: String) { self.displayID = displayID }

    package var typeName: String { "DisplayHandle" }
    package var attributeNames: [String] { ["display_id", "update", "display"] }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<DisplayHandle display_id=\(displayID)>" }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        name == "display_id" ? .str(displayID) : nil
    }

    package func callMethod(_ name: String, _ arguments: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard name == "update" || name == "display" else { return nil }
        try arguments.expect(name, 1...1)
        interpreter.host.display(try interpreter.displayBundle(for: arguments.positional[0]), displayID: displayID, isUpdate: name == "update")
        return Value.none
    }
}

/// `HTML(...)`, `Markdown(...)`, `SVG(...)`: data shown as that MIME type.
package final class RawDisplayObject: ScriptObject {
    package let typeName: String
    package let mime: String
    package let data: String

    init(typeName: String, mime: String, data: String) {
        self.typeName = typeName
        self.mime = mime
        self.data = data
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "<IPython.core.display.\(typeName) object>" }
    package func richDisplay(interpreter: Interpreter) -> [(mime: String, data: String)] { [(mime, data)] }
}
