/// The text encodings `open()` reads and writes, with CPython's error texts and handlers.
package enum TextCodec {
    case utf8, latin1, ascii

    /// What CPython calls the codec in its error messages.
    package var name: String {
        switch self {
        case .utf8: "utf-8"
        case .latin1: "latin-1"
        case .ascii: "ascii"
        }
    }

    /// The codec for an `encoding=` argument, normalised as CPython's codec registry does.
    init(named given: String) throws(ScriptError) {
        let key = String(given.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        switch key {
        case "utf-8", "utf8", "u8", "utf", "cp65001": self = .utf8
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin": self = .latin1
        case "ascii", "us-ascii", "646": self = .ascii
        case "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1252", "windows-1252", "gbk", "gb2312",
             "shift-jis", "big5", "euc-jp", "euc-kr", "cp437", "koi8-r", "mac-roman", "iso-8859-15", "latin-9":
            throw ScriptError(.lookupError, "encoding '\(given)' is not provided by Recur (it reads and writes utf-8, latin-1 and ascii)")
        default:
            throw ScriptError(.lookupError, "unknown encoding: \(given)")
        }
    }

    /// Decoding and encoding error handlers (`errors=`).
    package enum Handler: String {
        case strict, ignore, replace

        init(named given: String) throws(ScriptError) {
            guard let handler = Handler(rawValue: given) else {
                if ["backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace"].contains(given) {
                    throw ScriptError(.lookupError, "error handler '\(given)' is not provided by Recur (it provides 'strict', 'ignore' and 'replace')")
                }
                throw ScriptError(.lookupError, "unknown error handler name '\(given)'")
            }
            self = handler
        }
    }

    /// Decodes `bytes`, raising CPython's `UnicodeDecodeError` text under `strict`. The
    /// handler is looked up at the first error, as CPython does.
    package func decode(_ bytes: [UInt8], errors: String) throws(ScriptError) -> String {
        var scalars = String.UnicodeScalarView()
        try decode(bytes, errors: errors) { scalar, _ in scalars.append(scalar) }
        return String(scalars)
    }

    /// Where each decoded scalar starts in `bytes`, followed by `bytes.count` (what a text
    /// file's `tell()` reports).
    func scalarStarts(_ bytes: [UInt8], errors: String) throws(ScriptError) -> [Int] {
        var starts: [Int] = []
        try decode(bytes, errors: errors) { _, start in starts.append(start) }
        starts.append(bytes.count)
        return starts
    }

    private func decode(_ bytes: [UInt8], errors: String, _ emit: (Unicode.Scalar, Int) -> Void) throws(ScriptError) {
        var i = 0
        while i < bytes.count {
            let step = next(bytes, i)
            switch step {
            case .scalar(let scalar, let length):
                emit(scalar, i)
                i += length
            case .invalid(let length, let reason):
                switch try Handler(named: errors) {
                case .strict:
                    let place = length == 1 ? "byte 0x\(hex(bytes[i])) in position \(i)" : "bytes in position \(i)-\(i + length - 1)"
                    throw ScriptError(.unicodeDecodeError, "'\(name)' codec can't decode \(place): \(reason)")
                case .ignore: break
                case .replace: emit("\u{FFFD}", i)
                }
                i += length
            }
        }
    }

    /// Encodes `text`, raising CPython's `UnicodeEncodeError` text under `strict`.
    package func encode(_ text: String, errors: String) throws(ScriptError) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .latin1, .ascii:
            let limit: UInt32 = self == .ascii ? 128 : 256
            let scalars = Array(text.unicodeScalars)
            var out: [UInt8] = []
            out.reserveCapacity(scalars.count)
            var i = 0
            while i < scalars.count {
                let value = scalars[i].value
                if value < limit {
                    out.append(UInt8(truncatingIfNeeded: value))
                    i += 1
                    continue
                }
                var end = i + 1
                while end < scalars.count && scalars[end].value >= limit { end += 1 }
                switch try Handler(named: errors) {
                case .strict:
                    let place = end - i == 1
                        ? "character \(TextCodec.asciiRepr(scalars[i])) in position \(i)"
                        : "characters in position \(i)-\(end - 1)"
                    throw ScriptError(.unicodeEncodeError, "'\(name)' codec can't encode \(place): ordinal not in range(\(limit))")
                case .ignore: break
                case .replace: out.append(contentsOf: Array(repeating: UInt8(ascii: "?"), count: end - i))
                }
                i = end
            }
            return out
        }
    }

    /// A character as CPython's codec errors show it: `'\xe9'`, `'\u20ac'`, `'\U0001f600'`.
    static func asciiRepr(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        let (prefix, width) = scalar.value < 0x100 ? ("x", 2) : scalar.value < 0x10000 ? ("u", 4) : ("U", 8)
        return "'\\" + prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + "'"
    }

    private enum Step {
        case scalar(Unicode.Scalar, length: Int)
        case invalid(length: Int, reason: String)
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// One scalar or one invalid run starting at `i`, measured as CPython's decoders do.
    private func next(_ bytes: [UInt8], _ i: Int) -> Step {
        let lead = bytes[i]
        switch self {
        case .latin1: return .scalar(Unicode.Scalar(lead), length: 1)
        case .ascii:
            return lead < 0x80 ? .scalar(Unicode.Scalar(lead), length: 1) : .invalid(length: 1, reason: "ordinal not in range(128)")
        case .utf8: break
        }
        if lead < 0x80 { return .scalar(Unicode.Scalar(lead), length: 1) }
        let count: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: count = 2
        case 0xE0: count = 3; second = 0xA0...0xBF
        case 0xED: count = 3; second = 0x80...0x9F
        case 0xE1...0xEF: count = 3
        case 0xF0: count = 4; second = 0x90...0xBF
        case 0xF4: count = 4; second = 0x80...0x8F
        case 0xF1...0xF3: count = 4
        default: return .invalid(length: 1, reason: "invalid start byte")
        }
        var value = UInt32(lead) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
        for k in 1..<count {
            guard i + k < bytes.count else { return .invalid(length: k, reason: "unexpected end of data") }
            let byte = bytes[i + k]
            let allowed = k == 1 ? second : 0x80...0xBF
            guard allowed.contains(byte) else { return .invalid(length: k, reason: "invalid continuation byte") }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return .invalid(length: count, reason: "invalid start byte") }
        return .scalar(scalar, length: count)
    }
}
