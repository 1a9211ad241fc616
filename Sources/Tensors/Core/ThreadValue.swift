import Glibc

/// A value each thread holds for itself, with a default for threads that never set it: the
/// mode switches PyTorch keeps per thread (grad mode, the default dtype). It is plain state of
/// the thread that runs a session's code, so a setting made by a function call stays in
/// effect, as in PyTorch.
struct ThreadValue<Value: BitwiseCopyable>: @unchecked Sendable {
    private let key: pthread_key_t
    private let initial: Value

    init(_ initial: Value) {
        var key = pthread_key_t()
        pthread_key_create(&key) { free($0) }
        self.key = key
        self.initial = initial
    }

    var value: Value {
        get {
            guard let cell = pthread_getspecific(key) else { return initial }
            return cell.load(as: Value.self)
        }
        nonmutating set {
            if let cell = pthread_getspecific(key) {
                cell.storeBytes(of: newValue, as: Value.self)
            } else if let cell = malloc(MemoryLayout<Value>.size) {
                cell.storeBytes(of: newValue, as: Value.self)
                pthread_setspecific(key, cell)
            }
        }
    }
}
