/// Whether operations record the autograd graph: a per-thread switch, as in PyTorch.
///
/// It is plain state of the thread that runs a session's code (not scoped to a task), so
/// that `torch.set_grad_enabled(False)` called as a function stays in effect, as it does in
/// PyTorch. A thread that never set it records (the default).
public enum GradMode {
    private static let state = ThreadValue(true)

    /// Whether operations are currently recorded for autograd.
    public static var isEnabled: Bool {
        get { state.value }
        set { state.value = newValue }
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
