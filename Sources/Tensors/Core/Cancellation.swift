import Glibc

/// How a long native loop (a large matrix product) learns that its caller was interrupted,
/// without Tensors knowing who the caller is: the code that runs tensor operations installs
/// a question for its thread (`whileRunning`), and the loop asks it between blocks of work.
///
/// The question is per thread, so operations on other threads (a test, a benchmark) are never
/// cut short by it; with none installed nothing is ever cancelled.
public enum Cancellation {
    private final class Question {
        let isRequested: () -> Bool
        init(_ isRequested: @escaping () -> Bool) { self.isRequested = isRequested }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body` with `isRequested` (which must be cheap: an atomic load) answering, on this
    /// thread, whether tensor operations should stop.
    public static func whileRunning<T, E: Error>(
        _ isRequested: @escaping () -> Bool, _ body: () throws(E) -> T
    ) throws(E) -> T {
        let previous = pthread_getspecific(key)
        let question = Unmanaged.passRetained(Question(isRequested))
        pthread_setspecific(key, question.toOpaque())
        defer {
            pthread_setspecific(key, previous)
            question.release()
        }
        return try body()
    }

    /// Whether the caller on this thread asked for the operation to stop.
    public static var isRequested: Bool {
        guard let raw = pthread_getspecific(key) else { return false }
        return Unmanaged<Question>.fromOpaque(raw).takeUnretainedValue().isRequested()
    }

    /// Throws `KeyboardInterrupt` when the caller asked to stop: a product cut short is not a
    /// result.
    static func checkpoint() throws(TensorError) {
        if isRequested { throw .other(.keyboardInterrupt, "") }
    }
}
