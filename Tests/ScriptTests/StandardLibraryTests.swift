import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// Standard-library behaviour the CPython differential suite cannot show: what Recur refuses,
/// and the kernel's view (a workspace over several cells).
@Suite struct StandardLibraryTests {
    @Test func deepcopyRefusesLibraryObjectsByName() {
        var h = Harness()
        // Tensors, modules and optimizers deep-copy (TorchPrograms/copy_*.py); a shallow copy
        // of an optimizer, which would share its state, is refused.
        #expect(h.error("import copy, torch\nopt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)\ncopy.deepcopy(opt)") == nil)
        #expect(h.error("copy.copy(opt)") == "NotImplementedError: copy.copy: Recur cannot copy 'SGD' objects yet")
        #expect(h.error("copy.deepcopy(torch.zeros(2))") == nil)
    }

    @Test func missingModulesNameWhatRecurProvidesOnlyForLibraryNames() {
        var h = Harness()
        #expect(h.error("import my_missing_helper") == "ModuleNotFoundError: No module named 'my_missing_helper'")
        #expect(h.error("import pandas")?.contains("(Recur script provides: ") == true)
        #expect(h.error("from . import x") == "ImportError: attempted relative import with no known parent package")
    }

    @Test func bundledModulesKeepTheirGlobalsApartFromTheWorkspace() {
        var h = Harness()
        // The workspace's own `reduce` and `_initial_missing` do not leak into functools.
        #expect(h.result("_initial_missing = 5\ndef reduce(*a): return 'mine'\nimport functools\nfunctools.reduce(lambda a, b: a + b, [1, 2, 3])") == "6")
        #expect(h.result("reduce()") == "'mine'")
        #expect(h.result("import itertools\nitertools") == "<module 'itertools' (built-in)>")
        var (a, b) = (0, 1)
        for _ in 0..<50 { (a, b) = (b, a + b) }
        #expect(h.result("from functools import lru_cache\n@lru_cache(maxsize=None)\ndef f(n): return n if n < 2 else f(n - 1) + f(n - 2)\nf(50)") == String(a))
    }

    @Test func bytesWorkAcrossCells() {
        var h = Harness()
        _ = h.run("data = 'héllo'.encode('utf-8')")
        #expect(h.result("data.decode() == 'héllo' and bytes(bytearray(data)) == data") == "True")
        #expect(h.result("data[1]") == String(Array("héllo".utf8)[1]))
    }
}
