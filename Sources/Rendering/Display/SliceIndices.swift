/// The leading indices of the 2-d slices a tensor of rank three or more shows, in order:
/// all of them when there are few, otherwise the first and last `limit / 2` with one gap
/// between. Never enumerates the whole product, so a tensor of many dims costs no more.
package struct SliceIndices {
    package enum Entry: Equatable {
        /// A slice at these leading indices.
        case slice([Int])
        /// Elided slices; the count when known (summary gaps inside a dimension have none).
        case gap(hidden: Int?)
    }

    package let entries: [Entry]

    package init(dims: [Int], summarized: Bool, limit: Int) {
        let lists = dims.map { TensorDisplay.positions(size: $0, summarized: summarized) }
        guard !lists.contains(where: \.isEmpty) else {
            entries = []
            return
        }
        let combinations = SliceIndices.saturatingProduct(lists.map(\.count))
        let realSlices = SliceIndices.saturatingProduct(lists.map { $0.filter { $0 != .gap }.count })
        let half = max(1, limit / 2)
        var result: [Entry] = []
        func append(_ counter: [Int]) {
            var index: [Int] = []
            for (list, position) in zip(lists, counter) {
                switch list[position] {
                case .index(let i): index.append(i)
                case .gap:
                    if result.last != .gap(hidden: nil) { result.append(.gap(hidden: nil)) }
                    return
                }
            }
            result.append(.slice(index))
        }
        if combinations <= 2 * half {
            var counter = [Int](repeating: 0, count: lists.count)
            for _ in 0..<combinations {
                append(counter)
                SliceIndices.step(&counter, lists: lists, by: 1)
            }
        } else {
            var counter = [Int](repeating: 0, count: lists.count)
            for _ in 0..<half {
                append(counter)
                SliceIndices.step(&counter, lists: lists, by: 1)
            }
            let shownBefore = result.filter { if case .slice = $0 { true } else { false } }.count
            var tail: [[Int]] = []
            var back = lists.map { $0.count - 1 }
            for _ in 0..<half {
                tail.append(back)
                SliceIndices.step(&back, lists: lists, by: -1)
            }
            var suffix: [Entry] = []
            swap(&result, &suffix)
            for counter in tail.reversed() { append(counter) }
            swap(&result, &suffix)
            let shownAfter = suffix.filter { if case .slice = $0 { true } else { false } }.count
            if result.last == .gap(hidden: nil) { result.removeLast() }
            if suffix.first == .gap(hidden: nil) { suffix.removeFirst() }
            let hidden = realSlices == Int.max ? nil : max(0, realSlices - shownBefore - shownAfter)
            result.append(.gap(hidden: hidden))
            result += suffix
        }
        entries = result
    }

    /// Advances a mixed-radix counter (last digit fastest) by +1 or -1, wrapping.
    private static func step(_ counter: inout [Int], lists: [[TensorDisplay.Position]], by delta: Int) {
        var d = counter.count - 1
        while d >= 0 {
            counter[d] += delta
            if counter[d] >= 0 && counter[d] < lists[d].count { return }
            counter[d] = delta > 0 ? 0 : lists[d].count - 1
            d -= 1
        }
    }

    private static func saturatingProduct(_ values: [Int]) -> Int {
        var result = 1
        for v in values {
            let (product, overflow) = result.multipliedReportingOverflow(by: v)
            if overflow { return Int.max }
            result = product
        }
        return result
    }
}
