/// The workspace's end of Jupyter comms: the script function (ipywidgets' dispatcher) that
/// receives comm messages from the frontend, and how a caught exception is rendered for
/// `showtraceback()`.
package final class CommBridge {
    /// Called as `handler(kind, comm_id, target_name, data, metadata, buffers)`; its truth
    /// answers a `comm_open` (taken or not).
    package var handler: Value?
    /// The session's traceback renderer for exceptions a callback caught (IPython's style
    /// in the kernel), without a cell frame around them.
    package var render: ((ScriptError) -> ScriptFailure)?

    /// A new comm id: 32 hex digits, as ipykernel's `uuid4().hex`.
    package static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next(), low = generator.next()
        func hex(_ word: UInt64) -> String {
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}

extension Interpreter {
    /// The workspace's comm bridge, made on first use.
    package var commBridge: CommBridge {
        let key = ObjectIdentifier(CommBridge.self)
        if let bridge = workspace.extensions[key] as? CommBridge { return bridge }
        let bridge = CommBridge()
        workspace.extensions[key] = bridge
        return bridge
    }

    /// A value as a JSON document for a comm message; widgets are referenced by the
    /// script before they get here ("IPY_MODEL_<id>").
    package func commJSON(_ value: Value) throws(ScriptError) -> String {
        var writer = try JSONWriter(self, Arguments(keywords: [("separators", .tuple([.str(","), .str(":")]))]))
        return try writer.encode(value)
    }
}
