/// A str as Python sees it, a sequence of code points, over Swift's UTF-8 `String`, which
/// reaches a code point only by walking from the start. So that `len(text)`, `text[i]` and
/// `text[p:p + 25]` cost the same at the end of a megabyte as at its start:
/// - ASCII text (most corpora a tutorial reads) is recognised in constant time, and there a
///   code point offset is a byte offset;
/// - other long text gets a table of the byte offset of every 64th code point, made once and
///   kept for the few texts used last (`CodePointTables`); short text walks.
package struct CodePoints {
    package let text: String
    private let table: CodePointTable?

    /// A UTF-8 string is ASCII exactly when it has as many UTF-16 units as bytes, and the
    /// standard library answers `utf16.count` for ASCII strings from a flag.
    @inline(__always)
    static func isASCII(_ s: String) -> Bool { s.utf8.count == s.utf16.count }

    init(_ text: String, tables: CodePointTables) {
        self.text = text
        table = Self.isASCII(text) || text.utf8.count < CodePointTables.minimumBytes ? nil : tables.table(for: text)
    }

    /// `len(text)`.
    package var count: Int {
        if let table { return table.count }
        return Self.isASCII(text) ? text.utf8.count : text.unicodeScalars.count
    }

    /// The position of code point `offset` (0...count).
    package func index(_ offset: Int) -> String.Index {
        if Self.isASCII(text) { return text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        guard let table else { return text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset) }
        let (mark, rest) = offset.quotientAndRemainder(dividingBy: CodePointTable.stride)
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: table.marks[mark])
        return text.unicodeScalars.index(start, offsetBy: rest)
    }

    /// `text[offset]` for an offset already checked against `count`.
    package func character(at offset: Int) -> String {
        String(text.unicodeScalars[index(offset)])
    }

    /// `text[start:end]` for offsets already clamped to 0...count.
    package func slice(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        let lower = index(start)
        let upper = table == nil && !Self.isASCII(text) ? text.unicodeScalars.index(lower, offsetBy: end - start) : index(end)
        return String(text.unicodeScalars[lower..<upper])
    }
}

/// The byte offset of every `stride`-th code point of one text, and its length.
package final class CodePointTable {
    package static let stride = 64
    /// Holds the text so that its buffer (whose address identifies it) cannot be freed and
    /// reused by another string while the table exists.
    package let text: String
    package let address: UnsafeRawPointer
    package let count: Int
    package let marks: [Int]

    init?(_ text: String) {
        guard let address = text.utf8.withContiguousStorageIfAvailable({ $0.baseAddress.map(UnsafeRawPointer.init) }) ?? nil
        else { return nil }
        self.text = text
        self.address = address
        var marks: [Int] = []
        var count = 0
        for (offset, byte) in text.utf8.enumerated() where byte & 0xC0 != 0x80 {
            if count % Self.stride == 0 { marks.append(offset) }
            count += 1
        }
        marks.append(text.utf8.count)
        self.count = count
        self.marks = marks
    }
}

/// The tables of the few long non-ASCII texts indexed last, newest first (one interpreter's).
package final class CodePointTables {
    static let minimumBytes = 4096
    private static let capacity = 4
    private var tables: [CodePointTable] = []

    package func table(for text: String) -> CodePointTable? {
        guard let address = text.utf8.withContiguousStorageIfAvailable({ $0.baseAddress.map(UnsafeRawPointer.init) }) ?? nil
        else { return nil }
        if let found = tables.firstIndex(where: { $0.address == address && $0.text.utf8.count == text.utf8.count }) {
            let table = tables.remove(at: found)
            tables.insert(table, at: 0)
            return table
        }
        guard let made = CodePointTable(text) else { return nil }
        tables.insert(made, at: 0)
        if tables.count > Self.capacity { tables.removeLast() }
        return made
    }
}

/// Iterates over a str's code points, one str each, without making them all first.
package final class CodePointIterator: ValueIterator {
    private let scalars: String.UnicodeScalarView
    private var position: String.Index
    init(_ s: String) {
        scalars = s.unicodeScalars
        position = scalars.startIndex
    }
    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard position < scalars.endIndex else { return nil }
        defer { position = scalars.index(after: position) }
        return .str(String(scalars[position]))
    }
}
