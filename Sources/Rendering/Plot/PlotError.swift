/// A plotting call's invalid argument, with matplotlib's message; the evaluator raises it
/// as `ValueError`.
package struct PlotError: Error, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
