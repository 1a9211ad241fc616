import Script
import ScriptSession

/// A trivial cell (`x = 1`) run again and again in one session: the fixed cost of a cell in
/// the interpreter, which every kernel round trip pays on top of the protocol's own work.
enum TrivialCell {
    static let name = "session_execute_trivial_cell"
    static let code = "x = 1"

    /// Microseconds per `Session.execute`, one sample per cell, after a warm-up.
    static func samples(_ count: Int) -> [Double] {
        let session = Session()
        let host = DiscardingHost()
        for _ in 0..<max(10, count / 10) { _ = session.execute(code, cellName: "Cell In[1]", host: host) }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for _ in 0..<count {
            let start = BenchCommand.now()
            _ = session.execute(code, cellName: "Cell In[1]", host: host)
            samples.append(BenchCommand.now() - start)
        }
        return samples.sorted()
    }
}
