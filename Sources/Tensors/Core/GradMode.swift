import Glibc

/// Whether operations record the autograd graph: a per-thread switch, as in PyTorch.
///
/// It is plain state of the thread that runs a session's code (not scoped to a task), so
/// that `torch.set_grad_enabled(False)` called as a function stays in effect, as it does in
/// PyTorch. A thread that never set it records (the default).
public enum GradMode {
    /// The thread's switch: a heap cell per thread that has changed it, freed with the thread.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { free($0) }
        return key
    }()

    /// Whether operations are currently recorded for autograd.
    public static var isEnabled: Bool {
        get {
            guard let cell = pthread_getspecific(key) else { return true }
            return cell.load(as: Bool.self)
        }
        set {
            if let cell = pthread_getspecific(key) {
                cell.storeBytes(of: newValue, as: Bool.self)
            } else if let cell = malloc(MemoryLayout<Bool>.size) {
                cell.storeBytes(of: newValue, as: Bool.self)
                pthread_setspecific(key, cell)
            }
        }
    }

    static var enabled: Bool { isEnabled }

    /// Runs `body` without recording operations (`with torch.no_grad():`).
    public static func withoutGrad<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        try with(enabled: false, body)
    }

    /// Runs `body` with recording switched on or off, then restores the previous mode.
    public static func with<R, E: Error>(enabled: Bool, _ body: () throws(E) -> R) throws(E) -> R {
        let saved = isEnabled
        isEnabled = enabled
        defer { isEnabled = saved }
        return try body()
    }
}
