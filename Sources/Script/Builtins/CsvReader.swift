import Rendering
/// `csv.reader`: CPython's `_csv.c` parser state machine over the lines an iterable yields.
package final class CsvReader: SelfIterating, DeclaredObject {
    private enum State {
        case startRecord, startField, escapedChar, afterEscapedNewline, inField, inQuotedField
        case escapeInQuotedField, quoteInQuotedField, eatNewline
    }

    /// What the parser is fed: a character, or the end of one input line.
    private enum Input: Equatable {
        case char(Unicode.Scalar)
        case endOfLine
    }

    static let fieldLimit = 131_072

    let dialect: CsvDialect
    private let lines: any ValueIterator
    private(set) var lineNumber = 0
    private var state = State.startRecord
    private var fields: [Value] = []
    private var field = String.UnicodeScalarView()
    private var fieldLength = 0
    private var numericField = false

    init(_ lines: any ValueIterator, dialect: CsvDialect) {
        self.lines = lines
        self.dialect = dialect
    }

    private func saveField(_ interpreter: Interpreter) throws(ScriptError) {
        let text = String(field)
        if numericField {
            numericField = false
            guard let number = Double(text.trimmingSpaces), !text.trimmingSpaces.isEmpty else {
                throw .valueError("could not convert string to float: \(PythonString.repr(text))")
            }
            fields.append(.float(number))
        } else {
            fields.append(.str(text))
        }
        field = String.UnicodeScalarView()
        fieldLength = 0
    }

    private func add(_ c: Unicode.Scalar, _ interpreter: Interpreter) throws(ScriptError) {
        guard fieldLength < CsvReader.fieldLimit else {
            throw try CsvModule.error("field larger than field limit (\(CsvReader.fieldLimit))", interpreter)
        }
        field.append(c)
        fieldLength += 1
    }

    private func isNewline(_ input: Input) -> Bool { input == .char("\n") || input == .char("\r") }

    /// Ends a field at a line end: the record ends with the input line, or after the
    /// line-ending characters that follow.
    private func endField(_ input: Input, _ interpreter: Interpreter) throws(ScriptError) {
        try saveField(interpreter)
        state = input == .endOfLine ? .startRecord : .eatNewline
    }

    private func process(_ input: Input, _ interpreter: Interpreter) throws(ScriptError) {
        let d = dialect
        let quoting = d.quoting != .none
        switch state {
        case .startRecord:
            if input == .endOfLine { return }
            if isNewline(input) {
                state = .eatNewline
                return
            }
            state = .startField
            try startField(input, interpreter)
        case .startField:
            try startField(input, interpreter)
        case .escapedChar:
            if case .char(let c) = input, c == "\n" || c == "\r" {
                try add(c, interpreter)
                state = .afterEscapedNewline
                return
            }
            if case .char(let c) = input { try add(c, interpreter) } else { try add("\n", interpreter) }
            state = .inField
        case .afterEscapedNewline:
            if input == .endOfLine { return }
            state = .inField
            try inField(input, interpreter)
        case .inField:
            try inField(input, interpreter)
        case .inQuotedField:
            switch input {
            case .endOfLine: break
            case .char(let c) where c == d.escapechar: state = .escapeInQuotedField
            case .char(let c) where c == d.quotechar && quoting: state = d.doublequote ? .quoteInQuotedField : .inField
            case .char(let c): try add(c, interpreter)
            }
        case .escapeInQuotedField:
            if case .char(let c) = input { try add(c, interpreter) } else { try add("\n", interpreter) }
            state = .inQuotedField
        case .quoteInQuotedField:
            if quoting, input == .char(d.quotechar ?? "\"") {
                try add(d.quotechar ?? "\"", interpreter)
                state = .inQuotedField
            } else if input == .char(d.delimiter) {
                try saveField(interpreter)
                state = .startField
            } else if input == .endOfLine || isNewline(input) {
                try endField(input, interpreter)
            } else if !d.strict, case .char(let c) = input {
                try add(c, interpreter)
                state = .inField
            } else {
                throw try CsvModule.error("'\(d.delimiter)' expected after '\(d.quotechar ?? "\"")'", interpreter)
            }
        case .eatNewline:
            if isNewline(input) { return }
            if input == .endOfLine {
                state = .startRecord
                return
            }
            throw try CsvModule.error("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?", interpreter)
        }
    }

    private func startField(_ input: Input, _ interpreter: Interpreter) throws(ScriptError) {
        let d = dialect
        switch input {
        case .endOfLine, .char("\n"), .char("\r"):
            try endField(input, interpreter)
        case .char(let c) where c == d.quotechar && d.quoting != .none:
            state = .inQuotedField
        case .char(let c) where c == d.escapechar:
            state = .escapedChar
        case .char(" ") where d.skipInitialSpace:
            break
        case .char(let c) where c == d.delimiter:
            try saveField(interpreter)
        case .char(let c):
            if d.quoting == .nonNumeric { numericField = true }
            try add(c, interpreter)
            state = .inField
        }
    }

    private func inField(_ input: Input, _ interpreter: Interpreter) throws(ScriptError) {
        switch input {
        case .endOfLine, .char("\n"), .char("\r"):
            try endField(input, interpreter)
        case .char(let c) where c == dialect.escapechar:
            state = .escapedChar
        case .char(let c) where c == dialect.delimiter:
            try saveField(interpreter)
            state = .startField
        case .char(let c):
            try add(c, interpreter)
        }
    }

    // MARK: ScriptObject

    package var typeName: String { "reader" }
    package static let declaration = NativeType<CsvReader>(module: "_csv", properties: [
        NativeProperty("dialect") { r, _ throws(ScriptError) in .object(CsvDialectObject(r.dialect)) },
        NativeProperty("line_num") { r, _ throws(ScriptError) in .int(r.lineNumber) },
    ], methods: [])

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { self }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        fields = []
        field = String.UnicodeScalarView()
        fieldLength = 0
        numericField = false
        state = .startRecord
        repeat {
            guard let line = try lines.next(interpreter: interpreter) else {
                if fieldLength != 0 || state == .inQuotedField {
                    if dialect.strict { throw try CsvModule.error("unexpected end of data", interpreter) }
                    try saveField(interpreter)
                    break
                }
                return nil
            }
            guard case .str(let text) = line else {
                throw try CsvModule.error("iterator should return strings, not \(line.typeName) (the file should be opened in text mode)", interpreter)
            }
            lineNumber += 1
            for c in text.unicodeScalars { try process(.char(c), interpreter) }
            try process(.endOfLine, interpreter)
        } while state != .startRecord
        return .list(ListObject(fields))
    }
}

/// A reader's or writer's `dialect` attribute: the format parameters, read-only.
package final class CsvDialectObject: DeclaredObject {
    let dialect: CsvDialect
    init(_ dialect: CsvDialect) { self.dialect = dialect }
    package var typeName: String { "Dialect" }
    private static func character(_ c: Unicode.Scalar?) -> Value { c.map { .str(String($0)) } ?? .none }

    package static let declaration = NativeType<CsvDialectObject>(module: "_csv", properties: [
        NativeProperty("delimiter") { d, _ throws(ScriptError) in character(d.dialect.delimiter) },
        NativeProperty("doublequote") { d, _ throws(ScriptError) in .bool(d.dialect.doublequote) },
        NativeProperty("escapechar") { d, _ throws(ScriptError) in character(d.dialect.escapechar) },
        NativeProperty("lineterminator") { d, _ throws(ScriptError) in .str(d.dialect.lineterminator) },
        NativeProperty("quotechar") { d, _ throws(ScriptError) in character(d.dialect.quotechar) },
        NativeProperty("quoting") { d, _ throws(ScriptError) in .int(d.dialect.quoting.rawValue) },
        NativeProperty("skipinitialspace") { d, _ throws(ScriptError) in .bool(d.dialect.skipInitialSpace) },
        NativeProperty("strict") { d, _ throws(ScriptError) in .bool(d.dialect.strict) },
    ], methods: [])
}
