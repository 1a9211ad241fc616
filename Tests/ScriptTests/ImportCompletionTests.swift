import Foundation
import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// Completion inside `import` and `from ... import` lines: module names, one dotted level at a
/// time, and a module's names after `from M import`.
@Suite struct ImportCompletionTests {
    private func complete(_ s: Session, _ code: String) -> CompletionResult {
        s.complete(code, cursor: code.unicodeScalars.count)
    }

    @Test func moduleNamesAfterImportAndFrom() {
        let s = Session()
        let library = Set(ModuleLibrary.recur.modules.keys)
        let top = library.filter { !$0.contains(".") && $0.hasPrefix("co") }.sorted()
        #expect(!top.isEmpty)
        for code in ["import co", "from co", "    import co", "import sys, co", "import math as m, co"] {
            let result = complete(s, code)
            #expect(result.matches == top, "\(code)")
            #expect(result.start == code.unicodeScalars.count - 2)
        }
        // Submodules one level down, by their full dotted names.
        let nested = library.filter { $0.hasPrefix("torch.n") && $0.split(separator: ".").count == 2 }.sorted()
        let dotted = complete(s, "import torch.n")
        #expect(dotted.matches == nested && dotted.start == 7)
        // Not builtins or keywords.
        #expect(!complete(s, "import pri").matches.contains("print"))
        // An alias is a new name: nothing to offer.
        #expect(complete(s, "import torch as to").matches.isEmpty)
        #expect(complete(s, "from torch ").matches == ["import"])
    }

    @Test func namesAModuleExportsAfterFromImport() {
        let s = Session()
        let layers = complete(s, "from torch.nn import RNN")
        #expect(layers.matches.contains("RNN") && layers.matches.contains("RNNCell") && !layers.matches.contains("Linear"))
        #expect(layers.start == "from torch.nn import ".unicodeScalars.count)
        #expect(complete(s, "from torch.nn import Linear, GR").matches == ["GRU", "GRUCell"])
        #expect(complete(s, "from torch import (nn, opt").matches == ["optim"])
        #expect(complete(s, "from math import sq").matches == ["sqrt"])
        #expect(complete(s, "from math import sqrt as s").matches.isEmpty)
        #expect(complete(s, "from nosuchmodule import x").matches.isEmpty)
    }

    @Test func fileModulesByNameButTheirNamesOnlyOnceImported() throws {
        let directory = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        try "def helper_function():\n    return 1\n".write(
            toFile: directory.path + "/lesson_helpers.py", atomically: true, encoding: .utf8)
        let s = Session()
        s.setScript(path: directory.path + "/main.py", arguments: [])
        #expect(complete(s, "import lesson_h").matches == ["lesson_helpers"])
        // Completion never runs a file's code.
        #expect(complete(s, "from lesson_helpers import help").matches.isEmpty)
        _ = s.execute("import lesson_helpers", cellName: "Cell In[1]", host: RecordingHost())
        #expect(complete(s, "from lesson_helpers import help").matches == ["helper_function"])
    }
}
