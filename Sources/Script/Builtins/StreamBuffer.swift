/// In-memory contents with a read/write position: what files opened for reading are read
/// from, and what `io.StringIO` (scalars) and `io.BytesIO` (bytes) hold.
package struct StreamBuffer<Element: Equatable> {
    package var items: [Element]
    package var position = 0

    init(_ items: [Element] = []) { self.items = items }

    /// `read(size)`: up to `size` items (all the rest for a negative size).
    package mutating func read(_ size: Int) -> ArraySlice<Element> {
        let start = min(position, items.count)
        let end = size < 0 || size >= items.count - start ? items.count : start + size
        position = max(position, end)
        return items[start..<end]
    }

    /// Up to and including the next line end that `ends` recognises (`ends(items, i)` is the
    /// length of the line ending at `i`, or 0), at most `size` items.
    mutating func readline(_ size: Int, ends: (ArraySlice<Element>, Int) -> Int) -> ArraySlice<Element> {
        let start = min(position, items.count)
        let limit = size < 0 || size >= items.count - start ? items.count : start + size
        var end = start
        while end < limit {
            let length = ends(items[..<limit], end)
            if length > 0 {
                end += length
                break
            }
            end += 1
        }
        position = max(position, end)
        return items[start..<end]
    }

    /// Writes at the position, overwriting and extending (with `fill` past the end), as
    /// `StringIO` and `BytesIO` do.
    package mutating func write<S: Collection>(_ new: S, fill: Element) where S.Element == Element {
        if position > items.count { items += Array(repeating: fill, count: position - items.count) }
        let overlap = min(new.count, items.count - position)
        items.replaceSubrange(position..<(position + overlap), with: new)
        position += new.count
    }

    /// `seek(offset, whence)`: 0 from the start, 1 from the position, 2 from the end.
    mutating func seek(_ offset: Int, whence: Int) throws(ScriptError) -> Int {
        let base: Int
        switch whence {
        case 0:
            guard offset >= 0 else { throw .valueError("negative seek value \(offset)") }
            base = 0
        case 1: base = position
        case 2: base = items.count
        default: throw .valueError("invalid whence (\(whence), should be 0, 1 or 2)")
        }
        let (target, overflow) = base.addingReportingOverflow(offset)
        guard !overflow else { throw ScriptError(.overflowError, "Python int too large to convert to C ssize_t") }
        position = max(target, 0)
        return position
    }
}

extension StreamBuffer where Element == UInt8 {
    /// Binary lines end at `\n` only.
    mutating func readline(_ size: Int) -> ArraySlice<UInt8> {
        readline(size) { items, i in items[i] == 0x0A ? 1 : 0 }
    }
}

extension StreamBuffer where Element == Unicode.Scalar {
    /// Text lines under `newline`'s rules (nil and `'\n'`: `\n`; `''`: any of `\n`, `\r`,
    /// `\r\n`, kept as written).
    mutating func readline(_ size: Int, newline: String?) -> ArraySlice<Unicode.Scalar> {
        readline(size) { items, i in
            let c = items[i]
            switch newline {
            case nil, "\n"?: return c == "\n" ? 1 : 0
            case "\r"?: return c == "\r" ? 1 : 0
            case "\r\n"?: return c == "\r" && i + 1 < items.endIndex && items[i + 1] == "\n" ? 2 : 0
            default:
                if c == "\r" { return i + 1 < items.endIndex && items[i + 1] == "\n" ? 2 : 1 }
                return c == "\n" ? 1 : 0
            }
        }
    }

    package static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
