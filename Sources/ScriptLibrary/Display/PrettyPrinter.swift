import Script
/// IPython's pretty printer (`IPython.lib.pretty`), which ipykernel uses for the `text/plain`
/// of a cell's result and of `display(x)`: containers wider than 79 columns break one item
/// per line, a multi-line repr inside one keeps its indentation (a tensor in a dict), sets
/// are sorted, at most 1000 items of a container are shown, and classes, functions and
/// plain objects read as IPython writes them (`int`, `__main__.A`, `<function __main__.f(x)>`,
/// `<__main__.A at 0x...>`).
///
/// The layout is IPython's algorithm: text and breakables queue in a buffer until the line
/// would overflow, then the outermost group with breakables breaks all of them. Its quirks
/// are kept (the group queue's `deq` deletes by an index counted from the other end), since
/// they decide where lines break.
package final class PrettyPrinter {
    static let maxWidth = 79
    static let maxSequenceLength = 1000

    private final class Group {
        let depth: Int
        var breakables: [Breakable] = []
        var wantBreak = false
        init(depth: Int) { self.depth = depth }
    }

    private final class Breakable {
        let separator: String
        let width: Int
        let indentation: Int
        let group: Group
        init(separator: String, indentation: Int, group: Group) {
            self.separator = separator
            width = separator.unicodeScalars.count
            self.indentation = indentation
            self.group = group
        }
    }

    private final class TextRun {
        var text = ""
        var width = 0
    }

    private enum Item {
        case text(TextRun)
        case breakable(Breakable)
    }

    private let interpreter: Interpreter
    private var output = ""
    private var outputWidth = 0
    private var bufferWidth = 0
    private var buffer: [Item] = []
    private var bufferStart = 0
    private var groupStack: [Group]
    private var groupQueue: [[Group]] = []
    private var indentation = 0
    /// The containers being printed, outermost first (a container met again is a cycle).
    private var printing: [ObjectIdentifier] = []

    private init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
        let root = Group(depth: 0)
        groupStack = [root]
        enqueue(root)
    }

    /// The text IPython shows for `value` as a result.
    package static func text(of value: Value, interpreter: Interpreter) throws(ScriptError) -> String {
        let printer = PrettyPrinter(interpreter)
        try printer.pretty(value)
        printer.flush()
        return printer.output
    }

    // MARK: - The layout engine

    private var bufferIsEmpty: Bool { bufferStart == buffer.count }

    private func popFirstItem() -> Item {
        let item = buffer[bufferStart]
        bufferStart += 1
        if bufferStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            bufferStart = 0
        }
        return item
    }

    private func write(_ item: Item) {
        switch item {
        case .text(let run):
            output += run.text
            outputWidth += run.width
            bufferWidth -= run.width
        case .breakable(let breakable):
            outputWidth = emit(breakable, at: outputWidth)
            bufferWidth -= breakable.width
        }
    }

    /// A breakable leaving the buffer: a newline when its group broke, else its separator.
    private func emit(_ breakable: Breakable, at width: Int) -> Int {
        let group = breakable.group
        if !group.breakables.isEmpty { group.breakables.removeFirst() }
        if group.wantBreak {
            output += "\n" + String(repeating: " ", count: breakable.indentation)
            return breakable.indentation
        }
        if group.breakables.isEmpty { remove(group) }
        output += breakable.separator
        return width + breakable.width
    }

    private func breakOneGroup(_ group: Group) {
        while !group.breakables.isEmpty, !bufferIsEmpty { write(popFirstItem()) }
        while !bufferIsEmpty, case .text = buffer[bufferStart] { write(popFirstItem()) }
    }

    private func breakOuterGroups() {
        while Self.maxWidth < outputWidth + bufferWidth {
            guard let group = dequeue() else { return }
            breakOneGroup(group)
        }
    }

    package func text(_ text: String) {
        let width = text.unicodeScalars.count
        guard !bufferIsEmpty else {
            output += text
            outputWidth += width
            return
        }
        let run: TextRun
        if case .text(let last) = buffer[buffer.count - 1] {
            run = last
        } else {
            run = TextRun()
            buffer.append(.text(run))
        }
        run.text += text
        run.width += width
        bufferWidth += width
        breakOuterGroups()
    }

    func breakable(_ separator: String = " ") {
        let group = groupStack[groupStack.count - 1]
        if group.wantBreak {
            flush()
            output += "\n" + String(repeating: " ", count: indentation)
            outputWidth = indentation
            bufferWidth = 0
        } else {
            let breakable = Breakable(separator: separator, indentation: indentation, group: group)
            group.breakables.append(breakable)
            buffer.append(.breakable(breakable))
            bufferWidth += breakable.width
            breakOuterGroups()
        }
    }

    /// A newline that must be there (inside a multi-line repr), at the current indentation.
    func hardBreak() {
        if let group = dequeue() { breakOneGroup(group) }
        flush()
        output += "\n" + String(repeating: " ", count: indentation)
        outputWidth = indentation
        bufferWidth = 0
    }

    func beginGroup(_ indent: Int = 0, _ open: String = "") {
        if !open.isEmpty { text(open) }
        let group = Group(depth: groupStack[groupStack.count - 1].depth + 1)
        groupStack.append(group)
        enqueue(group)
        indentation += indent
    }

    func endGroup(_ dedent: Int = 0, _ close: String = "") {
        indentation -= dedent
        let group = groupStack.removeLast()
        if group.breakables.isEmpty { remove(group) }
        if !close.isEmpty { text(close) }
    }

    private func flush() {
        while !bufferIsEmpty {
            switch popFirstItem() {
            case .text(let run):
                output += run.text
                outputWidth += outputWidth + run.width
            case .breakable(let breakable):
                outputWidth += emit(breakable, at: outputWidth)
            }
        }
        bufferWidth = 0
    }

    private func enqueue(_ group: Group) {
        while group.depth > groupQueue.count - 1 { groupQueue.append([]) }
        groupQueue[group.depth].append(group)
    }

    /// IPython's `GroupQueue.deq`: the shallowest group with breakables, marked to break; the
    /// levels above it without breakables are marked and emptied.
    private func dequeue() -> Group? {
        for level in groupQueue.indices {
            let stack = groupQueue[level]
            for (index, group) in stack.reversed().enumerated() where !group.breakables.isEmpty {
                // IPython deletes at the index counted in reverse, from the front.
                groupQueue[level].remove(at: index)
                group.wantBreak = true
                return group
            }
            for group in stack { group.wantBreak = true }
            groupQueue[level].removeAll()
        }
        return nil
    }

    private func remove(_ group: Group) {
        guard group.depth < groupQueue.count, let index = groupQueue[group.depth].firstIndex(where: { $0 === group }) else { return }
        groupQueue[group.depth].remove(at: index)
    }

    // MARK: - Printers by type

    private func pretty(_ value: Value) throws(ScriptError) {
        let identity = Self.identity(of: value)
        let cycle = identity.map { printing.contains($0) } ?? false
        if let identity { printing.append(identity) }
        beginGroup()
        defer {
            endGroup()
            if identity != nil { printing.removeLast() }
        }
        _ = try interpreter.nestedRepr { () throws(ScriptError) -> String in
            try dispatch(value, cycle: cycle)
            return ""
        }
    }

    private func dispatch(_ value: Value, cycle: Bool) throws(ScriptError) {
        switch value {
        case .none, .bool, .int, .float, .str, .module, .boundMethod:
            try reprLines(value)
        case .list(let list):
            try sequence(list.items, open: "[", close: "]", cycle: cycle)
        case .tuple(let items):
            try sequence(items, open: "(", close: ")", cycle: cycle, oneTuple: items.count == 1)
        case .dict(let dict):
            try mapping(dict.items, open: "{", close: "}", cycle: cycle)
        case .set(let set):
            try setItems(set, cycle: cycle)
        case .type(let type):
            try typeText(type)
        case .function(let function):
            text("<function \(try functionName(function))(\(try parameters(function)))>")
        case .builtin(let builtin):
            if case .builtin(let known)? = interpreter.builtins[builtin.name], known === builtin,
               let shown = BuiltinSignatures.byName[builtin.name] {
                text("<function \(shown)>")
            } else {
                try reprLines(value)
            }
        case .instance(let instance):
            try instanceText(instance, value: value, cycle: cycle)
        case .object(let object):
            try objectText(object, value: value, cycle: cycle)
        }
    }

    /// `_repr_pprint`: the repr, its lines joined by hard breaks.
    private func reprLines(_ value: Value) throws(ScriptError) {
        let lines = try interpreter.repr(value).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        beginGroup()
        for (index, line) in lines.enumerated() {
            if index > 0 { hardBreak() }
            text(String(line))
        }
        endGroup()
    }

    private func sequence(_ items: [Value], open: String, close: String, cycle: Bool, oneTuple: Bool = false) throws(ScriptError) {
        if cycle { return text(open + "..." + close) }
        let step = open.unicodeScalars.count
        beginGroup(step, open)
        try enumerated(items) { (_, item) throws(ScriptError) in try pretty(item) }
        if oneTuple { text(",") }
        endGroup(step, close)
    }

    private func mapping(_ items: [(Value, Value)], open: String, close: String, cycle: Bool) throws(ScriptError) {
        if cycle { return text("{...}") }
        let step = open.unicodeScalars.count
        beginGroup(step, open)
        try enumerated(items) { (_, pair) throws(ScriptError) in
            try pretty(pair.0)
            text(": ")
            try pretty(pair.1)
        }
        endGroup(step, close)
    }

    private func setItems(_ set: SetObject, cycle: Bool) throws(ScriptError) {
        let open = set.isFrozen ? "frozenset({" : "{", close = set.isFrozen ? "})" : "}"
        if cycle { return text(open + "..." + close) }
        let items = set.storage.keys
        if items.isEmpty { return text(set.isFrozen ? "frozenset()" : "set()") }
        let step = open.unicodeScalars.count
        beginGroup(step, open)
        try enumerated(items.count >= Self.maxSequenceLength ? items : try sortedForDisplay(items)) { (_, item) throws(ScriptError) in
            try pretty(item)
        }
        endGroup(step, close)
    }

    /// `_sorted_for_pprint`: sorted, else sorted by `str`, else as they are.
    private func sortedForDisplay(_ items: [Value]) throws(ScriptError) -> [Value] {
        if let sorted = try? interpreter.sorted(items, key: nil, reverse: nil) { return sorted }
        let keyed = try? items.map { (item) throws(ScriptError) -> (String, Value) in (try interpreter.str(item), item) }
        guard let keyed else { return items }
        return keyed.enumerated().sorted { $0.element.0 == $1.element.0 ? $0.offset < $1.offset : $0.element.0.unicodeScalars.lexicographicallyPrecedes($1.element.0.unicodeScalars) }.map(\.element.1)
    }

    /// `_enumerate` with the separators: at most `maxSequenceLength` items, then `...`.
    private func enumerated<T>(_ items: [T], _ body: (Int, T) throws(ScriptError) -> Void) throws(ScriptError) {
        for (index, item) in items.enumerated() {
            if index >= Self.maxSequenceLength {
                text(",")
                breakable()
                text("...")
                return
            }
            if index > 0 {
                text(",")
                breakable()
            }
            try body(index, item)
        }
    }

    /// `CallExpression`: `name(arg, ..., key=value)`, wrapping like a sequence.
    private func call(_ name: String, _ arguments: [Value], keywords: [(String, Value)] = [], rawArgument: String? = nil) throws(ScriptError) {
        let prefix = name + "("
        let step = prefix.unicodeScalars.count
        beginGroup(step, prefix)
        var started = false
        func newItem() {
            if started {
                text(",")
                breakable()
            }
            started = true
        }
        if let rawArgument {
            newItem()
            text(rawArgument)
        }
        for argument in arguments {
            newItem()
            try pretty(argument)
        }
        for (key, argument) in keywords {
            newItem()
            let label = key + "="
            beginGroup(label.unicodeScalars.count, label)
            try pretty(argument)
            endGroup(label.unicodeScalars.count)
        }
        endGroup(step, ")")
    }

    /// `_type_pprint`: `module.qualname`, the bare name for builtins; a metaclass's own repr.
    private func typeText(_ type: TypeObject) throws(ScriptError) {
        if let meta = type.metaclass, case .function? = meta.lookup("__repr__") {
            return try reprLines(.type(type))
        }
        let name = type.qualifiedName ?? type.name
        text(type.module == "builtins" || type.module.isEmpty ? name : type.module + "." + name)
    }

    private func functionName(_ function: FunctionObject) throws(ScriptError) -> String {
        let module: String
        if let globals = function.globals, case .str(let name)? = globals.named(interpreter.symbols.intern("__name__")) {
            module = name
        } else {
            module = "__main__"
        }
        return module == "builtins" ? function.qualifiedName : module + "." + function.qualifiedName
    }

    /// `str(inspect.signature(f))` without annotations (Recur keeps none).
    private func parameters(_ function: FunctionObject) throws(ScriptError) -> String {
        let parameters = function.definition.parameters
        var parts: [String] = []
        var markedKeywordOnly = false
        for (index, parameter) in parameters.enumerated() {
            switch parameter.kind {
            case .varPositional:
                parts.append("*" + parameter.name)
                markedKeywordOnly = true
            case .varKeyword:
                parts.append("**" + parameter.name)
            case .keywordOnly, .normal, .positionalOnly:
                if parameter.kind == .keywordOnly, !markedKeywordOnly {
                    parts.append("*")
                    markedKeywordOnly = true
                }
                var part = parameter.name
                if index < function.defaults.count, let value = function.defaults[index] {
                    part += "=" + (try interpreter.repr(value))
                }
                parts.append(part)
                if parameter.kind == .positionalOnly, index + 1 == parameters.count || parameters[index + 1].kind != .positionalOnly {
                    parts.append("/")
                }
            }
        }
        return parts.joined(separator: ", ")
    }

    /// An instance: the first class in its MRO with a printer of its own decides, as
    /// IPython's `RepresentationPrinter.pretty` walks it.
    private func instanceText(_ instance: InstanceObject, value: Value, cycle: Bool) throws(ScriptError) {
        for type in instance.type.mro {
            switch type.kind {
            case .exception:
                if type.namespace["__repr__"] != nil { return try reprLines(value) }
                guard type.name == "BaseException" else { continue }
                let args: [Value] = if case .tuple(let items)? = instance.attributes["args"] { items } else { [] }
                let module = instance.type.module
                let name = instance.type.qualifiedName ?? instance.type.name
                return try call(module == "builtins" ? name : module + "." + name, args)
            case .builtin:
                if type.name == "object" { break }
                if let payload = instance.payload { return try dispatch(payload, cycle: cycle) }
                return try reprLines(value)
            case .library:
                return try reprLines(value)
            case .user:
                if type.namespace["__repr__"] != nil { return try reprLines(value) }
                continue
            }
        }
        beginGroup(1, "<")
        try typeText(instance.type)
        text(" at " + addressText(of: instance))
        if cycle { text(" ...") }
        endGroup(1, ">")
    }

    /// Native objects: the collections IPython has printers for; the others by their repr.
    private func objectText(_ object: any ScriptObject, value: Value, cycle: Bool) throws(ScriptError) {
        if let dict = object as? CountingDict {
            if cycle { return try call(dict.typeName, [], rawArgument: "...") }
            switch dict.kind {
            case .counter:
                let counts = DictObject()
                for item in try dict.mostCommon(interpreter) {
                    if case .tuple(let pair) = item, pair.count == 2 { try counts.set(pair[0], pair[1]) }
                }
                return try call("Counter", dict.storage.count == 0 ? [] : [.dict(counts)])
            case .ordered:
                let items: [Value] = dict.storage.items.map { .tuple([$0.0, $0.1]) }
                return try call("OrderedDict", items.isEmpty ? [] : [.list(ListObject(items))])
            case .defaultDict(let factory):
                return try call("defaultdict", [factory, .dict(dict.storage.copy())])
            }
        }
        if let deque = object as? DequeObject {
            if cycle { return try call("deque", [], rawArgument: "...") }
            let items = Value.list(ListObject(Array(deque.items)))
            return try call("deque", [items], keywords: deque.maxlen.map { [("maxlen", .int($0))] } ?? [])
        }
        if let proxy = object as? MappingProxy {
            let dict = try proxy.snapshot()
            return try mapping(dict.items, open: "mappingproxy({", close: "})", cycle: cycle)
        }
        try reprLines(value)
    }

    private static func identity(of value: Value) -> ObjectIdentifier? {
        switch value {
        case .list(let list): ObjectIdentifier(list)
        case .dict(let dict): ObjectIdentifier(dict)
        case .set(let set): ObjectIdentifier(set)
        case .instance(let instance): ObjectIdentifier(instance)
        case .object(let object): ObjectIdentifier(object)
        case .none, .bool, .int, .float, .str, .tuple, .function, .builtin, .boundMethod, .type, .module: nil
        }
    }
}
