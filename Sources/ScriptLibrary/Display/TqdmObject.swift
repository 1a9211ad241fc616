import Glibc
import Rendering
import Script

/// `tqdm(iterable)`: iterates over `iterable` while one live display shows the progress
/// bar (created on the first item, updated in place, finished when the loop ends). With
/// `widgets`, the bar is tqdm.notebook's ipywidgets bar instead of an HTML display.
package final class TqdmObject: DeclaredObject, ValueIterator {
    private var live: ProgressDisplay
    private let usesWidgets: Bool
    private var widget: TqdmWidgetBar?
    private let source: (any ValueIterator)?
    private let start: Double
    private var started = false
    private var yielded = false

    init(iterable: (any ValueIterator)?, total: Int?, description: String, displayID: String, widgets: Bool = false) {
        usesWidgets = widgets
        source = iterable
        live = ProgressDisplay(displayID: displayID, bar: ProgressBar(total: total, description: description))
        start = TqdmObject.now()
    }

    package var typeName: String { "tqdm" }

    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private var elapsed: Double { TqdmObject.now() - start }

    private func send(_ request: DisplayRequest?, _ interpreter: Interpreter) throws(ScriptError) {
        guard let request else { return }
        if let widget {
            try widget.show(live.bar, style: nil, interpreter)
        } else {
            request.send(to: interpreter.host)
        }
    }

    private func ensureStarted(_ interpreter: Interpreter) throws(ScriptError) {
        guard !started else { return }
        started = true
        let first = live.start()
        if usesWidgets { widget = try TqdmWidgetBar(live.bar, interpreter) }
        try send(first, interpreter)
    }

    /// The last refresh; a widget bar also turns green, or red when the loop stopped short
    /// of its total (tqdm.notebook's `close`).
    private func finish(_ interpreter: Interpreter) throws(ScriptError) {
        guard !live.isClosed else { return }
        let last = live.close(elapsed: elapsed)
        guard let widget else { return try send(last, interpreter) }
        let stoppedShort = live.bar.total.map { live.bar.n < $0 } ?? false
        try widget.show(live.bar, style: stoppedShort ? "danger" : "success", interpreter)
    }

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { live.bar.text }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? {
        source == nil ? nil : self
    }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try ensureStarted(interpreter)
        // tqdm counts an item done when the loop asks for the next one.
        if yielded { try send(live.advance(elapsed: elapsed), interpreter) }
        guard let source, let item = try source.next(interpreter: interpreter) else {
            try finish(interpreter)
            return nil
        }
        yielded = true
        return item
    }

    package static let declaration = NativeType<TqdmObject>(properties: [
        NativeProperty("n") { bar, _ throws(ScriptError) in .int(bar.live.bar.n) },
        NativeProperty("total") { bar, _ throws(ScriptError) in bar.live.bar.total.map(Value.int) ?? .none },
    ], methods: [
        NativeMethod("set_postfix", "(self, ordered_dict=None, refresh=True, **kwargs)",
                     doc: "Set/modify postfix (additional stats) with automatic formatting based on datatype.") { bar, a, interpreter throws(ScriptError) in
            // tqdm sorts keyword entries; a dict argument keeps its order and comes first.
            var entries: [(key: String, value: String)] = []
            if case .dict(let dict)? = a[0] {
                for (key, value) in dict.items { entries.append((try interpreter.str(key), try bar.postfixText(value, interpreter))) }
            }
            for (key, value) in a.extraKeywords.sorted(by: { $0.name < $1.name }) {
                entries.append((key, try bar.postfixText(value, interpreter)))
            }
            try bar.ensureStarted(interpreter)
            try bar.send(bar.live.setPostfix(entries, elapsed: bar.elapsed), interpreter)
            return .none
        },
        NativeMethod("set_postfix_str", "(self, s='', refresh=True)", doc: "Postfix without dictionary expansion, similar to prefix handling.") {
            bar, a, interpreter throws(ScriptError) in
            try bar.ensureStarted(interpreter)
            let text = try interpreter.str(a[0] ?? .str(""))
            try bar.send(bar.live.setPostfix(text.isEmpty ? [] : [(key: "", value: text)], elapsed: bar.elapsed), interpreter)
            return .none
        },
        NativeMethod("set_description", "(self, desc=None, refresh=True)", doc: "Set/modify description of the progress bar.") {
            bar, a, interpreter throws(ScriptError) in
            bar.live.describe(try a.optional(0).map { (v) throws(ScriptError) in try interpreter.str(v) } ?? "")
            return .none
        },
        NativeMethod("update", "(self, n=1)", doc: "Manually update the progress bar, useful for streams such as reading files.") {
            bar, a, interpreter throws(ScriptError) in
            let n = try a.optional(0).map { (v) throws(ScriptError) in try interpreter.indexValue(v) } ?? 1
            try bar.ensureStarted(interpreter)
            try bar.send(bar.live.advance(by: n, elapsed: bar.elapsed), interpreter)
            return .none
        },
        NativeMethod("close", "(self)", doc: "Cleanup and (if leave=False) close the progress bar.") { bar, _, interpreter throws(ScriptError) in
            try bar.ensureStarted(interpreter)
            try bar.finish(interpreter)
            return .none
        },
        NativeMethod("refresh", "(self, nolock=False, lock_args=None)", doc: "Force refresh the display of this bar.") { _, _, _ throws(ScriptError) in
            .none
        },
    ])

    package func enter(interpreter: Interpreter) throws(ScriptError) -> Value? {
        try ensureStarted(interpreter)
        return .object(self)
    }

    package func exit(interpreter: Interpreter) throws(ScriptError) {
        try finish(interpreter)
    }

    /// A postfix value as tqdm shows it: numbers through `format_num`, others as `str()`.
    private func postfixText(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> String {
        switch value {
        case .int(let i): return ProgressBar.formatNumber(i)
        case .float(let d): return ProgressBar.formatNumber(d)
        case .none, .bool, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module, .object:
            return try interpreter.str(value).trimmingSpaces
        }
    }
}

/// `tqdm`, `tqdm.auto` and `tqdm.notebook`: `tqdm(iterable, desc=None, total=None)` and
/// `trange(n)`, shown as one live display each; `tqdm.notebook` and `tqdm.auto` show
/// tqdm.notebook's widgets when the frontend has a widget manager (the kernel offers comms).
package enum TqdmModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let notebook = module.name == "tqdm.notebook" || module.name == "tqdm.auto"
        module.namespace["tqdm"] = .builtin(BuiltinFunction("tqdm", signature: "tqdm(iterable=None, desc=None, total=None, **kwargs)") { interpreter, a throws(ScriptError) in
            try make(interpreter, iterable: a.positional.first ?? a.keyword("iterable"), a, notebook: notebook)
        })
        module.namespace["trange"] = .builtin(BuiltinFunction("trange", signature: "trange(*args, **kwargs)") { interpreter, a throws(ScriptError) in
            let range = try interpreter.call(interpreter.builtins["range"] ?? .none, Arguments(a.positional))
            return try make(interpreter, iterable: range, Arguments([], keywords: a.keywords), notebook: notebook)
        })
    }

    private static func make(_ interpreter: Interpreter, iterable: Value?, _ a: Arguments, notebook: Bool) throws(ScriptError) -> Value {
        var total = a.keyword("total")?.intLike
        var iterator: (any ValueIterator)?
        if let iterable, !iterable.isNone {
            if total == nil { total = try? interpreter.length(iterable) }
            iterator = try interpreter.makeIterator(iterable)
        }
        let description = try a.keyword("desc").map { v throws(ScriptError) in v.isNone ? "" : try interpreter.str(v) } ?? ""
        return .object(TqdmObject(iterable: iterator, total: total, description: description,
                                  displayID: interpreter.displayIDs.make(),
                                  widgets: notebook && interpreter.host.comms != nil))
    }
}
