import Dispatch
import Glibc
import Jupyter

/// Turns SIGINT into an interrupt of the running cell instead of the end of the process.
///
/// A Dispatch signal source rather than a C handler: the flag it sets is an atomic the
/// language polls, and the source runs its closure on a Dispatch thread, outside signal
/// context, while libzmq's and OpenBLAS's threads keep running.
final class InterruptSignal {
    private let source: any DispatchSourceSignal

    init(control: KernelControl) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { control.interrupt() }
        source.resume()
    }

    func cancel() {
        source.cancel()
    }
}
