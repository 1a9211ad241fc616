/// `string`: CPython's character-class constants.
package enum StringModule {
    package static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let lowercase = "abcdefghijklmnopqrstuvwxyz", uppercase = lowercase.uppercased(), digits = "0123456789"
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", whitespace = " \t\n\r\u{0B}\u{0C}"
        let constants = [
            "ascii_lowercase": lowercase, "ascii_uppercase": uppercase, "ascii_letters": lowercase + uppercase,
            "digits": digits, "hexdigits": digits + "abcdefABCDEF", "octdigits": "01234567",
            "punctuation": punctuation, "whitespace": whitespace,
            "printable": digits + lowercase + uppercase + punctuation + whitespace,
        ]
        for (name, value) in constants { module.namespace[name] = .str(value) }
    }
}
