import Script
/// Display ids for one workspace: a random prefix per workspace (so ids from an earlier
/// kernel run shown in the same page never match) and a counter.
package final class DisplayIDs {
    private let prefix: String
    private var next = 1

    init() {
        var generator = SystemRandomNumberGenerator()
        prefix = String(generator.next() & 0xFFFF_FFFF, radix: 16)
    }

    /// A fresh id.
    func make() -> String {
        defer { next += 1 }
        return "\(prefix)-\(next)"
    }
}

extension Interpreter {
    /// The workspace's display ids, made on first use.
    var displayIDs: DisplayIDs {
        let key = ObjectIdentifier(DisplayIDs.self)
        if let ids = workspace.extensions[key] as? DisplayIDs { return ids }
        let ids = DisplayIDs()
        workspace.extensions[key] = ids
        return ids
    }
}
