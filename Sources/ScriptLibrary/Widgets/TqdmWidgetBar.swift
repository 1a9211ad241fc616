import Rendering
import Script
/// tqdm.notebook's bar: ipywidgets' HBox of an HTML (the description and percentage), an
/// IntProgress and an HTML (the counters), made and updated by `ipywidgets._TqdmBar`.
package struct TqdmWidgetBar {
    private let bar: Value

    /// Makes the widgets and displays their box (tqdm.notebook's `status_printer`).
    init(_ progress: ProgressBar, _ interpreter: Interpreter) throws(ScriptError) {
        let make = try interpreter.attribute(.module(try interpreter.loadModule("ipywidgets")), "_TqdmBar")
        bar = try interpreter.call(
            make, Arguments([progress.total.map(Value.int) ?? .none, .str(progress.description), .str(progress.text)]))
    }

    /// Shows `progress` (tqdm.notebook's `display`), with `style` the bar's colour at the end.
    package func show(_ progress: ProgressBar, style: String?, _ interpreter: Interpreter) throws(ScriptError) {
        let (left, right) = progress.widgetTexts
        let method = try interpreter.attribute(bar, "show")
        _ = try interpreter.call(
            method, Arguments([.int(progress.n), .str(left), .str(right), .str(progress.text), style.map(Value.str) ?? .none]))
    }
}

extension ProgressBar {
    /// tqdm.notebook's two texts: its line split around the bar (`desc: 40%` and
    /// `6/15 [00:01<00:02, ...]`), spaces as figure spaces and HTML-escaped as `html.escape`
    /// does; without a total the whole line is on the right.
    var widgetTexts: (left: String, right: String) {
        // Python's html.escape (which writes ' as &#x27;, where Recur's own markup uses &#39;).
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#x27;"]
        func html(_ text: String) -> String {
            text.replacingOccurrences(" ", with: "\u{2007}").reduce(into: "") { out, character in
                if let entity = entities[character] { out += entity } else { out.append(character) }
            }
        }
        guard let leading else { return ("", html(text)) }
        return (html(leading), html(" " + counters))
    }
}
