/// Comms the frontend opened with this kernel, by id.
///
/// The kernel registers no comm targets yet, so every `comm_open` is answered with a
/// `comm_close`; the registry still tracks targets so `comm_info` stays truthful once some
/// are added.
struct CommRegistry {
    private(set) var targets: Set<String> = []
    private(set) var open: [String: String] = [:]

    /// Opens `id` if `target` is known; false when the frontend must be told to close it.
    mutating func open(id: String, target: String) -> Bool {
        guard targets.contains(target) else { return false }
        open[id] = target
        return true
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
