extension ProgressBar {
    /// A small HTML bar: the description and percentage, a `<progress>` element, and the
    /// same counters as the text form.
    package var html: String {
        var out = MarkupWriter()
        out.open("div", ["class": "recur-progress", "style": "font-family: monospace; white-space: pre"])
        var label = description.isEmpty ? "" : description + ": "
        if let fraction { label += formatDouble(fraction * 100, "f", precision: 0) + "%" }
        if !label.isEmpty { out.element("span", text: label + " ") }
        if let total, total > 0 {
            out.element("progress", ["value": String(min(max(n, 0), total)), "max": String(total), "style": "width: 20em; vertical-align: middle"], text: "")
        }
        out.element("span", text: " " + counters)
        out.close("div")
        return out.text
    }

    /// `text/plain` (tqdm's line) and `text/html` (the bar).
    package func bundle() -> MimeBundle {
        MimeBundle(plainText: text, extra: [("text/html", html)])
    }
}
