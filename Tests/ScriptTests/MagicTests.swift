import Foundation
import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct MagicTests {
    @Test func whoListsUserVariablesSorted() {
        var h = Harness()
        #expect(h.output("%who") == "Interactive namespace is empty.\n")
        _ = h.run("zeta = 1\nalpha = [1, 2]\n_hidden = 3")
        #expect(h.output("%who") == "alpha\tzeta\t\n")
    }

    @Test func whosShowsTypesAndSummaries() {
        var h = Harness()
        _ = h.run("import torch\nx = torch.zeros(5, 1, 4)\nn = 3\nnames = ['a', 'b']")
        let table = h.output("%whos")
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Variable") == true)
        #expect(lines.contains { $0.hasPrefix("n ") && $0.contains("int") && $0.hasSuffix("3") })
        #expect(lines.contains { $0.hasPrefix("names ") && $0.contains("list") && $0.hasSuffix("n=2") })
        #expect(lines.contains { $0.hasPrefix("x ") && $0.contains("Tensor") && $0.contains("5x1x4: 20 elems, torch.float32") })
        #expect(lines.contains { $0.hasPrefix("torch ") && $0.contains("module") })
    }

    @Test func resetForgetsEverything() {
        var h = Harness()
        _ = h.run("a = 1")
        _ = h.run("%reset -f")
        #expect(h.error("a") == "NameError: name 'a' is not defined")
    }

    @Test func timePrintsIPythonsLinesAndKeepsTheResult() {
        var h = Harness()
        let before = h.host.stdout.count
        let result = h.result("%time sum(range(1000))")
        #expect(result == "499500")
        let printed = String(h.host.stdout.dropFirst(before))
        #expect(printed.hasPrefix("CPU times: user "))
        #expect(printed.contains("\nWall time: "))
        let cell = h.output("%%time\nx = 0\nfor i in range(100):\n    x += i\nprint(x)")
        #expect(cell.hasPrefix("4950\nCPU times: user "))
        #expect(h.result("x") == "4950")
    }

    @Test func timeFormatsLikeIPython() {
        for (seconds, precision, text) in MagicFixtures.formattedTimes {
            #expect(ProcessClock.format(seconds, precision: precision) == text, "\(seconds) s at precision \(precision)")
        }
    }

    @Test func timeitReportsLikeIPython() {
        for (loops, runs, text) in MagicFixtures.timeitReports {
            let report = TimeitReport(loops: loops, runs: runs, precision: 3)
            #expect((report.warning.map { $0 + "\n" } ?? "") + report.text + "\n" == text)
        }
    }

    @Test func timeitRunsTheStatementAndPrintsOneReport() {
        var h = Harness()
        _ = h.run("calls = []")
        let printed = h.output("%timeit -n 5 -r 3 calls.append(1)")
        #expect(printed.hasSuffix(" per loop (mean \u{b1} std. dev. of 3 runs, 5 loops each)\n"))
        #expect(h.result("len(calls)") == "15")
        let cell = h.output("%%timeit -n 2 -r 2 total = []\ntotal.append(len(total))")
        #expect(cell.hasSuffix("(mean \u{b1} std. dev. of 2 runs, 2 loops each)\n"))
        #expect(h.result("total") == "[0, 1, 2, 3]")
        #expect(h.error("%timeit -x 1") == "UsageError: %timeit: option -x is not provided by Recur (-n, -r, -p, -q are)")
    }

    @Test func shellCommandsStreamThroughATerminal() {
        var h = Harness()
        _ = h.run("n = 41")
        // A pseudo-terminal ends lines with CR LF, as IPython's pexpect-run commands do.
        #expect(h.output("!echo {n + 1} $n $$HOME 'quoted $n'") == "42 41 \(String(cString: getenv("HOME")!)) quoted $n\r\n")
        #expect(h.output("!echo out; echo err >&2; exit 3") == "out\r\nerr\r\n")
        #expect(h.result("_exit_code") == "3")
        #expect(h.output("!test -t 1 && echo terminal") == "terminal\r\n")
        #expect(h.error("!sleep 1 &") == "OSError: Background processes not supported.")
    }

    @Test func shellCommandStopsOnInterrupt() {
        let session = Session()
        let host = RecordingHost()
        host.interruptAfterPolls = 3
        let outcome = session.execute("!echo started; sleep 30; echo never", cellName: "Cell In[1]", host: host)
        guard case .success = outcome else {
            Issue.record("the interrupt ended the cell with an error")
            return
        }
        #expect(host.stdout.hasPrefix("started"))
        #expect(!host.stdout.contains("never"))
        if case .success(let bundle) = session.execute("_exit_code", cellName: "Cell In[2]", host: RecordingHost()) {
            #expect(bundle?.plainText == "-2")
        } else {
            Issue.record("_exit_code is not set")
        }
    }

    @Test func shellCaptureStopsOnInterrupt() {
        // As IPython's getoutput: the command is terminated, `^C` is printed, the list is empty.
        let session = Session()
        let host = RecordingHost()
        host.interruptAfterPolls = 3
        let outcome = session.execute("out = !echo started; sleep 30; echo never\nlen(out)", cellName: "Cell In[1]", host: host)
        guard case .success(let bundle) = outcome else {
            Issue.record("the interrupt ended the cell with an error")
            return
        }
        #expect(host.stdout == "^C\n")
        #expect(bundle?.plainText == "0")
    }

    @Test func aHugePowerStopsOnInterrupt() {
        // 10 ** 10 ** 7 squares million-limb numbers: an interrupt ends it between steps.
        let session = Session()
        let host = RecordingHost()
        host.interruptAfterPolls = 5
        guard case .failure(let failure) = session.execute("x = 10 ** 10 ** 7", cellName: "Cell In[1]", host: host) else {
            Issue.record("the power ran to its end")
            return
        }
        #expect(failure.name == "KeyboardInterrupt")
    }

    @Test func directoryMagicsReportTheWorkingDirectory() {
        var h = Harness()
        let here = String(cString: getcwd(nil, 0))
        #expect(h.result("%pwd") == PythonString.repr(here))
        #expect(h.output("%cd \(here)") == here + "\n")
        #expect(h.output("%cd -q \(here)") == "")
        #expect(h.output("%cd no-such-directory-here") == "[Errno 2] No such file or directory: 'no-such-directory-here'\n" + here + "\n")
        #expect(h.output("%env RECUR_MAGIC_TEST=on") == "env: RECUR_MAGIC_TEST=on\n")
        #expect(h.result("%env RECUR_MAGIC_TEST") == "'on'")
        #expect(h.error("%pip install torch")?.hasPrefix("UsageError: %pip is not available: Recur has no packages to install") == true)
    }

    @Test func writefileWritesTheCellAsIPythonDoes() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        let file = scratch.path + "/helper.py"
        var h = Harness()
        #expect(h.output("%%writefile \(file)\ndef double(x):\n    return 2 * x") == "Writing \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "def double(x):\n    return 2 * x\n")
        #expect(h.output("%%writefile -a \(file)\nTWO = double(1)\n") == "Appending to \(file)\n")
        #expect(h.output("%%writefile \(file)\nnot python at all: {\n") == "Overwriting \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not python at all: {\n")
        #expect(h.error("%%writefile \(scratch.path)/no/such/dir.txt\nx") == "FileNotFoundError: [Errno 2] No such file or directory: '\(scratch.path)/no/such/dir.txt'")
    }

    @Test func captureKeepsTheCellsOutput() {
        var h = Harness()
        #expect(h.output("%%capture out\nprint('epoch 1')\nimport sys\nprint('warned', file=sys.stderr)\n1 + 1") == "")
        #expect(h.host.stderr.isEmpty)
        #expect(h.result("out.stdout") == "'epoch 1\\n'")
        #expect(h.result("out.stderr") == "'warned\\n'")
        #expect(h.output("out.show()") == "epoch 1\n")
        #expect(h.output("%%capture --no-stdout\nprint('shown')") == "shown\n")
        #expect(h.output("%%capture\nprint('dropped')") == "")
        #expect(h.error("%%capture --bad\nx = 1") == "UsageError: %%capture: unrecognized argument --bad (it takes --no-stdout, --no-stderr, --no-display and a name)")
    }

    @Test func runExecutesAFileAsMainAndKeepsItsNames() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        let file = scratch.path + "/script.py"
        try "import sys\nprint(__name__, sys.argv[1:])\nresult = 6 * 7\ndef helper():\n    return result\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        var h = Harness()
        _ = h.run("import sys\nbefore = list(sys.argv)")
        #expect(h.output("%run \(file) --epochs 3") == "__main__ ['--epochs', '3']\n")
        #expect(h.result("helper()") == "42")
        #expect(h.result("sys.argv == before") == "True")
        #expect(h.error("%run \(scratch.path)/missing.py") == "Exception: File `'\(scratch.path)/missing.py'` not found.")
    }

    @Test func loadWithoutANextCellIsAUsageError() throws {
        // `recur run` has no next cell to put the code in: a clear error, not a silent no-op.
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        try "x = 1\n".write(toFile: scratch.path + "/snippet.py", atomically: true, encoding: .utf8)
        var h = Harness()
        #expect(h.error("%load \(scratch.path)/snippet.py")?.hasPrefix("UsageError: %load puts code into the next cell") == true)
        #expect(h.error("%load \(scratch.path)/missing.py")?.hasPrefix("ValueError: ") == true)
    }

    @Test func matplotlibInlineIsAccepted() {
        var h = Harness()
        #expect(h.result("%matplotlib inline") == nil)
        #expect(h.error("%matplotlib inline") == nil)
    }

    @Test func helpAndQuestionMarkOpenThePager() {
        var h = Harness()
        _ = h.run("help(len)")
        #expect(h.host.pages.last?.plainText.contains("len(obj, /)") == true)
        _ = h.run("import torch\ntorch.nn.RNN?")
        #expect(h.host.pages.last?.plainText.contains("torch.nn.RNN(input_size, hidden_size") == true)
        _ = h.run("x = [1, 2, 3]\nx?")
        let page = h.host.pages.last?.plainText ?? ""
        #expect(page.contains("Type:") && page.contains("list") && page.contains("[1, 2, 3]"))
        #expect(h.host.stdout.isEmpty)
        #expect(h.output("nothing_here?") == "Object `nothing_here` not found.\n")
    }
}

@Suite struct CompletionTests {
    func session(_ setup: String) -> Session {
        let s = Session()
        _ = s.execute(setup, cellName: "Cell In[1]", host: RecordingHost())
        return s
    }

    @Test func completesVariablesBuiltinsAndKeywords() {
        let s = session("hidden_size = 4\nhidden = None")
        let r = s.complete("x = hid", cursor: 7)
        #expect(r.matches == ["hidden", "hidden_size"])
        #expect(r.start == 4 && r.end == 7)
        #expect(s.complete("pri", cursor: 3).matches == ["print"])
        #expect(s.complete("whi", cursor: 3).matches == ["while"])
        #expect(s.complete("%wh", cursor: 3).matches == ["%who", "%whos"])
    }

    @Test func completesAttributesAfterADot() {
        let s = session("import torch\nnet = torch.nn.RNN(4, 2)\nx = torch.zeros(2)")
        let layers = s.complete("torch.nn.R", cursor: 10)
        #expect(layers.matches.contains("RNN") && layers.matches.contains("RNNCell") && layers.matches.contains("ReLU"))
        #expect(layers.start == 9)
        #expect(s.complete("net.", cursor: 4).matches.contains("weight_ih_l0"))
        #expect(s.complete("net.", cursor: 4).matches.contains("parameters"))
        #expect(s.complete("x.vi", cursor: 4).matches == ["view", "view_as"])
        #expect(s.complete("'ab'.up", cursor: 7).matches.isEmpty)
        let cjk = s.complete("a = '中文'; x.sh", cursor: 14)
        #expect(cjk.matches == ["shape", "short"] && cjk.start == 12)
    }

    @Test func completesBuiltinModulesByDottedPathBeforeAnyImport() {
        let s = Session()
        let layers = s.complete("torch.nn.", cursor: 9)
        #expect(layers.matches.contains("RNN") && layers.matches.contains("Linear") && layers.matches.contains("functional"))
        #expect(layers.start == 9 && layers.end == 9)
        let streams = s.complete("sys.std", cursor: 7)
        #expect(streams.matches == ["stderr", "stdout"])
        #expect(streams.start == 4 && streams.end == 7)
        #expect(s.complete("torch.optim.A", cursor: 13).matches == ["Adagrad", "Adam", "AdamW"])
        #expect(s.complete("torch.nn.functional.one", cursor: 23).matches == ["one_hot"])
        #expect(s.complete("math.sq", cursor: 7).matches == ["sqrt"])
        #expect(s.complete("nosuchmodule.x", cursor: 14).matches.isEmpty)
        // Completing bound no name: the code still has to import it.
        if case .failure(let failure) = s.execute("sys", cellName: "Cell In[1]", host: RecordingHost()) {
            #expect(failure.name == "NameError")
        } else {
            Issue.record("sys is not bound before an import")
        }
    }

    @Test func completesNamesBoundByImportsInTheSameCode() {
        let s = Session()
        let code = "import torch.nn as nn\nnn."
        let layers = s.complete(code, cursor: code.unicodeScalars.count)
        #expect(layers.matches.contains("RNNCell") && layers.matches.contains("Embedding"))
        #expect(layers.start == code.unicodeScalars.count)
        let aliased = "import torch.nn.functional as F; from torch import optim as o\nx = F.log_s"
        let f = s.complete(aliased, cursor: aliased.unicodeScalars.count)
        #expect(f.matches == ["log_softmax"] && f.start == aliased.unicodeScalars.count - 5)
        #expect(s.complete("from torch import optim as o\no.S", cursor: 32).matches == ["SGD"])
        #expect(s.complete("from torch import nn\nnn.Emb", cursor: 27).matches == ["Embedding"])
        // An import later in the code binds nothing at the cursor; a name from the workspace wins then.
        _ = s.execute("nn = [1]", cellName: "Cell In[1]", host: RecordingHost())
        #expect(s.complete("nn.app", cursor: 6).matches == ["append"])
        let inspected = s.inspect("import torch.nn as nn\nnn.RNN", cursor: 28, detailLevel: 0)
        #expect(inspected?.plainText.contains("RNN(input_size, hidden_size") == true)
    }

    @Test func inspectsBuiltinsAndVariables() throws {
        let s = session("import torch\nx = torch.zeros(5, 1, 4)")
        let builtin = try #require(s.inspect("len(", cursor: 4, detailLevel: 0))
        #expect(builtin.plainText.contains("len(obj, /)"))
        let variable = try #require(s.inspect("x", cursor: 1, detailLevel: 0))
        #expect(variable.plainText.contains("Tensor") && variable.plainText.contains("5x1x4"))
        #expect(s.inspect("nothing_here", cursor: 3, detailLevel: 0) == nil)
    }

    @Test func evaluatesUserExpressionsWithoutSideEffects() {
        let s = session("a = 20")
        #expect(s.evaluate(expression: "a * 2 + 2", host: RecordingHost()) == .success(result: MimeBundle(plainText: "42")))
        if case .failure(let f) = s.evaluate(expression: "a = 3", host: RecordingHost()) {
            #expect(f.name == "SyntaxError")
        } else {
            Issue.record("an assignment is not an expression")
        }
    }

    @Test func isCompleteIsExposed() {
        let s = Session()
        #expect(s.isComplete("class A:") == .incomplete(indent: "    "))
        #expect(s.isComplete("print(1)") == .complete)
        #expect(s.isComplete("print(1))") == .invalid)
    }
}
