import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// Membership, `index`, `count`, `remove` and sequence equality treat an element that *is*
/// the value as equal before asking `==`, as Python does: a tensor finds itself in a list
/// (its `==` is elementwise and has no single truth value).
@Suite struct MembershipIdentityTests {
    @Test func aTensorFindsItselfInContainers() {
        var h = Harness()
        _ = h.run("import torch\na = torch.tensor([1.0, 2.0])\nb = torch.tensor([3.0, 4.0])\nitems = [a, b]")
        #expect(h.result("a in items, b in (b,), items.index(a), [a, b] == items, (a, b) == (a, b)") == "(True, True, 0, True, True)")
        #expect(h.result("items.remove(a)\nlen(items), items[0] is b") == "(1, True)")
        #expect(h.error("b in [a, b]") == "RuntimeError: Boolean value of Tensor with more than one value is ambiguous")
        #expect(h.error("torch.tensor([3.0, 4.0]) in [a]") == "RuntimeError: Boolean value of Tensor with more than one value is ambiguous")
    }

    @Test func ownEqualityStillDecidesForDistinctValues() {
        var h = Harness()
        _ = h.run("class Never:\n    def __eq__(self, other):\n        return False\nn = Never()")
        #expect(h.result("n == n, n in [n], [n] == [n], Never() in [n]") == "(False, True, True, False)")
    }
}
