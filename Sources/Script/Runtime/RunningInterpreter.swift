import Glibc

/// The interpreter running script code on this thread: dict and set tables call a class's
/// own `__hash__` and `__eq__` through it (they are reached from many places that carry no
/// interpreter, as CPython reaches its thread state).
package enum RunningInterpreter {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The interpreter inside `RunningInterpreter.with` on this thread, if any.
    package static var current: Interpreter? {
        pthread_getspecific(key).map { Unmanaged<Interpreter>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Runs `body` with `interpreter` as this thread's running interpreter (it outlives the call).
    package static func with<T>(_ interpreter: Interpreter, _ body: () -> T) -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(interpreter).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return body()
    }
}
