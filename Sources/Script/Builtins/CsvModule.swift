/// `csv`: `reader`, `writer`, `DictReader`, `DictWriter`, `Error` and the `QUOTE_*`
/// constants, with CPython's dialects (`excel`, `excel-tab`, `unix`), quoting and errors.
package enum CsvModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let error = TypeObject(name: "Error", bases: [interpreter.types.exception(.exception)], kind: .user, module: "_csv")
        interpreter.types.registerNative(error, forTypeName: "_csv.Error")
        module.namespace["Error"] = .type(error)
        for (name, value) in [("QUOTE_MINIMAL", 0), ("QUOTE_ALL", 1), ("QUOTE_NONNUMERIC", 2), ("QUOTE_NONE", 3)] {
            module.namespace[name] = .int(value)
        }
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "csv.\(signature)", doc: doc, body))
        }
        add("reader", "reader(csvfile, dialect='excel', **fmtparams)", "Iterate over the rows of CSV text, each a list of strings.") { interpreter, a throws(ScriptError) in
            try a.expect("reader", 1...2, keywords: ["dialect"] + CsvDialect.parameterNames)
            return .object(CsvReader(try interpreter.makeIterator(a.positional[0]), dialect: try CsvDialect(a, dialectIndex: 1, interpreter)))
        }
        add("writer", "writer(csvfile, dialect='excel', **fmtparams)", "Write rows as CSV text to a file object.") { interpreter, a throws(ScriptError) in
            try a.expect("writer", 1...2, keywords: ["dialect"] + CsvDialect.parameterNames)
            return .object(try CsvWriter(a.positional[0], try CsvDialect(a, dialectIndex: 1, interpreter), interpreter))
        }
        add("DictReader", "DictReader(f, fieldnames=None, restkey=None, restval=None, dialect='excel', **fmtparams)",
            "Read rows as dicts keyed by the first row (or fieldnames).") { interpreter, a throws(ScriptError) in
            try a.expect("DictReader", 1...5, keywords: ["fieldnames", "restkey", "restval", "dialect"] + CsvDialect.parameterNames)
            let reader = CsvReader(try interpreter.makeIterator(a.positional[0]), dialect: try CsvDialect(a, dialectIndex: 4, interpreter))
            var names: [Value]?
            if let given = a.value(1, "fieldnames"), !given.isNone { names = try interpreter.iterate(given) }
            return .object(CsvDictReader(reader, fieldnames: names, restkey: a.value(2, "restkey") ?? .none,
                                         restval: a.value(3, "restval") ?? .none))
        }
        add("DictWriter", "DictWriter(f, fieldnames, restval='', extrasaction='raise', dialect='excel', **fmtparams)",
            "Write dicts as CSV rows in the order of fieldnames.") { interpreter, a throws(ScriptError) in
            try a.expect("DictWriter", 1...5, keywords: ["fieldnames", "restval", "extrasaction", "dialect"] + CsvDialect.parameterNames)
            guard let fieldnames = a.value(1, "fieldnames") else { throw .typeError("DictWriter() missing 1 required positional argument: 'fieldnames'") }
            let extras = try a.value(3, "extrasaction").map { (v) throws(ScriptError) in try v.asString("extrasaction") } ?? "raise"
            guard ["raise", "ignore"].contains(extras.lowercased()) else {
                throw .valueError("extrasaction (\(extras)) must be 'raise' or 'ignore'")
            }
            let writer = try CsvWriter(a.positional[0], try CsvDialect(a, dialectIndex: 4, interpreter), interpreter)
            return .object(CsvDictWriter(writer, fieldnames: try interpreter.iterate(fieldnames), restval: a.value(2, "restval") ?? .str(""),
                                         raisesOnExtras: extras.lowercased() == "raise"))
        }
    }

    /// A `csv.Error` carrying `message`.
    package static func error(_ message: String, _ interpreter: Interpreter) throws(ScriptError) -> ScriptError {
        try interpreter.errorToRaise(try interpreter.call(.type(interpreter.types.native(named: "_csv.Error")), Arguments([.str(message)])))
    }
}

/// `csv.writer`: joins rows as the dialect says and writes them with the file's `write`.
package final class CsvWriter: DeclaredObject {
    let dialect: CsvDialect
    private let write: Value

    init(_ file: Value, _ dialect: CsvDialect, _ interpreter: Interpreter) throws(ScriptError) {
        guard let write = try interpreter.attributeIfPresent(file, "write") else {
            throw .typeError("argument 1 must have a \"write\" method")
        }
        self.write = write
        self.dialect = dialect
    }

    func writeRow(_ row: Value, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard (try? interpreter.makeIterator(row)) != nil else {
            throw try CsvModule.error("iterable expected, not \(row.typeName)", interpreter)
        }
        let line = try dialect.join(try interpreter.iterate(row), interpreter) + dialect.lineterminator
        return try interpreter.call(write, Arguments([.str(line)]))
    }

    package var typeName: String { "writer" }

    package static let declaration = NativeType<CsvWriter>(module: "_csv", properties: [
        NativeProperty("dialect") { w, _ throws(ScriptError) in .object(CsvDialectObject(w.dialect)) },
    ], methods: [
        NativeMethod("writerow", "(iterable, /)", .singleArgument, doc: "writerow(iterable)") { w, a, interpreter throws(ScriptError) in
            try w.writeRow(a.required(0), interpreter)
        },
        NativeMethod("writerows", "(iterable, /)", .singleArgument, doc: "writerows(iterable of iterables)") { w, a, interpreter throws(ScriptError) in
            for row in try interpreter.iterate(a.required(0)) { _ = try w.writeRow(row, interpreter) }
            return .none
        },
    ])
}

/// `csv.DictReader`: rows as dicts keyed by the header row, as `Lib/csv.py` builds them.
package final class CsvDictReader: SelfIterating, DeclaredObject {
    let reader: CsvReader
    private var names: [Value]?
    private let restkey: Value
    private let restval: Value
    private var lineNumber = 0

    init(_ reader: CsvReader, fieldnames: [Value]?, restkey: Value, restval: Value) {
        self.reader = reader
        self.names = fieldnames
        self.restkey = restkey
        self.restval = restval
    }

    private func fieldnames(_ interpreter: Interpreter) throws(ScriptError) -> [Value]? {
        if names == nil, case .list(let row)? = try reader.next(interpreter: interpreter) { names = row.items }
        lineNumber = reader.lineNumber
        return names
    }

    package var typeName: String { "DictReader" }
    package static let declaration = NativeType<CsvDictReader>(properties: [
        NativeProperty("dialect") { r, _ throws(ScriptError) in .object(CsvDialectObject(r.reader.dialect)) },
        NativeProperty("fieldnames") { r, interpreter throws(ScriptError) in try r.fieldnames(interpreter).map { .list(ListObject($0)) } ?? .none },
        NativeProperty("line_num") { r, _ throws(ScriptError) in .int(r.lineNumber) },
        NativeProperty("reader") { r, _ throws(ScriptError) in .object(r.reader) },
        NativeProperty("restkey") { r, _ throws(ScriptError) in r.restkey },
        NativeProperty("restval") { r, _ throws(ScriptError) in r.restval },
    ], methods: [])

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { self }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        if lineNumber == 0 { _ = try fieldnames(interpreter) }
        var row: [Value] = []
        repeat {
            guard case .list(let next)? = try reader.next(interpreter: interpreter) else { return nil }
            lineNumber = reader.lineNumber
            row = next.items
        } while row.isEmpty
        let keys = names ?? []
        let result = DictObject()
        for (key, value) in zip(keys, row) { try result.set(key, value) }
        if keys.count < row.count {
            try result.set(restkey, .list(ListObject(Array(row[keys.count...]))))
        } else if keys.count > row.count {
            for key in keys[row.count...] { try result.set(key, restval) }
        }
        return .dict(result)
    }
}

/// `csv.DictWriter`: dicts written in the order of `fieldnames`.
package final class CsvDictWriter: DeclaredObject {
    package let writer: CsvWriter
    let fieldnames: [Value]
    private let restval: Value
    private let raisesOnExtras: Bool

    init(_ writer: CsvWriter, fieldnames: [Value], restval: Value, raisesOnExtras: Bool) {
        self.writer = writer
        self.fieldnames = fieldnames
        self.restval = restval
        self.raisesOnExtras = raisesOnExtras
    }

    private func row(_ mapping: Value, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        if raisesOnExtras {
            var wrong: [String] = []
            for key in try interpreter.iterate(mapping) {
                var known = false
                for name in fieldnames where try interpreter.equal(name, key) { known = true }
                if !known { wrong.append(try interpreter.repr(key)) }
            }
            if !wrong.isEmpty { throw .valueError("dict contains fields not in fieldnames: " + wrong.joined(separator: ", ")) }
        }
        var values: [Value] = []
        for name in fieldnames {
            values.append(try interpreter.contains(mapping, name) ? try interpreter.item(mapping, name) : restval)
        }
        return .list(ListObject(values))
    }

    package var typeName: String { "DictWriter" }
    package static let declaration = NativeType<CsvDictWriter>(properties: [
        NativeProperty("fieldnames") { w, _ throws(ScriptError) in .list(ListObject(w.fieldnames)) },
        NativeProperty("writer") { w, _ throws(ScriptError) in .object(w.writer) },
    ], methods: [
        NativeMethod("writeheader", "(self)") { w, _, interpreter throws(ScriptError) in
            try w.writer.writeRow(.list(ListObject(w.fieldnames)), interpreter)
        },
        NativeMethod("writerow", "(self, rowdict)") { w, a, interpreter throws(ScriptError) in
            try w.writer.writeRow(try w.row(a.required(0), interpreter), interpreter)
        },
        NativeMethod("writerows", "(self, rowdicts)") { w, a, interpreter throws(ScriptError) in
            for mapping in try interpreter.iterate(a.required(0)) { _ = try w.writer.writeRow(try w.row(mapping, interpreter), interpreter) }
            return .none
        },
    ])
}
