import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct LexerTests {
    func kinds(_ source: String) throws -> [TokenKind] {
        try Lexer.tokenize(source).map(\.kind)
    }

    @Test func producesIndentAndDedent() throws {
        let k = try kinds("if x:\n    y\nz\n")
        #expect(k == [.keyword(.if), .name("x"), .punct(.colon), .newline, .indent, .name("y"), .newline,
                      .dedent, .name("z"), .newline, .endOfInput])
    }

    @Test func joinsLinesInsideBrackets() throws {
        let k = try kinds("a = [1,\n     2]\n")
        #expect(k == [.name("a"), .punct(.assign), .punct(.leftBracket), .int(1), .punct(.comma), .int(2),
                      .punct(.rightBracket), .newline, .endOfInput])
    }

    @Test(arguments: Punct.allCases)
    func readsEveryPunctuatorWhole(_ punct: Punct) {
        var lexer = Lexer(punct.rawValue + " x")
        #expect(lexer.matchPunct() == punct)
        #expect(lexer.position == punct.rawValue.unicodeScalars.count)
    }

    @Test func splitsRunsOfPunctuationLongestFirst() throws {
        #expect(try kinds("a**=b//c..d->e!=f:=g") == [.name("a"), .punct(.powAssign), .name("b"), .punct(.floorDiv), .name("c"),
                                                      .punct(.dot), .punct(.dot), .name("d"), .punct(.arrow), .name("e"),
                                                      .punct(.notEqual), .name("f"), .punct(.walrus), .name("g"), .newline, .endOfInput])
    }

    @Test func keepsKeywordsAndNamesApart() throws {
        #expect(try kinds("for fort in None_ None") == [.keyword(.for), .name("fort"), .keyword(.in), .name("None_"),
                                                        .keyword(.none), .newline, .endOfInput])
    }

    @Test func joinsBackslashContinuations() throws {
        #expect(try kinds("a = 1 + \\\n 2") == [.name("a"), .punct(.assign), .int(1), .punct(.plus), .int(2), .newline, .endOfInput])
    }

    @Test func readsNumbers() throws {
        #expect(try kinds("1e-3 0x1F 1_000 .5 3.") == [.float(0.001), .int(31), .int(1000), .float(0.5), .float(3), .newline, .endOfInput])
    }

    @Test func readsStringsWithEscapesAndUnicode() throws {
        #expect(try kinds(#"'a\n\'b' "生成" r'\n' '''x"y'''"#) == [.string("a\n'b"), .string("生成"), .string("\\n"), .string("x\"y"), .newline, .endOfInput])
    }

    @Test func skipsCommentsIncludingChinese() throws {
        #expect(try kinds("# 生成默认的h0\nx  # trailing\n") == [.name("x"), .newline, .endOfInput])
    }

    @Test func reportsUnterminatedStringAtItsStart() {
        #expect(throws: SyntaxError("unterminated string literal (detected at line 1)", at: SourceLocation(line: 1, column: 5))) {
            try Lexer.tokenize("x = 'abc")
        }
    }

    @Test func reportsInvalidCharacter() {
        #expect(throws: SyntaxError("invalid character '$' (U+0024)", at: SourceLocation(line: 1, column: 3))) {
            try Lexer.tokenize("a $ b")
        }
    }

    @Test func reportsInconsistentDedent() {
        #expect(throws: SyntaxError("unindent does not match any outer indentation level",
                                    at: SourceLocation(line: 3, column: 3), kind: .indentation)) {
            try Lexer.tokenize("if x:\n    y\n  z\n")
        }
    }

    @Test func recognizesMagicLines() throws {
        #expect(try kinds("%who\nx?\n!ls") == [.magic("%who"), .newline, .magic("x?"), .newline, .magic("!ls"), .newline, .endOfInput])
    }
}

@Suite struct ParserTests {
    func parse(_ source: String) throws -> [Stmt] { try Parser.parse(source) }

    @Test func parsesTheLessonsClass() throws {
        let statements = try parse("""
        class Model(torch.nn.Module):
            def __init__(self, input_size, hidden_size, batch_size, num_layers=1):
                super().__init__()
                self.rnn = torch.nn.RNN(input_size=self.input_size,
                                        hidden_size=self.hidden_size, num_layers=num_layers)
            # 生成默认的h0
            def forward(self, input):
                out, _ = self.rnn(input, hidden)
                return out.view(-1, self.hidden_size)
        """)
        guard case .classDef(let name, let bases, _, let body, _, _) = statements.first?.kind else {
            Issue.record("expected a class")
            return
        }
        #expect(name == "Model")
        #expect(bases.count == 1)
        #expect(body.count == 2)
        guard case .functionDef(let initializer, _) = body[0].kind else {
            Issue.record("expected a method")
            return
        }
        #expect(initializer.parameters.map(\.name) == ["self", "input_size", "hidden_size", "batch_size", "num_layers"])
        #expect(initializer.parameters.last?.defaultValue != nil)
    }

    @Test func parsesEveryStatementForm() throws {
        let source = """
        import torch.nn as nn
        from torch import nn, optim
        x, *rest = 1, 2, 3
        a = b = 0
        a += 1; b -= 1
        obj.attr = 3
        d['k'] = 4
        del d['k'], x
        assert a, "msg"
        with torch.no_grad():
            pass
        try:
            raise ValueError("bad")
        except (ValueError, TypeError) as e:
            pass
        except Exception:
            raise
        else:
            pass
        finally:
            pass
        while a < 3:
            a += 1
            if a == 2:
                continue
            elif a > 5:
                break
            else:
                pass
        for i, (p, q) in enumerate(zip(xs, ys)):
            pass
        def f(a, b=2, *args, c, d=4, **kwargs):
            global g
            return lambda x, y=1: x + y
        y = [i for i in range(3) if i] + {k: v for k, v in z.items()} + {1, 2} + (1,)
        s = f'{x!r:>{w}} {y:.4f} {{}}' % ()
        t = x[1:2, ::3, ...]
        u = not a or b and c if d else e
        v = a is not None and b not in c and 1 < x <= 3
        """
        let statements = try parse(source)
        #expect(statements.count == 20)
    }

    @Test func reportsCaretColumnForUnexpectedToken() {
        #expect(throws: SyntaxError("invalid syntax", at: SourceLocation(line: 1, column: 7))) {
            try Parser.parse("x = 1 2")
        }
    }

    @Test func rejectsAssignmentToCall() {
        #expect(throws: SyntaxError.self) { try Parser.parse("f() = 3") }
    }

    @Test func rejectsMissingIndentedBlock() {
        #expect(throws: SyntaxError("expected an indented block after 'if' statement on line 1",
                                    at: SourceLocation(line: 2, column: 1), kind: .indentation)) {
            try Parser.parse("if x:\npass\n")
        }
    }

    @Test func limitsNestingInsteadOfOverflowingTheStack() {
        let brackets = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: SyntaxError.self) { try Parser.parse(brackets) }
        let unary = String(repeating: "-", count: 10_000) + "1"
        #expect(throws: SyntaxError.self) { try Parser.parse(unary) }
        let nots = String(repeating: "not ", count: 10_000) + "x"
        #expect(throws: SyntaxError.self) { try Parser.parse(nots) }
        let powers = Array(repeating: "2", count: 10_000).joined(separator: " ** ")
        #expect(throws: SyntaxError.self) { try Parser.parse(powers) }
        var blocks = ""
        for depth in 0..<200 { blocks += String(repeating: " ", count: depth) + "if x:\n" }
        blocks += String(repeating: " ", count: 200) + "pass\n"
        #expect(throws: SyntaxError.self) { try Parser.parse(blocks) }
    }

    @Test func parsesFStringFieldsAndSpecs() throws {
        let statements = try parse("f'{a}-{b:>{w}.2f}-{c!r}'")
        guard case .expression(.fstring(let parts)) = statements.first?.kind else {
            Issue.record("expected an f-string")
            return
        }
        #expect(parts.count == 5)
    }
}

@Suite struct CompletenessTests {
    @Test func classifiesCells() {
        #expect(Completeness.of("x = 1") == .complete)
        #expect(Completeness.of("") == .complete)
        #expect(Completeness.of("for i in range(3):") == .incomplete(indent: "    "))
        #expect(Completeness.of("for i in range(3):\n    print(i)") == .incomplete(indent: "    "))
        #expect(Completeness.of("for i in range(3):\n    print(i)\n\n") == .complete)
        #expect(Completeness.of("x = [1,\n") == .incomplete(indent: ""))
        #expect(Completeness.of("s = '''abc") == .incomplete(indent: ""))
        #expect(Completeness.of("x = = 1") == .invalid)
        #expect(Completeness.of("x = )") == .invalid)
    }

    /// IPython's `check_complete` on the same inputs gives these answers.
    @Test func classifiesMultiLineCellsAsIPythonDoes() {
        #expect(Completeness.of("x = [1,\n 2]") == .complete)
        #expect(Completeness.of("x = [1,\n     2,") == .incomplete(indent: "     "))
        #expect(Completeness.of("f(1,\n  2)\ny = 3") == .complete)
        #expect(Completeness.of("if x:") == .incomplete(indent: "    "))
        #expect(Completeness.of("if x:  # why") == .incomplete(indent: "    "))
        #expect(Completeness.of("for a in range(5):\n    if a > 0:") == .incomplete(indent: "        "))
        #expect(Completeness.of("if True:\n    a = 1") == .incomplete(indent: "    "))
        #expect(Completeness.of("if True:\n    a = [1,\n2]") == .incomplete(indent: "    "))
        #expect(Completeness.of("if True:\n    a = 1\n") == .complete)
        #expect(Completeness.of("if True:\n    a = 1\n    ") == .complete)
        #expect(Completeness.of("try:\n    pass") == .incomplete(indent: "    "))
        #expect(Completeness.of("if x:\n    pass\nelse:") == .incomplete(indent: "    "))
        #expect(Completeness.of("a = \'\'\'\n   hi") == .incomplete(indent: "   "))
        #expect(Completeness.of("x = 1 + \\") == .incomplete(indent: ""))
        #expect(Completeness.of("1\\\n+2") == .complete)
        #expect(Completeness.of("a \\ ") == .invalid)
        #expect(Completeness.of("raise = 2") == .invalid)
        #expect(Completeness.of("def a():\n    x = 1)\n") == .invalid)
        #expect(Completeness.of("%%time") == .incomplete(indent: ""))
        #expect(Completeness.of("%%time\nx = 1") == .incomplete(indent: ""))
        #expect(Completeness.of("%%time\nx = 1\n") == .incomplete(indent: ""))
        #expect(Completeness.of("%%time\nx = 1\n\n") == .complete)
    }
}
