import Glibc

/// `time`: clocks, an interruptible `sleep`, `localtime`/`gmtime` as `struct_time`, `strftime`
/// (the C library's, as CPython's is) and `asctime`/`ctime`.
package enum TimeModule {
    package static let fields = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"]

    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func clock(_ id: clockid_t) -> timespec {
            var ts = timespec()
            clock_gettime(id, &ts)
            return ts
        }
        func seconds(_ ts: timespec) -> Value { .float(Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9) }
        func nanoseconds(_ ts: timespec) -> Value { .int(Int(ts.tv_sec) &* 1_000_000_000 &+ Int(ts.tv_nsec)) }
        let clocks: [(String, clockid_t)] = [("time", CLOCK_REALTIME), ("perf_counter", CLOCK_MONOTONIC), ("monotonic", CLOCK_MONOTONIC),
                                             ("process_time", CLOCK_PROCESS_CPUTIME_ID)]
        for (name, id) in clocks {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "time.\(name)()") { _, a throws(ScriptError) in
                try a.expect(name, 0...0)
                return seconds(clock(id))
            })
            module.namespace[name + "_ns"] = .builtin(BuiltinFunction(name + "_ns", signature: "time.\(name)_ns()") { _, a throws(ScriptError) in
                try a.expect(name + "_ns", 0...0)
                return nanoseconds(clock(id))
            })
        }
        module.namespace["sleep"] = .builtin(BuiltinFunction("sleep", signature: "time.sleep(secs, /)",
                                                            doc: "Delay execution for a given number of seconds (an interrupt stops it).") { interpreter, a throws(ScriptError) in
            try a.expect("sleep", 1...1)
            let duration = try StandardModules.number(interpreter, a.positional[0])
            guard !duration.isNaN else { throw .valueError("Invalid value NaN (not a number)") }
            // CPython converts to int64 nanoseconds first: past that range, its OverflowErrors.
            switch a.positional[0] {
            case .int(let n) where n > 9_223_372_036 || n < -9_223_372_036:
                throw ScriptError(.overflowError, "timestamp too large to convert to C _PyTime_t")
            case .object(let object) where object is BigIntObject:
                throw ScriptError(.overflowError, "timestamp too large to convert to C _PyTime_t")
            default:
                if abs((duration * 1e9).rounded()) >= 9.223372036854775808e18 {
                    throw ScriptError(.overflowError, "timestamp out of range for platform time_t")
                }
            }
            guard duration >= 0 else { throw .valueError("sleep length must be non-negative") }
            let start = seconds(clock(CLOCK_MONOTONIC))
            while true {
                guard case .float(let now) = seconds(clock(CLOCK_MONOTONIC)), case .float(let began) = start else { break }
                let left = duration - (now - began)
                if left <= 0 { break }
                // Short slices, so an interrupt stops the sleep promptly.
                let slice = Swift.min(left, 0.05)
                if let comms = interpreter.host.comms {
                    // In a kernel, the frontend's widget messages run while the cell sleeps.
                    interpreter.sleepServingComms(comms, seconds: slice)
                } else {
                    var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
                    _ = nanosleep(&request, nil)
                }
                try interpreter.checkInterrupt()
            }
            return .none
        })
        let layout = NamedTupleLayout(name: "struct_time", fields: fields, defaults: [], reprName: "time.struct_time")
        module.namespace["struct_time"] = .builtin(BuiltinFunction("struct_time", signature: "time.struct_time(iterable)") { interpreter, a throws(ScriptError) in
            try a.expect("struct_time", 1...1)
            let values = try interpreter.iterate(a.positional[0])
            guard values.count == 9 else {
                throw .typeError("time.struct_time() takes a 9-sequence (\(values.count)-sequence given)")
            }
            return .object(NamedTupleObject(layout, values))
        })
        for (name, local) in [("localtime", true), ("gmtime", false)] {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "time.\(name)([seconds])") { interpreter, a throws(ScriptError) in
                try a.expect(name, 0...1)
                return .object(NamedTupleObject(layout, try brokenDown(a.positional.first, local: local, interpreter).map { .int($0) }))
            })
        }
        module.namespace["strftime"] = .builtin(BuiltinFunction("strftime", signature: "time.strftime(format[, tuple])") { interpreter, a throws(ScriptError) in
            try a.expect("strftime", 1...2)
            let format = try a.positional[0].asString("strftime() argument 1")
            var parts = try a.positional.count > 1 ? tupleFields(a.positional[1], interpreter) : brokenDown(nil, local: true, interpreter)
            return .str(try formatted(format, &parts))
        })
        for name in ["asctime", "ctime"] {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "time.\(name)(...)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 0...1)
                var parts = name == "asctime" && !a.positional.isEmpty
                    ? try tupleFields(a.positional[0], interpreter) : try brokenDown(a.positional.first, local: true, interpreter)
                let text = try formatted("%a %b %d %H:%M:%S %Y", &parts)
                // CPython pads the day with a space, as C's asctime does.
                let day = parts[2] < 10 ? " \(parts[2])" : "\(parts[2])"
                return .str(String(text.prefix(8)) + day + String(text.dropFirst(10)))
            })
        }
    }

    /// The nine fields of `struct_time` for `seconds` (now when omitted or None).
    private static func brokenDown(_ value: Value?, local: Bool, _ interpreter: Interpreter) throws(ScriptError) -> [Int] {
        var stamp = time_t(time(nil))
        if let value, !value.isNone {
            let given = try StandardModules.number(interpreter, value)
            guard given.isFinite, Swift.abs(given) < 1e15 else { throw ScriptError(.overflowError, "timestamp out of range for platform time_t") }
            stamp = time_t(given.rounded(.down))
        }
        var parts = tm()
        let ok = local ? localtime_r(&stamp, &parts) != nil : gmtime_r(&stamp, &parts) != nil
        guard ok else { throw ScriptError(.overflowError, "timestamp out of range for platform time_t") }
        return [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
                Int(parts.tm_sec), (Int(parts.tm_wday) + 6) % 7, Int(parts.tm_yday) + 1, Int(parts.tm_isdst)]
    }

    private static func tupleFields(_ value: Value, _ interpreter: Interpreter) throws(ScriptError) -> [Int] {
        let items = try interpreter.iterate(value)
        guard items.count == 9 else { throw .typeError("time.struct_time() takes a 9-sequence (\(items.count)-sequence given)") }
        var out: [Int] = []
        for item in items { out.append(try interpreter.indexValue(item)) }
        return out
    }

    /// C's `strftime` over the fields (Python's weekday 0 is Monday, C's is Sunday).
    private static func formatted(_ format: String, _ fields: inout [Int]) throws(ScriptError) -> String {
        guard !format.unicodeScalars.contains("\0") else { throw .valueError("embedded null character") }
        var parts = tm()
        parts.tm_year = Int32(clamping: fields[0] - 1900)
        parts.tm_mon = Int32(clamping: fields[1] - 1)
        parts.tm_mday = Int32(clamping: fields[2])
        parts.tm_hour = Int32(clamping: fields[3])
        parts.tm_min = Int32(clamping: fields[4])
        parts.tm_sec = Int32(clamping: fields[5])
        parts.tm_wday = Int32(clamping: (fields[6] + 1) % 7)
        parts.tm_yday = Int32(clamping: fields[7] - 1)
        parts.tm_isdst = Int32(clamping: fields[8])
        guard (1...12).contains(fields[1]) else { throw .valueError("month out of range") }
        var buffer = [CChar](repeating: 0, count: 1024)
        let count = strftime(&buffer, buffer.count, format, &parts)
        if count == 0 && !format.isEmpty && buffer.count > 0 { return "" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
