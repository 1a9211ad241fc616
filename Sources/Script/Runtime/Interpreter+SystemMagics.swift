import Glibc
import Rendering

/// The magics that reach outside the workspace: `!cmd`, `%ls`, `%cd`, `%pwd`, `%env`, `%run`,
/// and `%timeit`, with IPython's output.
extension Interpreter {
    /// `!cmd`: runs through `/bin/sh` in a pseudo-terminal, output streamed to stdout; the exit
    /// status lands in `_exit_code`. An interrupt stops the command, not the cell (IPython's way).
    func runShell(_ command: String, in scope: Scope) throws(ScriptError) {
        let expanded = try expandShellVariables(command, in: scope)
        if expanded.trimmingSpaces.hasSuffix("&") { throw ScriptError(.osError, "Background processes not supported.") }
        let status: Int
        do {
            status = try ShellCommand(command: expanded).run(
                write: { [host] text in if !text.isEmpty { host.write(text, to: .stdout) } },
                interrupted: { [host] in host.interruptRequested })
        } catch {
            throw ScriptError(.osError, error.message)
        }
        workspace.globals.setLocal(symbols.intern("_exit_code"), .int(status))
    }

    /// IPython's `var_expand`: `{expression}` and `$name` (`$$` is a dollar) take their values
    /// from the namespace; when one cannot be evaluated the command runs as written.
    func expandShellVariables(_ command: String, in scope: Scope) throws(ScriptError) -> String {
        let scalars = Array(command.unicodeScalars)
        var out = ""
        var i = 0
        var quoted = false
        while i < scalars.count {
            let c = scalars[i]
            if c == "'" { quoted.toggle() }
            if c == "{" {
                guard let close = scalars[i...].firstIndex(of: "}") else { return command }
                let source = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                guard let value = try? evaluate(try parseExpression(source), in: scope), let text = try? str(value) else { return command }
                out += text
                i = close + 1
                continue
            }
            if c == "$" && !quoted {
                if i + 1 < scalars.count && scalars[i + 1] == "$" {
                    out += "$"
                    i += 2
                    continue
                }
                var end = i + 1
                while end < scalars.count && (scalars[end] == "_" || scalars[end] == "." || scalars[end].properties.isAlphabetic
                                              || ("0"..."9").contains(scalars[end])) { end += 1 }
                while end > i + 1 && scalars[end - 1] == "." { end -= 1 }
                if end > i + 1 {
                    let source = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
                    guard let value = try? evaluate(try parseExpression(source), in: scope), let text = try? str(value) else { return command }
                    out += text
                    i = end
                    continue
                }
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        return out
    }

    /// `%pwd`, `%cd [-q] [dir | -]`, `%ls`, `%env`.
    func directoryMagic(_ name: String, _ arguments: String, in scope: Scope) throws(ScriptError) {
        switch name {
        case "pwd":
            magicResult = .str(try PosixPath.abspath("."))
        case "cd":
            var words = arguments.split(separator: " ").map(String.init)
            let quiet = words.first == "-q"
            if quiet { words.removeFirst() }
            let previous = try PosixPath.abspath(".")
            var target = words.joined(separator: " ")
            if target.isEmpty { target = String(cString: getenv("HOME") ?? strdup("/")) }
            if target == "-" { target = getenv("OLDPWD").map { String(cString: $0) } ?? previous }
            if target.hasPrefix("~") { target = (getenv("HOME").map { String(cString: $0) } ?? "") + target.dropFirst() }
            if chdir(target) != 0 {
                // IPython prints the failure and stays where it was.
                host.write("[Errno \(errno)] \(String(cString: strerror(errno))): \(PythonString.repr(target))\n", to: .stdout)
            } else {
                setenv("OLDPWD", previous, 1)
            }
            if !quiet { host.write(try PosixPath.abspath(".") + "\n", to: .stdout) }
        case "ls":
            // IPython's alias on Linux.
            try runShell("ls -F --color " + arguments, in: scope)
        default:
            try environmentMagic(arguments)
        }
    }

    /// `%env` (every variable, as a dict), `%env NAME`, `%env NAME=value`, `%env NAME value`.
    private func environmentMagic(_ arguments: String) throws(ScriptError) {
        if arguments.isEmpty {
            let dict = DictObject()
            var entry = environ
            while let pointer = entry.pointee {
                let text = String(cString: pointer)
                if let equals = text.firstIndex(of: "=") {
                    try dict.set(.str(String(text[..<equals])), .str(String(text[text.index(after: equals)...])))
                }
                entry += 1
            }
            magicResult = .dict(dict)
            return
        }
        let pair: (String, String)?
        if let equals = arguments.firstIndex(of: "=") {
            pair = (String(arguments[..<equals]).trimmingSpaces, String(arguments[arguments.index(after: equals)...]).trimmingSpaces)
        } else if let space = arguments.firstIndex(of: " ") {
            pair = (String(arguments[..<space]), String(arguments[arguments.index(after: space)...]).trimmingSpaces)
        } else {
            pair = nil
        }
        guard let (key, value) = pair else {
            guard let value = getenv(arguments) else { throw ScriptError(.usageError, "Environment does not have key: \(arguments)") }
            magicResult = .str(String(cString: value))
            return
        }
        setenv(key, value, 1)
        host.write("env: \(key)=\(value)\n", to: .stdout)
    }

    /// `%%writefile [-a] filename`: the cell's text, ending with one newline, written (or
    /// appended) to the file, with IPython's `Writing x` / `Overwriting x` / `Appending to x`.
    package func writeFileMagic(_ arguments: String, body: String) throws(ScriptError) {
        var words = arguments.split(separator: " ").map(String.init)
        let append = words.first == "-a" || words.first == "--append"
        if append { words.removeFirst() }
        guard let path = words.first, words.count == 1 else {
            throw ScriptError(.usageError, "%%writefile takes one filename (and -a to append)")
        }
        let exists = access(path, F_OK) == 0
        host.write(append ? "Appending to \(path)\n" : exists ? "Overwriting \(path)\n" : "Writing \(path)\n", to: .stdout)
        let text = body.hasSuffix("\n") ? body : body + "\n"
        let descriptor = try FileObject.descriptor(path, append ? .append : .write)
        defer { _ = Glibc.close(descriptor) }
        try SystemError.writeAll(Array(text.utf8), to: descriptor, path)
    }

    /// `%%capture [--no-stdout] [--no-stderr] [--no-display] [name]`: runs the cell with its
    /// output kept in a `CapturedIO` (bound to `name` when given; discarded otherwise).
    package func captureCell(_ arguments: String, _ body: () throws(ScriptError) -> Void) throws(ScriptError) {
        var stdout = true, stderr = true, displays = true
        var name: String?
        for word in arguments.split(separator: " ") {
            switch word {
            case "--no-stdout": stdout = false
            case "--no-stderr": stderr = false
            case "--no-display": displays = false
            default:
                guard !word.hasPrefix("-"), name == nil, RegexSyntax.isIdentifier(String(word)) else {
                    throw ScriptError(.usageError, "%%capture: unrecognized argument \(word) (it takes --no-stdout, --no-stderr, --no-display and a name)")
                }
                name = String(word)
            }
        }
        let outer = host
        let capturing = CapturingHost(outer, stdout: stdout, stderr: stderr, displays: displays)
        host = capturing
        defer { host = outer }
        defer { if let name { workspace.globals.setLocal(symbols.intern(name), .object(capturing.output)) } }
        try body()
    }

    /// `%run [-i] file.py|file.recur [arguments]`: runs the file as `__main__` with `sys.argv`
    /// set to the file and its arguments, then its names join the workspace (with `-i` it runs
    /// in the workspace itself).
    func runFileMagic(_ arguments: String) throws(ScriptError) {
        var words = arguments.split(separator: " ").map(String.init)
        let interactive = words.first == "-i"
        if interactive { words.removeFirst() }
        if let option = words.first, option.hasPrefix("-") {
            throw ScriptError(.usageError, "%run: option \(option) is not provided by Recur (it runs files, with -i in the workspace)")
        }
        guard let file = words.first else { throw ScriptError(.exception, "%run: missing filename") }
        guard let bytes = try? FileObject.contents(of: file), !SourceModule.isDirectory(file) else {
            throw ScriptError(.exception, "File `\(PythonString.repr(file))` not found.")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let savedArgv = workspace.argv
        let sys = workspace.modules["sys"]
        let savedSysArgv = sys?.namespace["argv"]
        workspace.argv = words
        sys?.namespace["argv"] = .list(ListObject(words.map { .str($0) }))
        defer {
            workspace.argv = savedArgv
            if let sys { sys.namespace["argv"] = savedSysArgv }
        }
        let main = ModuleObject(name: "__main__")
        if interactive { main.source = SourceModule(scope: workspace.globals, file: file, packageDirectory: nil, isBundled: false) }
        let savedModule = workspace.modules["__main__"]
        defer { workspace.modules["__main__"] = savedModule }
        do {
            try runModuleCode(main, text: text, file: file, package: nil, bundled: false)
        } catch {
            if !interactive { mergeIntoWorkspace(main) }
            throw error
        }
        if !interactive { mergeIntoWorkspace(main) }
    }

    private func mergeIntoWorkspace(_ module: ModuleObject) {
        for (name, value) in module.members(symbols: symbols) {
            workspace.globals.setLocal(symbols.intern(name), value)
        }
    }

    /// `%timeit [-n N] [-r R] [-p P] [-q] statement` and `%%timeit [options] [setup]` over a cell:
    /// IPython's measurement (loops grown tenfold until a run takes 0.2 s, then 7 runs) and report.
    package func timeit(_ arguments: String, body: [Stmt]?, in scope: Scope) throws(ScriptError) {
        var loops = 0, repeats = 7, precision = 3, quiet = false
        var rest = Substring(arguments)
        while rest.hasPrefix("-") {
            let option = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(option.count).drop { $0.isWhitespace }
            let flag = option.dropFirst()
            func number(_ text: Substring) throws(ScriptError) -> Int {
                var value = text
                if value.isEmpty {
                    value = rest.prefix { !$0.isWhitespace }
                    rest = rest.dropFirst(value.count).drop { $0.isWhitespace }
                }
                guard let n = Int(value), n > 0 else { throw ScriptError(.usageError, "option -\(flag.prefix(1)) needs a positive integer") }
                return n
            }
            switch flag.first {
            case "n": loops = try number(flag.dropFirst())
            case "r": repeats = try number(flag.dropFirst())
            case "p": precision = try number(flag.dropFirst())
            case "q" where flag.count == 1: quiet = true
            case "t" where flag.count == 1, "c" where flag.count == 1: break // both name the one wall clock Recur times with
            default:
                throw ScriptError(.usageError, "%timeit: option \(option) is not provided by Recur (-n, -r, -p, -q are)")
            }
        }
        let line = try parseStatements(String(rest))
        let (setup, statements) = body.map { (line, $0) } ?? ([], line)
        if statements.isEmpty { return }
        for statement in setup { _ = try execute(statement, in: scope) }
        func measure(_ count: Int) throws(ScriptError) -> Double {
            let start = ProcessClock.now().wall
            for _ in 0..<count {
                for statement in statements {
                    frameLine = statement.line
                    guard case .normal = try execute(statement, in: scope) else {
                        throw ScriptError(.syntaxError, "'break', 'continue' and 'return' must be inside a loop or function")
                    }
                }
                try checkInterrupt()
            }
            return ProcessClock.now().wall - start
        }
        if loops == 0 {
            for index in 0..<10 {
                loops = Int(pow(10.0, Double(index)))
                if try measure(loops) >= 0.2 { break }
            }
        }
        var runs: [Double] = []
        for _ in 0..<repeats { runs.append(try measure(loops)) }
        let report = TimeitReport(loops: loops, runs: runs, precision: precision)
        if quiet { return }
        if let warning = report.warning { host.write(warning + "\n", to: .stdout) }
        host.write(report.text + "\n", to: .stdout)
    }
}

extension Interpreter {
    /// `targets = !cmd` (the command's output lines as IPython's `SList`) and
    /// `targets = %magic args` (the magic's value, None for those that print).
    func assignMagic(targets: String, magic: String, in scope: Scope) throws(ScriptError) {
        let target = try parseExpression(targets)
        let value: Value
        if magic.hasPrefix("!") {
            value = try captureShell(String(magic.dropFirst()), in: scope)
        } else {
            magicResult = nil
            defer { magicResult = nil }
            try runMagic(magic, in: scope)
            value = magicResult ?? .none
        }
        try assign(target, value, in: scope)
    }

    /// IPython's `getoutput`: the lines the command wrote (stdout and stderr together), as an
    /// `IPython.utils.text.SList`.
    func captureShell(_ command: String, in scope: Scope) throws(ScriptError) -> Value {
        let expanded = try expandShellVariables(command, in: scope)
        if expanded.trimmingSpaces.hasSuffix("&") { throw ScriptError(.osError, "Background processes not supported.") }
        let captured: ShellCommand.Captured
        do {
            captured = try ShellCommand(command: expanded).capture(interrupted: { [host] in host.interruptRequested })
        } catch {
            throw ScriptError(.osError, error.message)
        }
        var lines: [Value] = []
        switch captured {
        case .output(let bytes):
            guard let splitLines = StringMethods.all["splitlines"]?.methodBody,
                  case .list(let split) = try splitLines(self, .str(String(decoding: bytes, as: UTF8.self)), Arguments([])) else { return .none }
            lines = split.items
        case .interrupted:
            host.write("^C\n", to: .stdout)
        case .tooLarge:
            throw ScriptError(.memoryError, "")
        }
        let module = try loadModule("IPython.utils.text")
        guard let slist = module.member("SList", symbols: symbols) else { throw ScriptError(.importError, "cannot import name 'SList' from 'IPython.utils.text'") }
        return try call(slist, Arguments([.list(ListObject(lines))]))
    }
}
