import Script
/// Bounded integers as `Generator.integers` and `choice` draw them: Lemire's
/// multiply-and-reject (`shuffle`'s masked rejection is `IntervalDrawing.interval`).
extension PCG64 {
    /// `random_bounded_uint64`: off + a uniform value in [0, range], 32-bit draws when the
    /// range fits them.
    package mutating func bounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        if range <= 0xFFFF_FFFF {
            if range == 0xFFFF_FFFF { return UInt64(next32()) }
            return UInt64(lemire32(UInt32(range)))
        }
        if range == UInt64.max { return next64() }
        let exclusive = range &+ 1
        var m = next64().multipliedFullWidth(by: exclusive)
        if m.low < exclusive {
            let threshold = (UInt64.max &- range) % exclusive
            while m.low < threshold { m = next64().multipliedFullWidth(by: exclusive) }
        }
        return m.high
    }

    /// `buffered_bounded_lemire_uint32` (the buffer is unused for 32 bits).
    mutating func lemire32(_ range: UInt32) -> UInt32 {
        let exclusive = range &+ 1
        var m = UInt64(next32()) &* UInt64(exclusive)
        if UInt32(truncatingIfNeeded: m) < exclusive {
            let threshold = (UInt32.max &- range) % exclusive
            while UInt32(truncatingIfNeeded: m) < threshold { m = UInt64(next32()) &* UInt64(exclusive) }
        }
        return UInt32(truncatingIfNeeded: m >> 32)
    }

    /// `random_bounded_uint32_fill`'s element: a value in [0, range].
    mutating func bounded32(_ range: UInt32) -> UInt32 {
        if range == 0 { return 0 }
        if range == UInt32.max { return next32() }
        return lemire32(range)
    }
}

/// The byte and bit buffers `random_bounded_uint8_fill` and `random_bounded_bool_fill` keep
/// across one call: four bytes, or 32 bits, from each 32-bit draw.
package struct SmallDrawBuffer {
    private var buffer: UInt32 = 0
    private var remaining = 0

    /// `buffered_uint8`.
    mutating func byte(_ generator: inout PCG64) -> UInt8 {
        if remaining == 0 {
            buffer = generator.next32()
            remaining = 3
        } else {
            buffer >>= 8
            remaining -= 1
        }
        return UInt8(truncatingIfNeeded: buffer)
    }

    /// `buffered_bounded_lemire_uint8` (or the byte itself for the full range).
    mutating func bounded8(_ range: UInt8, _ generator: inout PCG64) -> UInt8 {
        if range == 0 { return 0 }
        if range == UInt8.max { return byte(&generator) }
        let exclusive = UInt16(range) + 1
        var m = UInt16(byte(&generator)) &* exclusive
        if UInt8(truncatingIfNeeded: m) < UInt8(truncatingIfNeeded: exclusive) {
            let threshold = (UInt8.max &- range) % UInt8(truncatingIfNeeded: exclusive)
            while UInt8(truncatingIfNeeded: m) < threshold { m = UInt16(byte(&generator)) &* exclusive }
        }
        return UInt8(truncatingIfNeeded: m >> 8)
    }

    /// `buffered_bounded_bool`.
    mutating func bit(_ range: Bool, _ generator: inout PCG64) -> Bool {
        guard range else { return false }
        if remaining == 0 {
            buffer = generator.next32()
            remaining = 31
        } else {
            buffer >>= 1
            remaining -= 1
        }
        return buffer & 1 != 0
    }
}
