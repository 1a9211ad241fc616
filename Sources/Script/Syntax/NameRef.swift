/// An identifier read or bound by an expression. The interpreter caches the name's symbol
/// number here on first use, so later lookups cost an integer compare, not a string hash.
/// Only the session thread that parsed the cell touches the cache.
package final class NameRef: @unchecked Sendable {
    package let text: String
    package var symbol = -1
    package var table: ObjectIdentifier?
    /// Where the name lives, set by the `Resolver` before the code runs.
    var resolution = NameResolution.dynamic

    init(_ text: String) {
        self.text = text
    }
}
