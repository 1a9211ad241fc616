/// Remembers recent signatures so that a replayed message is refused.
///
/// Bounded: when full, the older half is forgotten (a replay that old is as good as a new
/// message to an attacker who holds the key, and without the key nothing verifies anyway).
struct ReplayGuard {
    private var recent: Set<[UInt8]> = []
    private var previous: Set<[UInt8]> = []
    private let capacity: Int

    init(capacity: Int = 1 << 15) {
        self.capacity = capacity
    }

    /// Records `signature`; false when it was already seen.
    mutating func admit(_ signature: [UInt8]) -> Bool {
        if recent.contains(signature) || previous.contains(signature) { return false }
        if recent.count >= capacity {
            previous = recent
            recent.removeAll(keepingCapacity: true)
        }
        recent.insert(signature)
        return true
    }
}
