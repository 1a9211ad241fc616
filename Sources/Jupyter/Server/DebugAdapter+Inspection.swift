/// The requests that read the program's state: frames, scopes, variables, evaluation.
extension DebugAdapter {
    func inspection(_ command: String, _ arguments: JSONValue) -> Result<JSONValue, DebugTargetFailure> {
        switch command {
        case "stackTrace":
            return target.stackTrace().map { frames in
                let listed: [JSONValue] = frames.map { frame in
                    var source: [String: JSONValue] = ["name": .string(frame.sourceName), "sourceReference": 0]
                    if let path = frame.path { source["path"] = .string(path) }
                    return [
                        "id": .int(frame.id), "name": .string(frame.name), "line": .int(frame.line), "column": 1,
                        "source": .object(source),
                    ]
                }
                return ["stackFrames": .array(listed), "totalFrames": .int(listed.count)]
            }
        case "scopes":
            guard let frame = arguments["frameId"]?.intValue else { return missing("frameId") }
            return target.scopes(frame: frame).map { scopes in
                let listed: [JSONValue] = scopes.map { scope in
                    var item: [String: JSONValue] = [
                        "name": .string(scope.name), "variablesReference": .int(scope.reference), "expensive": false,
                        "source": [:],
                    ]
                    if scope.name == "Locals" { item["presentationHint"] = "locals" }
                    return .object(item)
                }
                return ["scopes": .array(listed)]
            }
        case "variables":
            guard let reference = arguments["variablesReference"]?.intValue else { return missing("variablesReference") }
            return target.variables(reference: reference).map(Self.variablesBody)
        case "inspectVariables":
            return target.globalVariables().map(Self.variablesBody)
        case "evaluate":
            guard let expression = arguments["expression"]?.stringValue else { return missing("expression") }
            return target.evaluate(expression, frame: arguments["frameId"]?.intValue).map { variable in
                ["result": .string(variable.value), "type": .string(variable.type),
                 "variablesReference": .int(variable.reference), "presentationHint": [:]]
            }
        case "richInspectVariables":
            guard let name = arguments["variableName"]?.stringValue else { return missing("variableName") }
            // ipykernel answers the groups debugpy lists (not identifiers) with empty data.
            guard Self.isIdentifier(name) else { return .success(["data": [:], "metadata": [:]]) }
            return target.richInspect(name, frame: arguments["frameId"]?.intValue).map { bundle in
                ["data": bundle.dataObject, "metadata": bundle.metadata]
            }
        case "copyToGlobals":
            guard let destination = arguments["dstVariableName"]?.stringValue,
                  let source = arguments["srcVariableName"]?.stringValue,
                  let frame = arguments["srcFrameId"]?.intValue else {
                return missing("dstVariableName, srcVariableName and srcFrameId")
            }
            guard Self.isIdentifier(destination), Self.isIdentifier(source) else {
                return .failure(DebugTargetFailure("dstVariableName and srcVariableName must be valid identifiers"))
            }
            return target.copyToGlobals(source, frame: frame, destination: destination).map { variable in
                ["value": .string(variable.value), "type": .string(variable.type),
                 "variablesReference": .int(variable.reference)]
            }
        default:
            return .failure(DebugTargetFailure("Recur's debugger does not support the '\(command)' request"))
        }
    }

    private func missing(_ names: String) -> Result<JSONValue, DebugTargetFailure> {
        .failure(DebugTargetFailure("the request needs \(names)"))
    }

    private static func variablesBody(_ variables: [DebugTargetVariable]) -> JSONValue {
        let listed: [JSONValue] = variables.map { variable in
            [
                "name": .string(variable.name), "value": .string(variable.value), "type": .string(variable.type),
                "evaluateName": .string(variable.name), "variablesReference": .int(variable.reference),
            ]
        }
        return ["variables": .array(listed)]
    }

    /// Python's `str.isidentifier` for the ASCII names a client sends.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }
}
