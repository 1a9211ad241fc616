/// A value's representations by MIME type, in order; `text/plain` is always present.
public struct MimeBundle: Sendable, Equatable {
    /// The `(mime type, data)` pairs, `text/plain` first.
    public private(set) var entries: [(mime: String, data: String)]

    /// Creates a bundle holding plain text, plus optional richer representations.
    public init(plainText: String, extra: [(mime: String, data: String)] = []) {
        entries = [("text/plain", plainText)] + extra.filter { $0.mime != "text/plain" }
    }

    /// The `text/plain` representation.
    public var plainText: String { entries[0].data }

    /// The data for `mime`, if present.
    public subscript(mime: String) -> String? {
        entries.first { $0.mime == mime }?.data
    }

    public static func == (lhs: MimeBundle, rhs: MimeBundle) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.mime == $1.mime && $0.data == $1.data }
    }
}
