import Rendering
import Script
/// A live progress bar: one display created at the start and updated in place, refreshed
/// no more often than every `minInterval` seconds (tqdm's `mininterval`), so a fast loop
/// sends a few updates instead of a flood. Time is passed in, so the policy is testable.
package struct ProgressDisplay {
    /// tqdm's default `mininterval` for notebooks.
    static let minInterval = 0.1

    package let displayID: String
    private(set) var bar: ProgressBar
    private var lastRefresh: Double?
    /// What the last sent bar showed besides timings, so closing does not resend a bar
    /// that differs only in its rate.
    private var lastShown: String?
    private(set) var isClosed = false

    init(displayID: String, bar: ProgressBar) {
        self.displayID = displayID
        self.bar = bar
    }

    /// The first display, at elapsed time zero (`tqdm(...)` shows `0/15` immediately).
    package mutating func start() -> DisplayRequest {
        lastRefresh = bar.elapsed
        lastShown = shownState
        return DisplayRequest(bundle: bar.bundle(), displayID: displayID, isUpdate: false)
    }

    /// `n` more iterations done at `elapsed` seconds; an update when one is due.
    mutating func advance(by n: Int = 1, elapsed: Double) -> DisplayRequest? {
        guard !isClosed else { return nil }
        bar.n += n
        bar.elapsed = elapsed
        return refreshIfDue(force: false)
    }

    /// `set_postfix(loss=...)`: replaces the postfix; shown at the next refresh (tqdm
    /// refreshes immediately by default, subject to the same interval here).
    mutating func setPostfix(_ postfix: [(key: String, value: String)], elapsed: Double) -> DisplayRequest? {
        guard !isClosed else { return nil }
        bar.postfix = postfix
        bar.elapsed = elapsed
        return refreshIfDue(force: false)
    }

    /// `set_description(desc)`: shown at the next refresh.
    package mutating func describe(_ description: String) {
        bar.description = description
    }

    /// The end of the loop (or `close()`): always one final update so the bar shows the
    /// last count, unless nothing changed since the last one.
    package mutating func close(elapsed: Double) -> DisplayRequest? {
        guard !isClosed else { return nil }
        isClosed = true
        bar.elapsed = elapsed
        return refreshIfDue(force: true)
    }

    private var shownState: String {
        "\(bar.n)|\(bar.description)|" + bar.postfix.map { $0.key + "=" + $0.value }.joined(separator: ",")
    }

    private mutating func refreshIfDue(force: Bool) -> DisplayRequest? {
        let complete = bar.total.map { bar.n >= $0 } ?? false
        if let last = lastRefresh, !force, !complete, bar.elapsed - last < ProgressDisplay.minInterval {
            return nil
        }
        let isUpdate = lastRefresh != nil
        if force && shownState == lastShown { return nil }
        lastRefresh = bar.elapsed
        lastShown = shownState
        return DisplayRequest(bundle: bar.bundle(), displayID: displayID, isUpdate: isUpdate)
    }
}
