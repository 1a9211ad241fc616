import Tensors

extension BigInteger {
    /// Counts the limb operations of a long product or quotient and, every millisecond or so of
    /// work, asks whether the user interrupted it: one Karatsuba product or division of
    /// millions of bits takes seconds, and the kernel must answer an interrupt within 200 ms.
    ///
    /// Generic over the error its question throws, so that the operators which cannot throw
    /// (`*` inside `math.comb`, say) run the same code with a meter that never asks.
    struct WorkMeter<Failure: Error> {
        private let poll: () throws(Failure) -> Void
        private var sincePoll = 0

        init(poll: @escaping () throws(Failure) -> Void) {
            self.poll = poll
        }

        /// Records `operations` limb multiply-adds and asks the question when enough have
        /// accumulated since it was last asked.
        mutating func add(_ operations: Int) throws(Failure) {
            sincePoll &+= operations
            // About a million limb operations: a millisecond of work, so the question (an atomic
            // load behind a thread-local lookup) costs nothing measurable.
            guard sincePoll >= 1 << 20 else { return }
            sincePoll = 0
            try poll()
        }
    }
}

extension BigInteger.WorkMeter where Failure == Never {
    /// A meter that never stops the work, for callers that cannot throw.
    static var uninterruptible: Self { Self(poll: {}) }
}

extension BigInteger.WorkMeter where Failure == ScriptError {
    /// A meter that raises KeyboardInterrupt once the user interrupts the running cell.
    static var interruptible: Self {
        Self { () throws(ScriptError) in
            if Cancellation.isRequested { throw ScriptError(.keyboardInterrupt, "") }
        }
    }
}
