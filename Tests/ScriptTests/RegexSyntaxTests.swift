import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// Python's regular-expression spellings rewritten for PCRE2, and the errors CPython's parser
/// reports before matching (the differential programs compare whole `re` runs with CPython).
@Suite struct RegexSyntaxTests {
    private func translated(_ pattern: String, flags: Int = 0, bytes: Bool = false) throws -> String {
        let syntax = try RegexSyntax(pattern.unicodeScalars.map(\.value), isBytes: bytes, flags: flags)
        var text = ""
        for unit in syntax.units { text.unicodeScalars.append(Unicode.Scalar(unit) ?? "?") }
        return text
    }

    @Test func pythonOnlySpellingsBecomePCRE2s() throws {
        #expect(try translated(#"a\Z"#) == #"a\z"#)
        #expect(try translated("x{,3}") == "x{0,3}")
        #expect(try translated(#"\u00e9\x41\v"#) == #"\x{e9}\x{41}\x{b}"#)
        #expect(try translated(#"(a)\1"#) == #"(a)(?:\g{1})"#)
        #expect(try translated("[:a]") == #"[\:a]"#)
        #expect(try translated("a{") == #"a\{"#)
        #expect(try translated(#"\s"#) == #"[\s\x{1c}-\x{1f}]"#)
        #expect(try translated(#"\s"#, bytes: true) == #"\s"#)
        #expect(try translated("a # comment\n b", flags: RegexSyntax.Flag.verbose) == "ab")
        #expect(try translated("(?ai)x") == "(?i)x")
    }

    @Test func inlineFlagsAndNamesAreReported() throws {
        let syntax = try RegexSyntax("(?ms)(?P<first>a)(?P<second>b)".unicodeScalars.map(\.value), isBytes: false, flags: 0)
        #expect(syntax.inlineFlags == RegexSyntax.Flag.multiline | RegexSyntax.Flag.dotAll)
        #expect(syntax.names.map(\.0) == ["first", "second"])
        #expect(syntax.names.map(\.1) == [1, 2])
    }

    @Test func errorsCarryCPythonsMessagesAndPositions() {
        let cases: [(String, String, Int)] = [
            ("(a", "missing ), unterminated subpattern", 0), ("a)", "unbalanced parenthesis", 1),
            ("*", "nothing to repeat", 0), ("a**", "multiple repeat", 2), ("[a", "unterminated character set", 0),
            (#"\q"#, #"bad escape \q"#, 0), ("[b-a]", "bad character range b-a", 1),
        ]
        for (pattern, message, position) in cases {
            do {
                _ = try RegexSyntax(pattern.unicodeScalars.map(\.value), isBytes: false, flags: 0)
                Issue.record("\(pattern) compiled")
            } catch {
                #expect(error.message == message)
                #expect(error.position == position)
            }
        }
    }
}
