import Glibc
import Rendering

extension Interpreter {
    /// Runs an IPython-style line: `%magic args`, `!cmd`, `name?`.
    func runMagic(_ text: String, in scope: Scope) throws(ScriptError) {
        let scalars = Array(text.unicodeScalars)
        if let first = scalars.first, !"%!?".unicodeScalars.contains(first), let equals = Lexer.magicAssignment(scalars[...]) {
            try assignMagic(targets: String(String.UnicodeScalarView(scalars[..<equals])),
                            magic: String(String.UnicodeScalarView(scalars[(equals + 1)...])).trimmingSpaces, in: scope)
            return
        }
        if text.hasPrefix("!") {
            try runShell(String(text.dropFirst()), in: scope)
            return
        }
        if text.hasPrefix("?") || text.hasSuffix("?") {
            var name = text
            while name.hasPrefix("?") { name.removeFirst() }
            let detail = name.hasSuffix("??") ? 1 : 0
            while name.hasSuffix("?") { name.removeLast() }
            let value: Value
            do {
                value = try evaluate(try parseExpression(name), in: scope)
            } catch {
                // IPython's answer for a name it cannot resolve.
                host.write("Object `\(name)` not found.\n", to: .stdout)
                return
            }
            host.page(MimeBundle(plainText: try helpText(for: value, detail: detail, name: name)))
            return
        }
        var body = Substring(text.dropFirst())
        let name = String(body.prefix { !$0.isWhitespace })
        body = body.dropFirst(name.count)
        let arguments = String(body).trimmingSpaces
        switch name {
        case "who":
            let names = workspace.userNames
            host.write(names.isEmpty ? "Interactive namespace is empty.\n" : names.joined(separator: "\t") + "\t\n", to: .stdout)
        case "whos":
            host.write(whosTable(), to: .stdout)
        case "reset":
            if !arguments.split(separator: " ").contains("-f") {
                let answer = (try? host.readInput(prompt: "Once deleted, variables cannot be recovered. Proceed (y/[n])? ", password: false)) ?? "n"
                guard answer.trimmingSpaces.lowercased().hasPrefix("y") else {
                    host.write("Nothing done.\n", to: .stdout)
                    return
                }
            }
            workspace.reset()
        case "time":
            magicResult = try timed { () throws(ScriptError) -> Value? in
                let statements = try parseStatements(arguments)
                return try runForResult(statements, in: scope)
            }
        case "matplotlib":
            break
        case "timeit":
            try timeit(arguments, body: nil, in: scope)
        case "run":
            try runFileMagic(arguments)
        case "history", "hist":
            try historyMagic(arguments)
        case "load":
            try loadMagic(arguments)
        case "pwd", "cd", "ls", "env":
            try directoryMagic(name, arguments, in: scope)
        case "pip", "conda", "mamba":
            throw ScriptError(.usageError, "%\(name) is not available: Recur has no packages to install (torch, numpy and the standard library modules it provides are built in)")
        case "lsmagic":
            host.write("Available line magics:\n" + Interpreter.lineMagics.map { "%" + $0 }.joined(separator: "  ")
                       + "\n\nAvailable cell magics:\n" + Interpreter.cellMagics.map { "%%" + $0 }.joined(separator: "  ") + "\n", to: .stdout)
        case "shapes":
            try ShapeTracing.magic(arguments, self)
        case "xmode":
            try switchExceptionMode(arguments)
        default:
            throw ScriptError(.usageError, "Line magic function `%\(name)` not found.")
        }
    }

    /// The magics `%lsmagic` lists.
    static let lineMagics = ["cd", "env", "hist", "history", "load", "lsmagic", "ls", "matplotlib", "pwd", "reset", "run", "shapes", "time", "timeit", "who", "whos", "xmode"]
    static let cellMagics = ["capture", "time", "timeit", "writefile"]

    /// Runs `body` and prints IPython's CPU and wall time lines.
    package func timed(_ body: () throws(ScriptError) -> Value?) throws(ScriptError) -> Value? {
        let start = ProcessClock.now()
        let result: Value?
        do {
            result = try body()
        } catch {
            host.write(ProcessClock.now().report(since: start), to: .stdout)
            throw error
        }
        host.write(ProcessClock.now().report(since: start), to: .stdout)
        return result
    }

    /// Runs statements; when the last one is an expression, returns its value.
    package func runForResult(_ statements: [Stmt], in scope: Scope) throws(ScriptError) -> Value? {
        guard let last = statements.last else { return nil }
        for statement in statements.dropLast() {
            let flow = try execute(statement, in: scope)
            if case .normal = flow { continue }
            throw ScriptError(.syntaxError, "'break', 'continue' and 'return' must be inside a loop or function")
        }
        if case .expression(let expr) = last.kind {
            frameLine = last.line
            try debugStatement(last.line, in: scope)
            return try evaluate(expr, in: scope)
        }
        if case .magic = last.kind {
            magicResult = nil
            _ = try execute(last, in: scope)
            defer { magicResult = nil }
            return magicResult
        }
        let flow = try execute(last, in: scope)
        if case .normal = flow { return nil }
        throw ScriptError(.syntaxError, "'break', 'continue' and 'return' must be inside a loop or function")
    }

    func parseStatements(_ source: String) throws(ScriptError) -> [Stmt] {
        do {
            return try Parser.parse(source)
        } catch {
            throw ScriptError(.syntaxError, error.message)
        }
    }

    package func parseExpression(_ source: String) throws(ScriptError) -> Expr {
        do {
            return try Parser.parseExpression(source)
        } catch {
            throw ScriptError(.syntaxError, error.message)
        }
    }

    func whosTable() -> String {
        let names = workspace.userNames
        if names.isEmpty { return "Interactive namespace is empty.\n" }
        var rows: [(String, String, String)] = []
        for name in names {
            guard let value = workspace.global(name) else { continue }
            var info: String
            if case .object(let object) = value, let summary = object.summary(interpreter: self) {
                info = summary
            } else {
                switch value {
                case .list(let l): info = "n=\(l.items.count)"
                case .tuple(let t): info = "n=\(t.count)"
                case .dict(let d): info = "n=\(d.count)"
                case .module(let m): info = "<module '\(m.name)'>"
                case .none, .bool, .int, .float, .str, .set, .function, .builtin, .boundMethod, .type,
                     .instance, .object:
                    info = (try? str(value)) ?? "?"
                }
            }
            info = info.split(separator: "\n").first.map(String.init) ?? ""
            if info.count > 60 { info = String(info.prefix(57)) + "..." }
            rows.append((name, value.typeName, info))
        }
        let nameWidth = max(10, (rows.map { $0.0.count }.max() ?? 0) + 3)
        let typeWidth = max(8, (rows.map { $0.1.count }.max() ?? 0) + 3)
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var out = pad("Variable", nameWidth) + pad("Type", typeWidth) + "Data/Info\n"
        out += String(repeating: "-", count: nameWidth + typeWidth + 9) + "\n"
        for (name, type, info) in rows { out += pad(name, nameWidth) + pad(type, typeWidth) + info + "\n" }
        return out
    }
}

/// Process CPU (user, system) and wall clock readings for `%time`.
package struct ProcessClock {
    package var user: Double
    package var system: Double
    var wall: Double

    package static func now() -> ProcessClock {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ProcessClock(
            user: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
            system: Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6,
            wall: Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9)
    }

    /// IPython's two lines: `CPU times: user ..., sys: ..., total: ...` and `Wall time: ...`.
    package func report(since start: ProcessClock) -> String {
        let user = self.user - start.user, system = self.system - start.system
        return "CPU times: user \(ProcessClock.format(user)), sys: \(ProcessClock.format(system)), "
            + "total: \(ProcessClock.format(user + system))\nWall time: \(ProcessClock.format(wall - start.wall))\n"
    }

    /// IPython's `_format_time`: `precision` significant digits in s, ms, μs or ns, and
    /// `1h 2min 5s` from a minute on.
    package static func format(_ seconds: Double, precision: Int = 3) -> String {
        if seconds >= 60 {
            var parts: [String] = []
            var leftover = seconds
            for (suffix, length) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
                let value = Int(leftover / length)
                if value > 0 {
                    leftover = leftover.truncatingRemainder(dividingBy: length)
                    parts.append("\(value)\(suffix)")
                }
                if leftover < 1 { break }
            }
            return parts.joined(separator: " ")
        }
        let units = ["s", "ms", "\u{3bc}s", "ns"]
        let scaling = [1.0, 1e3, 1e6, 1e9]
        var order = 3
        if seconds > 0 {
            let exponent = Int(log10(seconds).rounded(.down))
            let group = exponent >= 0 ? exponent / 3 : -((-exponent + 2) / 3)
            order = min(-group, 3)
        }
        order = max(0, order)
        return formatDouble(seconds * scaling[order], "g", precision: precision) + " " + units[order]
    }
}
