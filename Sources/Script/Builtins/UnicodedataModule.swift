import Rendering
/// `unicodedata`: `normalize`/`is_normalized` and `lookup` through ICU (see `ICUNormalizer`);
/// `category`, `name`, `decimal`, `digit`, `numeric`, `combining` and `mirrored` from Swift's
/// own Unicode properties.
package enum UnicodedataModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            module.namespace[name] = .builtin(BuiltinFunction(name, signature: "unicodedata.\(signature)", doc: doc, body))
        }
        add("normalize", "normalize(form, unistr, /)", "Return the normal form 'form' ('NFC', 'NFD', 'NFKC' or 'NFKD') of the string.") { _, a throws(ScriptError) in
            try a.expect("normalize", 2...2)
            return .str(try normalized(a, "normalize"))
        }
        add("is_normalized", "is_normalized(form, unistr, /)", "Return whether the string is in normal form 'form'.") { _, a throws(ScriptError) in
            try a.expect("is_normalized", 2...2)
            guard case .str(let text) = a.positional[1] else { return .bool(false) }
            return .bool(try normalized(a, "is_normalized").hasSameCodePoints(text))
        }
        add("lookup", "lookup(name, /)", "Look up the character by its name (or name alias).") { _, a throws(ScriptError) in
            try a.expect("lookup", 1...1)
            let name = try a.positional[0].asString("lookup() argument")
            guard let icu = ICUNormalizer.shared else { throw missingICU("lookup") }
            guard let scalar = icu.character(named: name) else {
                throw .keyError(.str("undefined character name '\(name)'"), repr: PythonString.repr("undefined character name '\(name)'"))
            }
            return .str(String(Character(scalar)))
        }
        add("category", "category(chr, /)", "Return the general category of the character as a two-letter string.") { _, a throws(ScriptError) in
            try a.expect("category", 1...1)
            return .str(code(of: try character(a.positional[0], "category").properties.generalCategory))
        }
        add("name", "name(chr, default=<unrepresentable>, /)", "Return the name of the character.") { _, a throws(ScriptError) in
            try a.expect("name", 1...2)
            let scalar = try character(a.positional[0], "name")
            if let name = scalar.properties.name { return .str(name) }
            if a.positional.count == 2 { return a.positional[1] }
            throw .valueError("no such name")
        }
        for (function, accepts, message) in [("decimal", [Unicode.NumericType.decimal], "not a decimal"),
                                             ("digit", [.decimal, .digit], "not a digit"),
                                             ("numeric", [.decimal, .digit, .numeric], "not a numeric character")] {
            add(function, "\(function)(chr, default=<unrepresentable>, /)", "Return the \(function) value of the character.") { _, a throws(ScriptError) in
                try a.expect(function, 1...2)
                let properties = try character(a.positional[0], function).properties
                if let type = properties.numericType, accepts.contains(type), let value = properties.numericValue {
                    return function == "numeric" ? .float(value) : .int(Int(value))
                }
                if a.positional.count == 2 { return a.positional[1] }
                throw .valueError(message)
            }
        }
        add("combining", "combining(chr, /)", "Return the canonical combining class of the character (0 if none).") { _, a throws(ScriptError) in
            try a.expect("combining", 1...1)
            return .int(Int(try character(a.positional[0], "combining").properties.canonicalCombiningClass.rawValue))
        }
        add("mirrored", "mirrored(chr, /)", "Return 1 if the character is mirrored in bidirectional text, else 0.") { _, a throws(ScriptError) in
            try a.expect("mirrored", 1...1)
            return .int(try character(a.positional[0], "mirrored").properties.isBidiMirrored ? 1 : 0)
        }
    }

    private static func missingICU(_ function: String) -> ScriptError {
        ScriptError(.notImplementedError, "unicodedata.\(function) needs the system's ICU library (libicuuc), which was not found")
    }

    private static func normalized(_ a: Arguments, _ function: String) throws(ScriptError) -> String {
        let form = try a.positional[0].asString("\(function)() argument 1")
        guard case .str(let text) = a.positional[1] else {
            throw .typeError("\(function)() argument 2 must be str, not \(a.positional[1].typeName)")
        }
        guard let chosen = ICUNormalizer.Form(rawValue: form) else { throw .valueError("invalid normalization form") }
        guard let icu = ICUNormalizer.shared else { throw missingICU(function) }
        guard let result = icu.normalize(text, chosen) else { throw .valueError("\(function)(): ICU could not normalize the string") }
        return result
    }

    /// The one-character str argument, as CPython's unicodedata functions require.
    private static func character(_ value: Value, _ function: String) throws(ScriptError) -> Unicode.Scalar {
        guard case .str(let text) = value, text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
            throw .typeError("\(function)() argument must be a unicode character, not \(value.typeName)")
        }
        return scalar
    }

    /// The two-letter code Python gives a general category.
    package static func code(of category: Unicode.GeneralCategory) -> String {
        switch category {
        case .uppercaseLetter: "Lu"
        case .lowercaseLetter: "Ll"
        case .titlecaseLetter: "Lt"
        case .modifierLetter: "Lm"
        case .otherLetter: "Lo"
        case .nonspacingMark: "Mn"
        case .spacingMark: "Mc"
        case .enclosingMark: "Me"
        case .decimalNumber: "Nd"
        case .letterNumber: "Nl"
        case .otherNumber: "No"
        case .connectorPunctuation: "Pc"
        case .dashPunctuation: "Pd"
        case .openPunctuation: "Ps"
        case .closePunctuation: "Pe"
        case .initialPunctuation: "Pi"
        case .finalPunctuation: "Pf"
        case .otherPunctuation: "Po"
        case .mathSymbol: "Sm"
        case .currencySymbol: "Sc"
        case .modifierSymbol: "Sk"
        case .otherSymbol: "So"
        case .spaceSeparator: "Zs"
        case .lineSeparator: "Zl"
        case .paragraphSeparator: "Zp"
        case .control: "Cc"
        case .format: "Cf"
        case .surrogate: "Cs"
        case .privateUse: "Co"
        case .unassigned: "Cn"
        @unknown default: "Cn"
        }
    }
}
