import Tensors

extension BytesObject {
    /// Adds the `bytes` and `bytearray` types to the builtins namespace.
    package static func register(in table: inout [String: Value], types: BuiltinTypes) {
        for mutable in [false, true] {
            let name = mutable ? "bytearray" : "bytes"
            let constructor = BuiltinFunction(name, signature: "\(name)(source=b'', encoding='utf-8', errors='strict')",
                                              doc: mutable ? "A mutable sequence of integers in range(0, 256)." : "An immutable sequence of integers in range(0, 256).") {
                interpreter, a throws(ScriptError) in
                .object(BytesObject(try construct(name, interpreter, a), mutable: mutable))
            }
            var namespace = BytesMethods.all(mutable: mutable).mapValues { Value.builtin($0) }
            namespace["fromhex"] = .builtin(BuiltinFunction("fromhex", signature: "\(name).fromhex(string, /)") { _, a throws(ScriptError) in
                try a.expect("fromhex", 1...1)
                return .object(BytesObject(try fromHex(try a.positional[0].asString("fromhex() argument")), mutable: mutable))
            })
            let type = TypeObject(name: name, bases: [types.object], namespace: namespace, kind: .builtin, constructor: constructor)
            types.registerNative(type, forTypeName: name)
            table[name] = .type(type)
        }
    }

    /// The contents `bytes(...)` / `bytearray(...)` start with, as CPython's constructors.
    private static func construct(_ name: String, _ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> [UInt8] {
        try a.expect(name, 0...3, keywords: ["source", "encoding", "errors"])
        let encoding = try a.value(1, "encoding").map { (v) throws(ScriptError) in try v.asString("\(name)() argument 'encoding'") }
        let errors = try a.value(2, "errors").map { (v) throws(ScriptError) in try v.asString("\(name)() argument 'errors'") }
        guard let source = a.value(0, "source") else {
            if encoding != nil || errors != nil { throw .typeError("encoding or errors without sequence argument") }
            return []
        }
        if case .str(let text) = source {
            guard let encoding else { throw .typeError("string argument without an encoding") }
            return try TextCodec(named: encoding).encode(text, errors: errors ?? "strict")
        }
        if encoding != nil { throw .typeError("encoding without a string argument") }
        if errors != nil { throw .typeError("errors without a string argument") }
        if case .object(let other as BytesObject) = source { return other.bytes }
        if source.bigInteger != nil {
            if source.intLike == nil { throw ScriptError(.overflowError, "cannot fit 'int' into an index-sized integer") }
            let count = try interpreter.indexValue(source)
            guard count >= 0 else { throw .valueError("negative count") }
            guard MemoryBudget.allows(bytes: count) else { throw ScriptError(.memoryError, "") }
            return [UInt8](repeating: 0, count: count)
        }
        guard (try? interpreter.makeIterator(source)) != nil else {
            throw .typeError("cannot convert '\(source.typeName)' object to \(name)")
        }
        var out: [UInt8] = []
        let iterator = try interpreter.makeIterator(source)
        while let item = try iterator.next(interpreter: interpreter) {
            guard item.intLike != nil || item.bigInteger != nil else {
                throw .typeError("'\(item.typeName)' object cannot be interpreted as an integer")
            }
            guard item.intLike.map({ (0...255).contains($0) }) == true || name == "bytearray" else {
                throw .valueError("bytes must be in range(0, 256)")
            }
            out.append(try byte(item, interpreter))
            if out.count & 0xFFFF == 0 { try interpreter.checkInterrupt() }
        }
        return out
    }

    /// `bytes.fromhex`: pairs of hex digits, spaces allowed between pairs.
    static func fromHex(_ text: String) throws(ScriptError) -> [UInt8] {
        let scalars = Array(text.unicodeScalars)
        var out: [UInt8] = []
        var i = 0
        func digit(_ scalar: Unicode.Scalar) -> UInt8? {
            guard scalar.isASCII, let value = UInt8(String(scalar), radix: 16) else { return nil }
            return value
        }
        while i < scalars.count {
            if scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\n" || scalars[i] == "\r" || scalars[i] == "\u{0B}" || scalars[i] == "\u{0C}" {
                i += 1
                continue
            }
            guard let high = digit(scalars[i]) else {
                throw .valueError("non-hexadecimal number found in fromhex() arg at position \(i)")
            }
            guard i + 1 < scalars.count, let low = digit(scalars[i + 1]) else {
                throw .valueError("non-hexadecimal number found in fromhex() arg at position \(i + 1)")
            }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}
