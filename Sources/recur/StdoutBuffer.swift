import Glibc
import Synchronization

/// `recur run`'s stdout buffer: 64 KiB of raw bytes that a crash handler can still write out.
///
/// A program that crashes the process (a signal such as SIGSEGV, SIGILL, SIGBUS, SIGFPE or
/// SIGABRT) would otherwise lose what it printed since the last flush. The handler only calls
/// `write(2)` on this buffer, which is async-signal-safe; the bytes are published before the
/// count (release/acquire), so it writes a prefix of what was printed, never garbage. A fault
/// then goes on to the signal's previous action (the Swift runtime's backtrace); a signal
/// another process sent ends the process by its default action.
enum StdoutBuffer {
    static let capacity = 1 << 16
    // nonisolated(unsafe): written under `lock`, read by the crash handler through `count`.
    nonisolated(unsafe) private static let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    private static let count = Atomic<Int>(0)
    private static let lock = Mutex(())
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]
    /// The actions the handler replaced, by signal number (a plain array: the handler reads
    /// it, and may not allocate or take locks).
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        actions.initialize(repeating: sigaction(), count: 65)
        return actions
    }()

    /// The thread whose alternate signal stack is installed (`pthread_t` as an integer).
    private static let stackedThread = Atomic<UInt>(0)

    /// Buffers `bytes`, writing out first whatever does not fit.
    static func append(_ bytes: [UInt8]) {
        installAlternateStack()
        lock.withLock { _ in
            var used = count.load(ordering: .relaxed)
            if used + bytes.count > capacity {
                writeOut(used)
                used = 0
            }
            if bytes.count > capacity {
                bytes.withUnsafeBytes { FileDescriptorStream.standardOutput.write(raw: $0) }
                return
            }
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (storage + used).update(from: base, count: source.count)
            }
            count.store(used + bytes.count, ordering: .releasing)
        }
    }

    /// Writes out everything buffered.
    static func flush() {
        lock.withLock { _ in writeOut(count.load(ordering: .relaxed)) }
    }

    /// Must be called with `lock` held.
    private static func writeOut(_ used: Int) {
        guard used > 0 else { return }
        FileDescriptorStream.standardOutput.write(raw: UnsafeRawBufferPointer(start: storage, count: used))
        count.store(0, ordering: .releasing)
    }

    /// Gives the printing thread (the interpreter's) a stack of its own for the handler: a
    /// program that recursed until its stack ran out faults on the guard page, where the
    /// handler could not run.
    private static func installAlternateStack() {
        let thread = UInt(pthread_self())
        guard stackedThread.load(ordering: .relaxed) != thread else { return }
        stackedThread.store(thread, ordering: .relaxed)
        let size = 1 << 16
        guard let base = malloc(size) else { return }
        var stack = stack_t(ss_sp: base, ss_flags: 0, ss_size: size)
        // Kept for the thread's life: the kernel uses it whenever a handler runs.
        if sigaltstack(&stack, nil) != 0 { free(base) }
    }

    /// Installs the crash handler (once, before the program runs).
    static func writeOutOnCrash() {
        for number in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { number, info, _ in
                let used = StdoutBuffer.count.load(ordering: .acquiring)
                var offset = 0
                while offset < used {
                    let written = Glibc.write(STDOUT_FILENO, StdoutBuffer.storage + offset, used - offset)
                    if written <= 0 { break }
                    offset += written
                }
                StdoutBuffer.count.store(0, ordering: .releasing)
                // A fault goes on to the previous action (the runtime's backtrace) when the
                // faulting instruction runs again; a signal sent by a process (`kill`,
                // `abort()`) ends the process by the signal's default action.
                let sent = (info?.pointee.si_code ?? 0) <= 0
                if sent {
                    signal(number, SIG_DFL)
                } else {
                    sigaction(number, StdoutBuffer.previous + Int(number), nil)
                }
                raise(number)
            }
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, previous + Int(number))
        }
    }
}
