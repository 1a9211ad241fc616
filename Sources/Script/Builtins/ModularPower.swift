import Tensors

/// `pow(base, exp, mod)`: modular exponentiation over Python ints of any size, with a
/// negative exponent meaning the modular inverse (Python 3.8+), and CPython's errors.
package enum ModularPower {
    package static func pow(_ base: Value, _ exponent: Value, _ modulus: Value) throws(ScriptError) -> Value {
        guard let b = base.bigInteger, let e = exponent.bigInteger, let m = modulus.bigInteger else {
            throw .typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
        guard !m.isZero else { throw .valueError("pow() 3rd argument cannot be 0") }
        let size = m.magnitude
        var factor = try mod(b, size)
        var power = e
        if e.negative {
            guard let inverse = inverse(factor, size) else {
                throw .valueError("base is not invertible for the given modulus")
            }
            factor = inverse
            power = -e
        }
        var result = try mod(BigInteger(1), size)
        // The exponent's bits are read in place (shifting it each step would be quadratic in its
        // length), and an interrupt is heard between steps as well as inside large ones.
        for (index, limb) in power.limbs.enumerated() {
            for bit in 0..<32 where index < power.limbs.count - 1 || limb >> bit != 0 {
                if Cancellation.isRequested { throw ScriptError(.keyboardInterrupt, "") }
                if limb >> bit & 1 == 1 { result = try mod(try BigInteger.interruptibleProduct(result, factor), size) }
                factor = try mod(try BigInteger.interruptibleProduct(factor, factor), size)
            }
        }
        // The result takes the modulus's sign, as Python's %.
        if m.negative && !result.isZero { result = result + m }
        return Value.integer(result)
    }

    /// `value` reduced into [0, modulus) for a positive modulus.
    private static func mod(_ value: BigInteger, _ modulus: BigInteger) throws(ScriptError) -> BigInteger {
        guard let (_, remainder) = try value.interruptibleFloorDivision(by: modulus) else { throw ScriptError(.zeroDivisionError, "integer modulo by zero") }
        return remainder
    }

    /// The inverse of `value` modulo `modulus` (both reduced, modulus positive), if any.
    private static func inverse(_ value: BigInteger, _ modulus: BigInteger) -> BigInteger? {
        var (r0, r1) = (modulus, value)
        var (t0, t1) = (BigInteger(0), BigInteger(1))
        while !r1.isZero {
            guard let (q, r) = r0.floorDivided(by: r1) else { return nil }
            (r0, r1) = (r1, r)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard BigInteger.compare(r0, BigInteger(1)) == 0 else { return nil }
        return t0.negative ? t0 + modulus : t0
    }
}
