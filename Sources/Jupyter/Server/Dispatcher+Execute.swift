/// `execute_request`: counts, outputs, result, errors, user expressions, history.
extension Dispatcher {
    struct ExecuteOptions {
        let code: String
        let silent: Bool
        let storeHistory: Bool
        let userExpressions: [String: String]
        let allowStdin: Bool
        let stopOnError: Bool

        init(content: JSONValue) throws(WireError) {
            let fields = try RequestFields(content, "execute_request")
            code = try fields.string("code")
            silent = try fields.bool("silent", default: false)
            storeHistory = silent ? false : try fields.bool("store_history", default: true)
            allowStdin = try fields.bool("allow_stdin", default: true)
            stopOnError = try fields.bool("stop_on_error", default: true)
            var expressions: [String: String] = [:]
            for (name, value) in try fields.object("user_expressions") {
                guard let text = value.stringValue else {
                    throw .malformed("execute_request.user_expressions.\(name) is not a string")
                }
                expressions[name] = text
            }
            userExpressions = expressions
        }
    }

    func execute(_ message: Message) throws(WireError) -> Disposition {
        let options = try ExecuteOptions(content: message.content)
        guard let interpreter else { return .proceed }
        let count = options.storeHistory ? executionCount + 1 : executionCount
        if options.storeHistory { executionCount = count }

        // A stale interrupt (sent while idle) must not stop this cell.
        control.clearInterrupt()
        if !options.silent {
            publish(.executeInput, ["code": .string(options.code), "execution_count": .int(count)], parent: message)
        }
        let scope = ExecutionScope(dispatcher: self, request: message, allowStdin: options.allowStdin)
        let request = ExecuteRequest(
            code: options.code, executionCount: count, silent: options.silent, allowStdin: options.allowStdin,
            storeHistory: options.storeHistory)
        let outcome = interpreter.execute(request, publisher: scope)

        switch outcome {
        case .success(let result):
            if let result, !options.silent {
                publish(
                    .executeResult,
                    ["execution_count": .int(count), "data": result.dataObject, "metadata": result.metadata],
                    parent: message)
            }
            if options.storeHistory {
                history.record(line: count, input: options.code, output: result?.plainText)
            }
            let expressions = evaluate(options.userExpressions, publisher: scope)
            reply(
                to: message,
                [
                    "status": "ok", "execution_count": .int(count), "payload": .array(scope.payloads),
                    "user_expressions": expressions,
                ])
            return .proceed
        case .failure(let error):
            let errorContent: [String: JSONValue] = [
                "ename": .string(error.name), "evalue": .string(error.value),
                "traceback": .array(error.traceback.map { .string($0) }),
            ]
            publish(.error, .object(errorContent), parent: message)
            if options.storeHistory { history.record(line: count, input: options.code, output: nil) }
            var content = errorContent
            content["status"] = "error"
            content["execution_count"] = .int(count)
            content["user_expressions"] = [:]
            // Payloads go out whatever the outcome, as in ipykernel (`exit()` before an error).
            content["payload"] = .array(scope.payloads)
            reply(to: message, .object(content))
            return options.stopOnError ? .abortQueued : .proceed
        }
    }

    private func evaluate(_ expressions: [String: String], publisher: ExecutionScope) -> JSONValue {
        guard let interpreter, !expressions.isEmpty else { return [:] }
        var results: [String: JSONValue] = [:]
        for (name, code) in expressions {
            switch interpreter.evaluate(expression: code, publisher: publisher) {
            case .success(let value):
                let bundle = value ?? DisplayBundle(plainText: "None")
                results[name] = ["status": "ok", "data": bundle.dataObject, "metadata": bundle.metadata]
            case .failure(let error):
                results[name] = [
                    "status": "error", "ename": .string(error.name), "evalue": .string(error.value),
                    "traceback": .array(error.traceback.map { .string($0) }),
                ]
            }
        }
        return .object(results)
    }
}
