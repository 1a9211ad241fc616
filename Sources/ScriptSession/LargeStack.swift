import Glibc
import Script
import ScriptLibrary

/// A long-lived thread with a large stack that runs work handed to it, one job at a time,
/// so that deep (but bounded) recursion in user code, reprs and the deallocation of deeply
/// nested values cannot overflow a caller's stack.
///
/// Creating a thread with a stack this size costs about 0.2 ms, most of a trivial cell's
/// round trip, so the thread is created on first use and kept until its owner goes away.
/// The caller blocks (on a condition variable, not spinning) while the job runs. After a
/// job that went deep, the stack pages it no longer uses are given back to the system, so
/// a finished deep recursion does not stay resident.
final class LargeStack {
    static let size = 1 << 30

    private(set) var mailbox: Mailbox?
    private var thread = pthread_t()
    private var memory: UnsafeMutableRawPointer?

    init() {}

    /// Whether the worker thread exists (it is created by the first `run`).
    var isStarted: Bool { mailbox != nil }

    /// Runs `body` on the large stack and returns its result. Runs it in place when called
    /// from the worker itself, or when the thread cannot be created.
    func run<T>(_ body: () -> T) -> T {
        guard let mailbox = startedMailbox(), pthread_equal(pthread_self(), thread) == 0 else { return body() }
        return withoutActuallyEscaping(body) { escapable in
            var result: T?
            mailbox.perform { result = escapable() }
            // `perform` runs the job exactly once before it returns.
            return result ?? escapable()
        }
    }

    private func startedMailbox() -> Mailbox? {
        if let mailbox { return mailbox }
        // The stack is mapped here rather than by pthreads so that its bounds are known
        // (to give pages back) and it reserves address space without committing memory.
        let page = sysconf(Int32(_SC_PAGESIZE))
        guard page > 0, let base = mmap(nil, LargeStack.size, PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0),
              base != MAP_FAILED else { return nil }
        // A guard page: running off the end faults instead of writing into a neighbour.
        guard mprotect(base, page, PROT_NONE) == 0 else {
            munmap(base, LargeStack.size)
            return nil
        }
        let mailbox = Mailbox(stack: StackRegion(low: UInt(bitPattern: base) + UInt(page), pageSize: UInt(page)))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstack(&attributes, base, LargeStack.size)
        let context = Unmanaged.passRetained(mailbox).toOpaque()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Mailbox>.fromOpaque(raw).takeRetainedValue().serve()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Mailbox>.fromOpaque(context).release()
            munmap(base, LargeStack.size)
            return nil
        }
        self.mailbox = mailbox
        memory = base
        return mailbox
    }

    deinit {
        guard let mailbox else { return }
        mailbox.stop()
        if pthread_equal(pthread_self(), thread) != 0 {
            // The worker itself dropped the last reference: it cannot wait for itself, and
            // its stack stays mapped while it unwinds.
            pthread_detach(thread)
        } else {
            pthread_join(thread, nil)
            if let memory { munmap(memory, LargeStack.size) }
        }
    }
}

extension LargeStack {
    /// The handoff between callers and the worker: one job slot guarded by a mutex, with a
    /// condition for each direction. Shared by exactly two threads; the mutex orders every
    /// access to its fields, hence `@unchecked Sendable`.
    final class Mailbox: @unchecked Sendable {
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let jobPosted = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let jobFinished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private var job: (() -> Void)?
        private var finished = false
        private var stopping = false
        private let stack: StackRegion

        init(stack: StackRegion) {
            self.stack = stack
            pthread_mutex_init(lock, nil)
            pthread_cond_init(jobPosted, nil)
            pthread_cond_init(jobFinished, nil)
        }

        deinit {
            pthread_cond_destroy(jobFinished)
            pthread_cond_destroy(jobPosted)
            pthread_mutex_destroy(lock)
            jobFinished.deallocate()
            jobPosted.deallocate()
            lock.deallocate()
        }

        /// Hands `body` to the worker and waits until it has run.
        func perform(_ body: @escaping () -> Void) {
            pthread_mutex_lock(lock)
            // Another caller's job may still be in the slot (a session used from two threads).
            while job != nil || finished { pthread_cond_wait(jobFinished, lock) }
            job = body
            pthread_cond_signal(jobPosted)
            while !finished { pthread_cond_wait(jobFinished, lock) }
            finished = false
            job = nil
            // Wake a caller waiting for the slot.
            pthread_cond_broadcast(jobFinished)
            pthread_mutex_unlock(lock)
        }

        /// Asks the worker to leave its loop once the current job is done.
        func stop() {
            pthread_mutex_lock(lock)
            stopping = true
            pthread_cond_signal(jobPosted)
            pthread_mutex_unlock(lock)
        }

        /// The worker's loop.
        func serve() {
            pthread_mutex_lock(lock)
            while true {
                while (job == nil || finished) && !stopping { pthread_cond_wait(jobPosted, lock) }
                if stopping { break }
                // The caller's `withoutActuallyEscaping` requires every reference to the job
                // gone when it returns: drop this one before reporting completion.
                var current = job
                pthread_mutex_unlock(lock)
                current?()
                current = nil
                stack.releaseUnusedPages()
                pthread_mutex_lock(lock)
                finished = true
                pthread_cond_broadcast(jobFinished)
            }
            pthread_mutex_unlock(lock)
        }
    }
}
