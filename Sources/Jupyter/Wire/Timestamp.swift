import Glibc

/// ISO-8601 UTC timestamps with microseconds, as Jupyter headers carry them.
enum Timestamp {
    /// The current time, e.g. `2026-11-27T18:05:37.123456Z`.
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return format(seconds: Int(spec.tv_sec), microseconds: Int(spec.tv_nsec / 1000))
    }

    static func format(seconds: Int, microseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out = [UInt8]()
        out.reserveCapacity(27)
        func put(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, width: 4)
        out.append(UInt8(ascii: "-"))
        put(Int(parts.tm_mon) + 1, width: 2)
        out.append(UInt8(ascii: "-"))
        put(Int(parts.tm_mday), width: 2)
        out.append(UInt8(ascii: "T"))
        put(Int(parts.tm_hour), width: 2)
        out.append(UInt8(ascii: ":"))
        put(Int(parts.tm_min), width: 2)
        out.append(UInt8(ascii: ":"))
        put(Int(parts.tm_sec), width: 2)
        out.append(UInt8(ascii: "."))
        put(microseconds, width: 6)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}
