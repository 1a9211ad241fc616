import Synchronization

/// State the kernel's threads share: the interrupt flag and the stop request.
///
/// Everything here is a single atomic so that the language can poll `isInterruptRequested`
/// at every loop iteration for the cost of a load.
public final class KernelControl: Sendable {
    private let interruptFlag = Atomic<Bool>(false)
    private let stopState = Atomic<Int>(StopState.running.rawValue)

    private enum StopState: Int {
        case running = 0
        case stopping = 1
        case restarting = 2
    }

    /// Creates the shared state of a running kernel.
    public init() {}

    /// Asks the running cell to stop (SIGINT or `interrupt_request`).
    public func interrupt() {
        interruptFlag.store(true, ordering: .releasing)
    }

    /// Whether an interrupt is pending.
    public var isInterruptRequested: Bool {
        interruptFlag.load(ordering: .acquiring)
    }

    /// Forgets a pending interrupt (a new cell starts clean).
    func clearInterrupt() {
        interruptFlag.store(false, ordering: .releasing)
    }

    /// Asks every thread to finish; the first request decides `restart`.
    public func requestStop(restart: Bool) {
        let wanted = restart ? StopState.restarting.rawValue : StopState.stopping.rawValue
        _ = stopState.compareExchange(
            expected: StopState.running.rawValue, desired: wanted, ordering: .acquiringAndReleasing)
        interruptFlag.store(true, ordering: .releasing)
    }

    /// Whether the kernel is shutting down.
    public var isStopping: Bool {
        stopState.load(ordering: .acquiring) != StopState.running.rawValue
    }

    /// Whether the shutdown asked for a restart.
    public var isRestarting: Bool {
        stopState.load(ordering: .acquiring) == StopState.restarting.rawValue
    }
}
