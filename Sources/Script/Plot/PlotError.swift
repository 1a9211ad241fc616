/// A plotting call's invalid argument, with matplotlib's message; the evaluator raises it
/// as `ValueError`.
struct PlotError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
