/// The short requests: completion, inspection, completeness, history, shutdown.
extension Dispatcher {
    func complete(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "complete_request")
        let code = try fields.string("code")
        let cursor = try Self.cursor(fields, in: code)
        let completion = interpreter?.complete(code: code, cursor: cursor)
            ?? Completion(matches: [], cursorStart: cursor, cursorEnd: cursor)
        reply(
            to: message,
            [
                "status": "ok", "matches": .array(completion.matches.map { .string($0) }),
                "cursor_start": .int(completion.cursorStart), "cursor_end": .int(completion.cursorEnd),
                "metadata": [:],
            ])
    }

    func inspect(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "inspect_request")
        let code = try fields.string("code")
        let cursor = try Self.cursor(fields, in: code)
        let detail = try fields.int("detail_level", default: 0)
        let found = interpreter?.inspect(code: code, cursor: cursor, detailLevel: detail)
        reply(
            to: message,
            [
                "status": "ok", "found": .bool(found != nil), "data": found?.dataObject ?? [:],
                "metadata": found?.metadata ?? [:],
            ])
    }

    /// `cursor_pos`, clamped into the code: the interpreter never sees an offset outside it.
    private static func cursor(_ fields: RequestFields, in code: String) throws(WireError) -> Int {
        let length = code.unicodeScalars.count
        return min(max(try fields.int("cursor_pos", default: length), 0), length)
    }

    func isComplete(_ message: Message) throws(WireError) {
        let code = try RequestFields(message.content, "is_complete_request").string("code")
        let content: JSONValue
        switch interpreter?.isComplete(code: code) ?? .unknown {
        case .complete: content = ["status": "complete"]
        case .incomplete(let indent): content = ["status": "incomplete", "indent": .string(indent)]
        case .invalid: content = ["status": "invalid"]
        case .unknown: content = ["status": "unknown"]
        }
        reply(to: message, content)
    }

    func historyReply(_ message: Message) throws(WireError) {
        let fields = try RequestFields(message.content, "history_request")
        let query = try History.Query(content: message.content)
        let withOutput = try fields.bool("output", default: false)
        let entries = history.lookup(query).map { entry -> JSONValue in
            let input = JSONValue.string(entry.input)
            let item: JSONValue = withOutput ? [input, entry.output.map { .string($0) } ?? .null] : input
            return [.int(entry.session), .int(entry.line), item]
        }
        reply(to: message, ["status": "ok", "history": .array(entries)])
    }

    func shutdown(_ message: Message) throws(WireError) -> Disposition {
        let restart = try RequestFields(message.content, "shutdown_request").bool("restart", default: false)
        let content: JSONValue = ["status": "ok", "restart": .bool(restart)]
        reply(to: message, content)
        // ipykernel also broadcasts the reply so that every attached client sees it.
        publish(.shutdownReply, content, parent: message)
        control.requestStop(restart: restart)
        return .stop
    }
}
