/// Typed access to a request's content: a wrong type is a malformed message.
struct RequestFields {
    private let fields: [String: JSONValue]
    private let messageName: String

    init(_ content: JSONValue, _ messageName: String) throws(WireError) {
        guard case .object(let fields) = content else { throw .malformed("\(messageName) content is not an object") }
        self.fields = fields
        self.messageName = messageName
    }

    private func isAbsent(_ key: String) -> Bool {
        guard let value = fields[key] else { return true }
        return value == .null
    }

    func string(_ key: String, default fallback: String? = nil) throws(WireError) -> String {
        if isAbsent(key), let fallback { return fallback }
        guard let value = fields[key]?.stringValue else { throw wrongType(key, "a string") }
        return value
    }

    func bool(_ key: String, default fallback: Bool) throws(WireError) -> Bool {
        if isAbsent(key) { return fallback }
        guard let value = fields[key]?.boolValue else { throw wrongType(key, "a boolean") }
        return value
    }

    func int(_ key: String, default fallback: Int) throws(WireError) -> Int {
        try optionalInt(key) ?? fallback
    }

    func optionalInt(_ key: String) throws(WireError) -> Int? {
        if isAbsent(key) { return nil }
        guard let value = fields[key]?.intValue else { throw wrongType(key, "an integer") }
        return value
    }

    func object(_ key: String) throws(WireError) -> [String: JSONValue] {
        if isAbsent(key) { return [:] }
        guard let value = fields[key]?.objectValue else { throw wrongType(key, "an object") }
        return value
    }

    func value(_ key: String) -> JSONValue? { fields[key] }

    private func wrongType(_ key: String, _ expected: String) -> WireError {
        .malformed("\(messageName).\(key) is not \(expected)")
    }
}
