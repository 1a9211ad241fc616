extension BigInteger {
    /// Parses digits in `radix` (2...36), with an optional sign and Python's underscores
    /// already removed; nil when a character is not a digit.
    package init?(_ text: Substring, radix: Int) {
        // Digits are ASCII: any other byte (of a longer UTF-8 sequence too) is not one.
        var digits = text.utf8[...]
        var isNegative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            isNegative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, (2...36).contains(radix) else { return nil }
        var values: [UInt32] = []
        values.reserveCapacity(digits.count)
        for byte in digits {
            let value: UInt32
            switch byte {
            case 48...57: value = UInt32(byte) - 48
            case 97...122: value = UInt32(byte) - 87
            case 65...90: value = UInt32(byte) - 55
            default: return nil
            }
            guard value < radix else { return nil }
            values.append(value)
        }
        let limbs = radix & (radix - 1) == 0
            ? BigInteger.packed(values, bitsPerDigit: radix.trailingZeroBitCount)
            : BigInteger.accumulated(values, radix: UInt32(radix))
        self.init(negative: isNegative, limbs: limbs)
    }

    /// Digits of a power-of-two radix are bit fields: placed directly, in linear time (CPython
    /// reads hexadecimal of any length; decimal is what its digit limit bounds).
    private static func packed(_ values: [UInt32], bitsPerDigit: Int) -> [UInt32] {
        var limbs = [UInt32](repeating: 0, count: (values.count * bitsPerDigit + 31) / 32)
        for (i, value) in values.reversed().enumerated() {
            let bit = i * bitsPerDigit
            limbs[bit / 32] |= value << (bit % 32)
            if bit % 32 + bitsPerDigit > 32 { limbs[bit / 32 + 1] |= value >> (32 - bit % 32) }
        }
        return limbs
    }

    /// Other radices: as many digits at a time as fit one limb, each group a multiply-add.
    private static func accumulated(_ values: [UInt32], radix: UInt32) -> [UInt32] {
        var limbs: [UInt32] = []
        var group: UInt32 = 0, groupScale: UInt32 = 1
        for value in values {
            if UInt64(groupScale) * UInt64(radix) > UInt64(UInt32.max) {
                multiplyAdd(&limbs, groupScale, group)
                group = 0
                groupScale = 1
            }
            group = group * radix + value
            groupScale *= radix
        }
        multiplyAdd(&limbs, groupScale, group)
        return limbs
    }

    /// The digits in `radix` (2...36), with a minus sign when negative.
    package func text(radix: Int = 10) -> String {
        if limbs.isEmpty { return "0" }
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var bytes: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if radix & (radix - 1) == 0 {
            // Bit fields, most significant first: linear in the size, as CPython's hex().
            let bitsPerDigit = radix.trailingZeroBitCount, mask = UInt32(radix - 1)
            let count = (bitWidth + bitsPerDigit - 1) / bitsPerDigit
            bytes.reserveCapacity(bytes.count + count)
            for i in stride(from: count - 1, through: 0, by: -1) {
                let bit = i * bitsPerDigit
                var value = limbs[bit / 32] >> (bit % 32)
                if bit % 32 + bitsPerDigit > 32, bit / 32 + 1 < limbs.count { value |= limbs[bit / 32 + 1] << (32 - bit % 32) }
                bytes.append(alphabet[Int(value & mask)])
            }
        } else {
            // Quadratic, one limb of digits per pass: decimal output is bounded by CPython's
            // digit limit (`BigIntObject.maxStringDigits`).
            var chunkBase = UInt32(radix)
            var chunkDigits = 1
            while UInt64(chunkBase) * UInt64(radix) <= UInt64(UInt32.max) {
                chunkBase *= UInt32(radix)
                chunkDigits += 1
            }
            var remaining = limbs
            var chunks: [UInt32] = []
            while !remaining.isEmpty { chunks.append(BigInteger.divide(&remaining, by: chunkBase)) }
            for (i, chunk) in chunks.reversed().enumerated() {
                var part: [UInt8] = []
                var value = chunk
                repeat {
                    part.append(alphabet[Int(value % UInt32(radix))])
                    value /= UInt32(radix)
                } while value > 0
                if i > 0 { part.append(contentsOf: repeatElement(alphabet[0], count: chunkDigits - part.count)) }
                bytes.append(contentsOf: part.reversed())
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
