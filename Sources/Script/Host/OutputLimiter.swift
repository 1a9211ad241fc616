/// Caps the bytes one execute request may write to stdout and stderr together (new
/// displays count too; updates of an existing display do not, they replace it). Output past
/// the cap is dropped and replaced by one note on stderr, so a `while True: print(...)`
/// cannot flood the frontend; the cell keeps running (and stays interruptible) until it
/// ends or is interrupted.
package struct OutputLimiter {
    /// The default cap: enough for any lesson output, far below what hurts a browser.
    static let defaultCap = 1 << 20

    /// One piece of text for one stream.
    package struct Chunk: Equatable {
        package var stream: OutputStreamName
        package var text: String
    }

    package let cap: Int
    private(set) var written = 0
    private(set) var isTruncated = false

    init(cap: Int = OutputLimiter.defaultCap) {
        self.cap = max(0, cap)
    }

    /// The note that replaces everything past the cap.
    package var note: String {
        "\n[Output truncated: this cell wrote more than \(OutputLimiter.describe(bytes: cap)); further output is discarded. Interrupt the kernel to stop it.]\n"
    }

    /// Counts `size` more bytes and returns true when they fit under the cap whole; false
    /// (counting nothing) when `admit` must cut the text or drop it.
    mutating func admitWhole(_ size: Int) -> Bool {
        guard !isTruncated, written + size <= cap else { return false }
        written += size
        return true
    }

    /// What to emit for `text` written to `stream`: all of it while under the cap; the
    /// part that fits (cut on a character boundary) and then the note once; nothing after.
    package mutating func admit(_ text: String, to stream: OutputStreamName) -> [Chunk] {
        guard !isTruncated else { return [] }
        let size = text.utf8.count
        if written + size <= cap {
            written += size
            return size == 0 ? [] : [Chunk(stream: stream, text: text)]
        }
        isTruncated = true
        let room = cap - written
        var kept = ""
        var used = 0
        for character in text {
            let length = character.utf8.count
            if used + length > room { break }
            kept.append(character)
            used += length
        }
        written += used
        var chunks: [Chunk] = []
        if !kept.isEmpty { chunks.append(Chunk(stream: stream, text: kept)) }
        chunks.append(Chunk(stream: .stderr, text: note))
        return chunks
    }

    /// Whether a new display of `size` bytes may be shown. Past the cap it is dropped, and
    /// the note is returned the first time.
    mutating func admitDisplay(size: Int) -> (show: Bool, note: Chunk?) {
        guard !isTruncated else { return (false, nil) }
        if written + size <= cap {
            written += size
            return (true, nil)
        }
        isTruncated = true
        return (false, Chunk(stream: .stderr, text: note))
    }

    /// `1 MiB`, `64 KiB`, `100 bytes`.
    package static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
