import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct TqdmTests {
    func run(_ code: String) -> (ExecutionOutcome, RecordingDisplayHost) {
        let host = RecordingDisplayHost()
        return (Session().execute(code, cellName: "In[1]", host: host), host)
    }

    @Test func aTrainingLoopUpdatesOneDisplayInPlace() throws {
        let (outcome, host) = run("""
            from tqdm import tqdm
            total = 0
            bar = tqdm(range(15), desc='train')
            for epoch in bar:
                total += epoch
                bar.set_postfix(loss=1.0 / (epoch + 1))
            total
            """)
        guard case .success(let result?) = outcome else {
            Issue.record("cell failed: \(outcome)")
            return
        }
        #expect(result.plainText == "105")
        let first = try #require(host.calls.first)
        #expect(first.isUpdate == false)
        #expect(first.bundle.plainText.hasPrefix("train:   0%|          | 0/15 [00:00<?, ?it/s"))
        #expect(host.calls.dropFirst().allSatisfy { $0.isUpdate && $0.id == first.id })
        let last = try #require(host.calls.last?.bundle)
        #expect(last.plainText.hasPrefix("train: 100%|██████████| 15/15 ["))
        #expect(last.plainText.hasSuffix(", loss=0.0667]"))
        #expect(ParsedMarkup(try #require(last["text/html"])).isWellFormed)
    }

    @Test func barsGetDistinctIdsAndWorkAsContextManagers() throws {
        let (outcome, host) = run("""
            from tqdm.auto import tqdm, trange
            for i in trange(3):
                pass
            with tqdm(total=4) as pbar:
                pbar.update(2)
                pbar.update(2)
            pbar.n
            """)
        guard case .success(let result?) = outcome else {
            Issue.record("cell failed: \(outcome)")
            return
        }
        #expect(result.plainText == "4")
        let ids = host.calls.compactMap(\.id)
        #expect(Set(ids).count == 2)
        #expect(host.calls.filter { !$0.isUpdate }.count == 2)
        #expect(host.calls.last?.bundle.plainText.hasPrefix("100%|██████████| 4/4") == true)
    }

    @Test func iterablesWithoutLengthCountUp() throws {
        let (outcome, host) = run("from tqdm import tqdm\nfor c in tqdm(iter('abc')):\n    pass")
        guard case .success = outcome else {
            Issue.record("cell failed: \(outcome)")
            return
        }
        #expect(host.calls.last?.bundle.plainText.hasPrefix("3it [") == true)
    }
}
