/// A MIME bundle: the same value in several representations, plus metadata.
public struct DisplayBundle: Sendable, Equatable {
    /// (MIME type, data) pairs in the order the language produced them.
    public var data: [(mimeType: String, value: JSONValue)]
    /// Per-MIME-type metadata (an object).
    public var metadata: JSONValue

    /// Creates a bundle.
    public init(data: [(mimeType: String, value: JSONValue)], metadata: JSONValue = .emptyObject) {
        self.data = data
        self.metadata = metadata
    }

    /// A bundle holding only `text/plain`.
    public init(plainText: String) {
        self.init(data: [("text/plain", .string(plainText))])
    }

    /// The `text/plain` representation, when there is one.
    public var plainText: String? {
        data.first { $0.mimeType == "text/plain" }?.value.stringValue
    }

    /// The data as a JSON object keyed by MIME type.
    var dataObject: JSONValue {
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(data.count)
        for entry in data { members[entry.mimeType] = entry.value }
        return .object(members)
    }

    /// Compares data pairs in order, and metadata.
    public static func == (lhs: DisplayBundle, rhs: DisplayBundle) -> Bool {
        lhs.metadata == rhs.metadata && lhs.data.count == rhs.data.count
            && zip(lhs.data, rhs.data).allSatisfy { $0.mimeType == $1.mimeType && $0.value == $1.value }
    }
}
