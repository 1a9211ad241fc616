import Glibc

/// The rest of `math`: the functions lessons reach for beyond the basics in StandardModules
/// (fsum is CPython's exact Shewchuk summation; errors are CPython's "math domain error" and
/// "math range error").
package enum MathFunctions {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) {
        let number = StandardModules.number
        // One-argument functions: the value, or nil for a domain error.
        let unary: [(String, (Double) -> Double?)] = [
            ("asin", { (-1...1).contains($0) ? Glibc.asin($0) : nil }), ("acos", { (-1...1).contains($0) ? Glibc.acos($0) : nil }),
            ("sinh", { Glibc.sinh($0) }), ("cosh", { Glibc.cosh($0) }), ("asinh", { Glibc.asinh($0) }),
            ("acosh", { $0 >= 1 ? Glibc.acosh($0) : nil }), ("atanh", { $0 > -1 && $0 < 1 ? Glibc.atanh($0) : nil }),
            ("log1p", { $0 > -1 ? Glibc.log1p($0) : nil }), ("expm1", { Glibc.expm1($0) }), ("exp2", { Glibc.exp2($0) }),
            ("cbrt", { Glibc.cbrt($0) }), ("erf", { Glibc.erf($0) }), ("erfc", { Glibc.erfc($0) }),
            ("degrees", { $0 * 180 / Double.pi }), ("radians", { $0 * Double.pi / 180 }),
            ("gamma", { $0 <= 0 && $0 == $0.rounded() ? nil : Glibc.tgamma($0) }),
            ("lgamma", { $0 <= 0 && $0 == $0.rounded() ? nil : Glibc.lgamma($0) }),
            ("ulp", { $0.isNaN || $0.isInfinite ? $0.magnitude : $0.magnitude.ulp }),
        ]
        for (name, f) in unary {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "math.\(name)(x, /)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                let x = try number(interpreter, a.positional[0])
                guard let result = f(x) else { throw .valueError("math domain error") }
                if result.isInfinite && x.isFinite { throw ScriptError(.overflowError, "math range error") }
                return .float(result)
            })
        }
        let binary: [(String, (Double, Double) -> Double?)] = [
            ("atan2", { Glibc.atan2($0, $1) }), ("copysign", { Glibc.copysign($0, $1) }),
            ("fmod", { $1 == 0 || $0.isInfinite ? nil : Glibc.fmod($0, $1) }),
            ("remainder", { $1 == 0 || $0.isInfinite ? nil : Glibc.remainder($0, $1) }),
            ("nextafter", { Glibc.nextafter($0, $1) }),
        ]
        for (name, f) in binary {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "math.\(name)(x, y, /)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 2...2)
                let x = try number(interpreter, a.positional[0]), y = try number(interpreter, a.positional[1])
                guard let result = f(x, y) else { throw .valueError("math domain error") }
                return .float(result)
            })
        }
        let predicates: [(String, (Double) -> Bool)] = [("isfinite", { $0.isFinite }), ("isinf", { $0.isInfinite })]
        for (name, f) in predicates {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "math.\(name)(x, /)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                return .bool(f(try number(interpreter, a.positional[0])))
            })
        }
        module.namespace["frexp"] = .builtin(BuiltinFunction("frexp", signature: "math.frexp(x, /)") { interpreter, a throws(ScriptError) in
            try a.expect("frexp", 1...1)
            var exponent: Int32 = 0
            let mantissa = Glibc.frexp(try number(interpreter, a.positional[0]), &exponent)
            return .tuple([.float(mantissa), .int(Int(exponent))])
        })
        module.namespace["ldexp"] = .builtin(BuiltinFunction("ldexp", signature: "math.ldexp(x, i, /)") { interpreter, a throws(ScriptError) in
            try a.expect("ldexp", 2...2)
            let x = try number(interpreter, a.positional[0])
            guard case .int(let i) = a.positional[1] else { throw .typeError("Expected an int as second argument to ldexp.") }
            let result = Glibc.scalbn(x, Int32(clamping: i))
            if result.isInfinite && x.isFinite { throw ScriptError(.overflowError, "math range error") }
            return .float(result)
        })
        module.namespace["modf"] = .builtin(BuiltinFunction("modf", signature: "math.modf(x, /)") { interpreter, a throws(ScriptError) in
            try a.expect("modf", 1...1)
            let x = try number(interpreter, a.positional[0])
            if x.isInfinite { return .tuple([.float(Glibc.copysign(0, x)), .float(x)]) }
            let whole = x.rounded(.towardZero)
            return .tuple([.float(Glibc.copysign(x - whole, x)), .float(whole)])
        })
        module.namespace["fsum"] = .builtin(BuiltinFunction("fsum", signature: "math.fsum(iterable, /)") { interpreter, a throws(ScriptError) in
            try a.expect("fsum", 1...1)
            var values: [Double] = []
            for value in try interpreter.iterate(a.positional[0]) { values.append(try number(interpreter, value)) }
            return .float(try fsum(values))
        })
        module.namespace["prod"] = .builtin(BuiltinFunction("prod", signature: "math.prod(iterable, /, *, start=1)") { interpreter, a throws(ScriptError) in
            try a.expect("prod", 1...1, keywords: ["start"])
            var result = a.keyword("start") ?? .int(1)
            for value in try interpreter.iterate(a.positional[0]) { result = try interpreter.binary(.multiply, result, value) }
            return result
        })
    }

    /// Shewchuk's exact summation, rounded once, as CPython's math.fsum.
    static func fsum(_ values: [Double]) throws(ScriptError) -> Double {
        var partials: [Double] = []
        var specialSum = 0.0, infSum = 0.0
        for var x in values {
            let xsave = x
            if !x.isFinite {
                if x.isInfinite { infSum += x }
                specialSum += x
                continue
            }
            var i = 0
            for var y in partials {
                if x.magnitude < y.magnitude { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 {
                    partials[i] = lo
                    i += 1
                }
                x = hi
            }
            partials.removeSubrange(i...)
            if !x.isFinite {
                // An intermediate overflow: CPython raises unless the input had an infinity.
                if xsave.isFinite { throw ScriptError(.overflowError, "intermediate overflow in fsum") }
            }
            partials.append(x)
        }
        if specialSum != 0 {
            if infSum.isNaN { throw .valueError("-inf + inf in fsum") }
            return specialSum
        }
        guard var n = partials.indices.last else { return 0 }
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        // Half-way cases: round as if the rest of the partials had been added exactly.
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            let yr = x - hi
            if y == yr { hi = x }
        }
        return hi
    }
}
