import Glibc
import Rendering

/// A host that passes everything to another host, with stream output capped by an
/// `OutputLimiter` (new displays count towards the cap; updates in place do not) and
/// coalesced: text written in quick succession goes out as one write at most every
/// `flushInterval` (or every 64 KiB), as ipykernel batches its stream messages, so a loop that
/// prints a line per step sends a few messages a second instead of a flood the frontend (and
/// ZeroMQ's high-water mark) would drop. Text waiting longer than the interval goes out at
/// the next interrupt poll (every loop iteration and call), before any display, clear or
/// input prompt, and at `flush()`, which the session calls when the cell ends.
/// The session wraps the request's host in one per execute request.
package final class LimitedHost: ScriptHost {
    package let inner: any ScriptHost
    private(set) var limiter: OutputLimiter
    /// The interval in nanoseconds of the coarse monotonic clock.
    private let flushNanoseconds: Int
    private var pending: [(text: String, stream: OutputStreamName)] = []
    private var pendingBytes = 0
    private var lastFlush: Int?

    static let defaultFlushInterval = Duration.milliseconds(50)
    static let flushBytes = 64 << 10

    package init(_ inner: any ScriptHost, cap: Int = OutputLimiter.defaultCap, flushInterval: Duration = LimitedHost.defaultFlushInterval) {
        self.inner = inner
        self.limiter = OutputLimiter(cap: cap)
        let (seconds, attoseconds) = flushInterval.components
        flushNanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }

    package func write(_ text: String, to stream: OutputStreamName) {
        // Under the cap (the usual case) the text goes straight into the buffer.
        if limiter.admitWhole(text.utf8.count) {
            buffer(text, stream)
            if pendingBytes >= LimitedHost.flushBytes || isDue { flush() }
            return
        }
        let wasTruncated = limiter.isTruncated
        for chunk in limiter.admit(text, to: stream) { buffer(chunk.text, chunk.stream) }
        // The note goes out at once: nothing follows it to push it out.
        if limiter.isTruncated != wasTruncated || pendingBytes >= LimitedHost.flushBytes || isDue { flush() }
    }

    package func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        if !isUpdate {
            let (show, note) = limiter.admitDisplay(size: bundle.entries.reduce(0) { $0 + $1.data.utf8.count })
            if let note {
                buffer(note.text, note.stream)
                flush()
            }
            guard show else { return }
        }
        flush()
        inner.display(bundle, displayID: displayID, isUpdate: isUpdate)
    }

    package func clearOutput(wait: Bool) {
        flush()
        inner.clearOutput(wait: wait)
    }

    package func page(_ bundle: MimeBundle) {
        flush()
        inner.page(bundle)
    }

    package func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String {
        flush()
        return try inner.readInput(prompt: prompt, password: password)
    }

    package var interruptRequested: Bool {
        if pendingBytes > 0 && isDue { flush() }
        return inner.interruptRequested
    }

    package func requestExit(keepKernel: Bool) -> ExitHandling {
        inner.requestExit(keepKernel: keepKernel)
    }

    package func setNextInput(_ text: String, replace: Bool) -> Bool {
        inner.setNextInput(text, replace: replace)
    }

    /// Sends the text still waiting, one write per run of the same stream.
    package func flush() {
        lastFlush = LimitedHost.coarseNanoseconds()
        guard !pending.isEmpty else { return }
        var text = ""
        var stream = pending[0].stream
        for piece in pending {
            if piece.stream != stream {
                inner.write(text, to: stream)
                text = ""
                stream = piece.stream
            }
            text += piece.text
        }
        inner.write(text, to: stream)
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
    }

    private func buffer(_ text: String, _ stream: OutputStreamName) {
        guard !text.isEmpty else { return }
        pending.append((text, stream))
        pendingBytes += text.utf8.count
    }

    /// Whether the last flush is at least `flushInterval` ago (or there was none).
    private var isDue: Bool {
        guard let lastFlush else { return true }
        return LimitedHost.coarseNanoseconds() - lastFlush >= flushNanoseconds
    }

    /// The coarse monotonic clock (a few milliseconds' resolution, plenty for a 50 ms
    /// interval): reading it costs a fraction of the precise clock, and it is read at every
    /// write and interrupt poll while text waits.
    private static func coarseNanoseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &ts)
        return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
    }
}

/// Comm messages go out after the text written before them: an Output widget captures the
/// prints made while its `msg_id` was set, so they must reach the frontend before the update
/// that clears it.
extension LimitedHost: ScriptComms {
    package var comms: (any ScriptComms)? { inner.comms == nil ? nil : self }

    package func open(id: String, target: String, data: String, metadata: String, buffers: [[UInt8]]) {
        flush()
        inner.comms?.open(id: id, target: target, data: data, metadata: metadata, buffers: buffers)
    }

    package func send(id: String, data: String, buffers: [[UInt8]]) {
        flush()
        inner.comms?.send(id: id, data: data, buffers: buffers)
    }

    package func close(id: String, data: String) {
        flush()
        inner.comms?.close(id: id, data: data)
    }

    package var parentMessageID: String { inner.comms?.parentMessageID ?? "" }

    package func showError(_ failure: ScriptFailure) {
        flush()
        inner.comms?.showError(failure)
    }

    package func receiveWhileWaiting(milliseconds: Int) -> ScriptWaitingComm? {
        flush()
        return inner.comms?.receiveWhileWaiting(milliseconds: milliseconds)
    }

    package var whileAwaitingInput: ((ScriptWaitingComm) -> Void)? {
        get { inner.comms?.whileAwaitingInput }
        set { inner.comms?.whileAwaitingInput = newValue }
    }
}
