/// Whether operations record the autograd graph, scoped to the current task or thread.
public enum GradMode {
    @TaskLocal static var enabled = true

    /// Whether operations are currently recorded for autograd.
    public static var isEnabled: Bool { enabled }

    /// Runs `body` without recording operations (`with torch.no_grad():`).
    public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
        try $enabled.withValue(false, operation: body)
    }

    /// Runs `body` with recording switched on or off (`torch.set_grad_enabled(mode)`).
    public static func with<R>(enabled: Bool, _ body: () throws -> R) rethrows -> R {
        try $enabled.withValue(enabled, operation: body)
    }
}
