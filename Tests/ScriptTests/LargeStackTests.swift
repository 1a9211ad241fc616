import Glibc
import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// Recurses `depth` times and records the address of the deepest frame and whether its page
/// was resident there. Each frame keeps a local whose address escapes, so no frame is elided.
@inline(never)
private func descend(_ depth: Int, deepest: inout UInt, residentAtBottom: inout Bool) -> Int {
    var local = depth
    let address = withUnsafeMutablePointer(to: &local) { UInt(bitPattern: $0) }
    if depth == 0 {
        deepest = address
        residentAtBottom = isResident(address)
        return 0
    }
    return 1 + descend(depth - 1, deepest: &deepest, residentAtBottom: &residentAtBottom) + (local - depth)
}

private func isResident(_ address: UInt) -> Bool {
    let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
    guard let start = UnsafeMutableRawPointer(bitPattern: address & ~(page - 1)) else { return false }
    var flag: UInt8 = 0
    return mincore(start, Int(page), &flag) == 0 && flag & 1 != 0
}

@Suite struct LargeStackTests {
    @Test func everyJobRunsOnOneLongLivedThreadOtherThanTheCaller() {
        let stack = LargeStack()
        #expect(!stack.isStarted)
        let first = stack.run { pthread_self() }
        let second = stack.run { pthread_self() }
        #expect(stack.isStarted)
        #expect(pthread_equal(first, second) != 0)
        #expect(pthread_equal(first, pthread_self()) == 0)
    }

    @Test func returnsTheJobsValueIncludingNil() {
        let stack = LargeStack()
        #expect(stack.run { 6 * 7 } == 42)
        let none: Int? = stack.run { nil }
        #expect(none == nil)
    }

    @Test func recursionFarDeeperThanAnOrdinaryStackCompletes() {
        let stack = LargeStack()
        // A million frames is well over the 8 MiB of a main thread (and 512 KiB of a pool thread).
        let depth = 1_000_000
        var deepest: UInt = 0
        var resident = false
        let result = stack.run { descend(depth, deepest: &deepest, residentAtBottom: &resident) }
        #expect(result == depth)
        #expect(resident)
        // The finished recursion's pages were given back.
        #expect(!isResident(deepest))
    }

    @Test func aNestedRunFromTheWorkerRunsInPlace() {
        let stack = LargeStack()
        let (outer, inner) = stack.run { (pthread_self(), stack.run { pthread_self() }) }
        #expect(pthread_equal(outer, inner) != 0)
    }

    @Test func theWorkerHasEndedWhenItsOwnerGoesAway() {
        weak var mailbox: LargeStack.Mailbox?
        do {
            let stack = LargeStack()
            #expect(stack.run { 1 } == 1)
            mailbox = stack.mailbox
            #expect(mailbox != nil)
        }
        // The worker holds the mailbox until its loop returns; the owner's deinit joins it.
        #expect(mailbox == nil)
    }

    @Test func aSessionRunsCellsCompletionAndInspectionOnItsWorker() {
        let session = Session()
        let host = RecordingHost()
        _ = session.execute("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)", cellName: "Cell In[1]", host: host)
        #expect(session.execute("f(900)", cellName: "Cell In[2]", host: host) == .success(result: MimeBundle(plainText: "900")))
        #expect(session.complete("pri", cursor: 3).matches == ["print"])
        #expect(session.inspect("f", cursor: 1, detailLevel: 0) != nil)
        #expect(session.execute("f(900)", cellName: "Cell In[3]", host: host) == .success(result: MimeBundle(plainText: "900")))
    }
}
