import Glibc

/// `sys`, `gc` and `math`: the parts lessons use.
package enum StandardModules {
    package static func sys(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["stdout"] = .object(StreamObject(.stdout))
        module.namespace["stderr"] = .object(StreamObject(.stderr))
        module.namespace["version"] = .str("3.12 (Recur script)")
        module.namespace["argv"] = .list(ListObject(interpreter.workspace.argv.map { .str($0) }))
        // The script's directory under `recur run`, the working directory ('') in the kernel.
        module.namespace["path"] = .list(ListObject([.str(interpreter.workspace.scriptDirectory ?? "")]))
        module.namespace["modules"] = .dict(interpreter.workspace.sysModules)
        module.namespace["platform"] = .str("linux")
        module.namespace["maxsize"] = .int(Int.max)
        SizeOf.install(in: module)
        module.namespace["getrecursionlimit"] = .builtin(BuiltinFunction("getrecursionlimit") { _, _ throws(ScriptError) in
            .int(Interpreter.recursionLimit)
        })
        module.namespace["exit"] = .builtin(BuiltinFunction("exit") { interpreter, a throws(ScriptError) in
            try a.expect("exit", 0...1)
            throw try interpreter.errorToRaise(.type(interpreter.types.exception(.systemExit)), value: a.positional.first)
        })
    }

    /// `gc`: the cycle collector (`collect`, `enable`, `disable`, `isenabled`).
    static func gc(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["collect"] = .builtin(BuiltinFunction("collect", signature: "collect(generation=2)") { interpreter, a throws(ScriptError) in
            try a.expect("collect", 0...1, keywords: ["generation"])
            if let generation = a.positional.first ?? a.keyword("generation") {
                guard (0...2).contains(try interpreter.indexValue(generation)) else { throw .valueError("invalid generation") }
            }
            return .int(interpreter.collector.collect())
        })
        module.namespace["enable"] = .builtin(BuiltinFunction("enable") { interpreter, a throws(ScriptError) in
            try a.expect("enable", 0...0)
            interpreter.collector.isEnabled = true
            return .none
        })
        module.namespace["disable"] = .builtin(BuiltinFunction("disable") { interpreter, a throws(ScriptError) in
            try a.expect("disable", 0...0)
            interpreter.collector.isEnabled = false
            return .none
        })
        module.namespace["isenabled"] = .builtin(BuiltinFunction("isenabled") { interpreter, a throws(ScriptError) in
            try a.expect("isenabled", 0...0)
            return .bool(interpreter.collector.isEnabled)
        })
    }

    /// CPython's checks on a math function's result: NaN from numbers is a domain error, an
    /// infinity from finite numbers a range error.
    static func mathResult(_ result: Double, from inputs: [Double]) throws(ScriptError) -> Double {
        if result.isNaN && !inputs.contains(where: \.isNaN) { throw .valueError("math domain error") }
        if result.isInfinite && inputs.allSatisfy(\.isFinite) { throw ScriptError(.overflowError, "math range error") }
        return result
    }

    package static func math(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["pi"] = .float(Double.pi)
        module.namespace["e"] = .float(M_E)
        module.namespace["tau"] = .float(2 * Double.pi)
        module.namespace["inf"] = .float(.infinity)
        module.namespace["nan"] = .float(.nan)
        let unary: [(String, (Double) -> Double, (Double) -> Bool)] = [
            ("sqrt", { $0.squareRoot() }, { $0 >= 0 }), ("exp", { Glibc.exp($0) }, { _ in true }),
            ("log10", { Glibc.log10($0) }, { $0 > 0 }), ("log2", { Glibc.log2($0) }, { $0 > 0 }),
            ("sin", { Glibc.sin($0) }, { _ in true }), ("cos", { Glibc.cos($0) }, { _ in true }),
            ("tan", { Glibc.tan($0) }, { _ in true }), ("tanh", { Glibc.tanh($0) }, { _ in true }),
            ("atan", { Glibc.atan($0) }, { _ in true }), ("fabs", { Swift.abs($0) }, { _ in true }),
        ]
        for (name, f, domain) in unary {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "math.\(name)(x, /)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                let x = try number(interpreter, a.positional[0])
                guard domain(x) else { throw .valueError("math domain error") }
                return .float(try mathResult(f(x), from: [x]))
            })
        }
        module.namespace["log"] = .builtin(BuiltinFunction("log", signature: "math.log(x[, base])") { interpreter, a throws(ScriptError) in
            try a.expect("log", 1...2)
            let x = try number(interpreter, a.positional[0])
            guard x > 0 else { throw .valueError("math domain error") }
            if a.positional.count == 2 { return .float(Glibc.log(x) / Glibc.log(try number(interpreter, a.positional[1]))) }
            return .float(Glibc.log(x))
        })
        for (name, mode) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "math.\(name)(x, /)") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1)
                if let i = a.positional[0].intLike { return .int(i) }
                let x = try number(interpreter, a.positional[0]).rounded(mode)
                guard x.isFinite, x.magnitude < 9.2e18 else { throw ScriptError(.overflowError, "cannot convert float infinity to integer") }
                return .int(Int(x))
            })
        }
        module.namespace["pow"] = .builtin(BuiltinFunction("pow") { interpreter, a throws(ScriptError) in
            try a.expect("pow", 2...2)
            let x = try number(interpreter, a.positional[0]), y = try number(interpreter, a.positional[1])
            if x == 0 && y < 0 && y.isFinite { throw .valueError("math domain error") }
            return .float(try mathResult(Glibc.pow(x, y), from: [x, y]))
        })
        module.namespace["factorial"] = .builtin(BuiltinFunction("factorial", signature: "math.factorial(n, /)") { interpreter, a throws(ScriptError) in
            try a.expect("factorial", 1...1)
            guard case .int(let n) = a.positional[0] else {
                if a.positional[0].bigInteger != nil { throw ScriptError(.overflowError, "factorial() argument should not exceed 9223372036854775807") }
                throw .typeError("'\(a.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            guard n >= 0 else { throw .valueError("factorial() not defined for negative values") }
            // Bounded like every big int (about 2**26 bits).
            guard n <= 2_000_000 else { throw ScriptError(.memoryError, "") }
            var result = BigInteger(1)
            var i = 2
            while i <= n {
                result = result * BigInteger(i)
                if i & 0xFFF == 0 { try interpreter.checkInterrupt() }
                i += 1
            }
            return .integer(result)
        })
        module.namespace["gcd"] = .builtin(BuiltinFunction("gcd", signature: "math.gcd(*integers)") { _, a throws(ScriptError) in
            try a.expect("gcd", 0...Int.max)
            var result = BigInteger(0)
            for value in a.positional {
                guard let b = value.bigInteger else {
                    throw .typeError("'\(value.typeName)' object cannot be interpreted as an integer")
                }
                result = MathCombinatorics.gcd(result, b)
            }
            return .integer(result)
        })
        module.namespace["isqrt"] = .builtin(BuiltinFunction("isqrt", signature: "math.isqrt(n, /)") { _, a throws(ScriptError) in
            try a.expect("isqrt", 1...1)
            guard let n = a.positional[0].bigInteger else {
                throw .typeError("'\(a.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            guard !n.negative else { throw .valueError("isqrt() argument must be nonnegative") }
            if n.isZero { return .int(0) }
            // Newton's method from a power of two above the root, over exact integers.
            var x = BigInteger(1).shiftedLeft((n.bitWidth + 1) / 2)
            while true {
                guard let quotient = n.floorDivided(by: x)?.quotient else { return .int(0) }
                let y = (x + quotient).shiftedRight(1)
                if !(y < x) { break }
                x = y
            }
            return .integer(x)
        })
        module.namespace["isclose"] = .builtin(BuiltinFunction("isclose") { interpreter, a throws(ScriptError) in
            try a.expect("isclose", 2...2, keywords: ["rel_tol", "abs_tol"])
            let x = try number(interpreter, a.positional[0]), y = try number(interpreter, a.positional[1])
            let rel = try a.keyword("rel_tol").map { (v) throws(ScriptError) in try number(interpreter, v) } ?? 1e-9
            let absTol = try a.keyword("abs_tol").map { (v) throws(ScriptError) in try number(interpreter, v) } ?? 0
            return .bool(x == y || Swift.abs(x - y) <= Swift.max(rel * Swift.max(Swift.abs(x), Swift.abs(y)), absTol))
        })
        module.namespace["isnan"] = .builtin(BuiltinFunction("isnan") { interpreter, a throws(ScriptError) in
            try a.expect("isnan", 1...1)
            return .bool(try number(interpreter, a.positional[0]).isNaN)
        })
        MathFunctions.fill(interpreter, module)
        MathCombinatorics.fill(interpreter, module)
    }

    package static func number(_ interpreter: Interpreter, _ value: Value) throws(ScriptError) -> Double {
        if let d = value.numericValue { return d }
        if case .object(let object) = value, let d = try object.floatValue(interpreter: interpreter) { return d }
        throw .typeError("must be real number, not \(value.typeName)")
    }
}
