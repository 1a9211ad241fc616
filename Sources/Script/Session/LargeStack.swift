import Glibc

/// Runs work on a thread with a large stack, so that deep (but bounded) recursion in
/// user code, reprs and deallocation of deeply nested values cannot overflow it.
enum LargeStack {
    static let size = 1 << 30

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            var result: T?
            let job = Job { result = escapable() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            let context = Unmanaged.passRetained(job).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(&thread, &attributes, { raw in
                guard let raw else { return nil }
                Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, context)
            if status != 0 {
                Unmanaged<Job>.fromOpaque(context).release()
                job.body()
            } else {
                pthread_join(thread, nil)
            }
            // The job ran exactly once on one of the two paths above.
            return result ?? escapable()
        }
    }
}
