/// Escaping and element building for the HTML and SVG Recur emits. Every document is also
/// well-formed XML (closed tags, quoted attributes, only the five XML entities), so one
/// rule serves both and a test can check either with an XML parser.
package enum Markup {
    /// Escapes text for element content and for double-quoted attribute values.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters even as references.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Shortens `text` to at most `limit` characters, eliding the middle with `…`, so a
    /// pathological label (a shape of ten thousand dims) cannot blow the size bound.
    package static func clip(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        let head = (limit - 1) / 2
        let tail = limit - 1 - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }
}

/// Appends elements to a string; attribute values and text are escaped on the way in.
package struct MarkupWriter {
    private(set) var text = ""

    /// Bytes written so far.
    package var size: Int { text.utf8.count }

    package mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + tag
        appendAttributes(attributes)
        text += ">"
    }

    /// An opening tag with attributes decided at run time.
    package mutating func open(_ tag: String, attributeList: [(String, String)]) {
        text += "<" + tag
        for (name, value) in attributeList {
            text += " " + name + "=\"" + Markup.escape(value) + "\""
        }
        text += ">"
    }

    package mutating func close(_ tag: String) {
        text += "</" + tag + ">"
    }

    /// An element with no children: `<rect x="1"/>`.
    package mutating func empty(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + tag
        appendAttributes(attributes)
        text += "/>"
    }

    /// An element holding escaped text.
    package mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
        open(tag, attributes)
        text += Markup.escape(content)
        close(tag)
    }

    /// Escaped character data.
    package mutating func write(_ content: String) {
        text += Markup.escape(content)
    }

    /// Markup already known to be well formed (built by another writer).
    package mutating func raw(_ markup: String) {
        text += markup
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (name, value) in attributes {
            text += " " + name + "=\"" + Markup.escape(value) + "\""
        }
    }
}
