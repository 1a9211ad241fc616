/// The comms open between the kernel and its frontends, by id, with their target names: the
/// ones the frontend opened and the language accepted, and the ones the language opened.
struct CommRegistry {
    private(set) var open: [String: String] = [:]

    mutating func add(id: String, target: String) {
        open[id] = target
    }

    mutating func close(id: String) {
        open[id] = nil
    }

    func isOpen(_ id: String) -> Bool { open[id] != nil }

    /// `comm_info_reply.comms`, restricted to `target` when given.
    func info(target: String?) -> JSONValue {
        var comms: [String: JSONValue] = [:]
        for (id, name) in open where target == nil || target == name {
            comms[id] = ["target_name": .string(name)]
        }
        return .object(comms)
    }
}
