import Rendering
import Script
/// IPython's `_repr_mimebundle_` for instances of classes written in Recur script (widgets
/// are): the dict it returns becomes the displayed bundle, its `text/plain` replacing the
/// repr. JSON-valued entries (a widget's view reference) are written as JSON text.
extension Interpreter {
    /// The instance's own bundle, or nil when its class defines no `_repr_mimebundle_` (or the
    /// instance set it to None, as a closed widget does).
    func reprMimeBundle(for value: Value) throws(ScriptError) -> MimeBundle? {
        guard case .instance = value, let method = try attributeIfPresent(value, "_repr_mimebundle_"),
              !method.isNone else { return nil }
        var result = try call(method, Arguments())
        // IPython accepts (data, metadata); the metadata is not shown.
        if case .tuple(let pair) = result, pair.count == 2 { result = pair[0] }
        guard case .dict(let dict) = result else {
            if result.isNone { return nil }
            throw .typeError("_repr_mimebundle_ must return a dict, not \(result.typeName)")
        }
        var plainText: String?
        var extra: [(mime: String, data: String)] = []
        for (key, data) in dict.items {
            let mime = try key.asString("MIME type")
            let text: String
            if case .str(let string) = data {
                text = string
            } else {
                text = try commJSON(data)
            }
            if mime == "text/plain" { plainText = text } else { extra.append((mime, text)) }
        }
        if let plainText { return MimeBundle(plainText: plainText, extra: extra) }
        return MimeBundle(plainText: try PrettyPrinter.text(of: value, interpreter: self), extra: extra)
    }
}
