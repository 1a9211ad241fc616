import Script
import Rendering

/// Caps a cell's value (an `execute_result`) and a user expression's value at the size a
/// cell's printed output may reach, so a 50 MB string is not sent as one 50 MB message that
/// the frontend would then have to render.
///
/// Past the cap only `text/plain` is kept (a cut HTML table or SVG would not be valid), cut
/// on a character boundary, with a note saying how large the value was.
enum ResultCap {
    /// The same 1 MiB as a cell's stream output (see DISPLAY.md, "Output limits").
    static let bytes = 1 << 20

    static func apply(_ bundle: MimeBundle, cap: Int = bytes) -> MimeBundle {
        let size = bundle.entries.reduce(0) { $0 + $1.data.utf8.count }
        guard size > cap else { return bundle }
        let text = bundle.plainText
        // Cut on a scalar boundary so the kept bytes decode exactly.
        var kept = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if kept + width > cap { break }
            kept += width
        }
        return MimeBundle(
            plainText: String(decoding: text.utf8.prefix(kept), as: UTF8.self)
                + "\n[Output truncated: this value's representation is \(describe(size)); the first "
                + "\(describe(kept)) of its text is shown.]")
    }

    /// `1 MiB`, `48.5 MiB`, `312 KiB`, `100 bytes`.
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = (bytes * 10) >> 20
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
