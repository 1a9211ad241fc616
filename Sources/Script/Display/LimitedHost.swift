/// A host that passes everything to another host, with stream output capped by an
/// `OutputLimiter` (new displays count towards the cap; updates in place do not). The session wraps the request's host in one per execute request.
final class LimitedHost: ScriptHost {
    let inner: any ScriptHost
    private(set) var limiter: OutputLimiter

    init(_ inner: any ScriptHost, cap: Int = OutputLimiter.defaultCap) {
        self.inner = inner
        self.limiter = OutputLimiter(cap: cap)
    }

    func write(_ text: String, to stream: OutputStreamName) {
        for chunk in limiter.admit(text, to: stream) { inner.write(chunk.text, to: chunk.stream) }
    }
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        if !isUpdate {
            let (show, note) = limiter.admitDisplay(size: bundle.entries.reduce(0) { $0 + $1.data.utf8.count })
            if let note { inner.write(note.text, to: note.stream) }
            guard show else { return }
        }
        inner.display(bundle, displayID: displayID, isUpdate: isUpdate)
    }
    func clearOutput(wait: Bool) { inner.clearOutput(wait: wait) }
    func page(_ bundle: MimeBundle) { inner.page(bundle) }
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        try inner.readInput(prompt: prompt, password: password)
    }
    var interruptRequested: Bool { inner.interruptRequested }
}
