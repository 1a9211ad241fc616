import Glibc

/// `!cmd`: a command run by `/bin/sh -c` in a pseudo-terminal, as IPython runs it (through
/// pexpect): the command sees an 80-column terminal, its output and errors arrive together
/// as they are written, and an interrupt is a Ctrl-C typed into the terminal.
package struct ShellCommand {
    let command: String

    // Linux's values for macros Swift does not import (asm-generic/ioctls.h, spawn.h).
    private static let terminalNumber: UInt = 0x8004_5430 // TIOCGPTN
    private static let unlockTerminal: UInt = 0x4004_5431 // TIOCSPTLCK
    private static let newSession: Int32 = 0x80 // POSIX_SPAWN_SETSID

    /// Why a command could not be started.
    package struct LaunchFailure: Error {
        package let message: String
    }

    /// Runs the command, passing output to `write` as it comes; returns the exit status
    /// (negative for a signal, as pexpect reports it).
    package func run(write: (String) -> Void, interrupted: () -> Bool) throws(LaunchFailure) -> Int {
        // posix_openpt, unlockpt and ptsname, spelled as Linux implements them (Glibc's module
        // hides the X/Open names).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, ShellCommand.unlockTerminal, &unlock) == 0,
              ioctl(master, ShellCommand.terminalNumber, &number) == 0 else {
            let reason = String(cString: strerror(errno))
            if master >= 0 { close(master) }
            throw LaunchFailure(message: "cannot open a pseudo-terminal: \(reason)")
        }
        defer { close(master) }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child is a new session's leader, so opening the terminal makes it the child's
        // controlling terminal (and Ctrl-C reaches the command's process group).
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        ShellCommand.resetSignals(&attributes, flags: ShellCommand.newSession)

        let arguments = ["/bin/sh", "-c", command]
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &pointers, environ)
        guard status == 0 else { throw LaunchFailure(message: "cannot run /bin/sh: \(String(cString: strerror(status)))") }

        var decoder = UTF8Chunks()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var interruptSent: Double?
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 50)
            if ready > 0 {
                let count = read(master, &buffer, buffer.count)
                // EIO: every copy of the terminal's other end is closed (the command ended).
                if count <= 0 { break }
                write(decoder.decode(buffer[..<count]))
            }
            if interrupted() && interruptSent == nil {
                // Ctrl-C typed into the terminal, as pexpect sends it.
                var control: UInt8 = 3
                _ = Glibc.write(master, &control, 1)
                interruptSent = ShellCommand.now()
            }
            if let sent = interruptSent, ShellCommand.now() - sent > 0.2 {
                // IPython's terminate_timeout: the command ignored the interrupt.
                kill(-pid, SIGKILL)
            }
            var raw: Int32 = 0
            if ready == 0, waitpid(pid, &raw, WNOHANG) == pid {
                // Ended while something it started keeps the terminal open: drain, then report.
                return ShellCommand.drain(master, &decoder, &buffer, write, exitStatus: ShellCommand.exitStatus(raw))
            }
        }
        write(decoder.finish())
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        return ShellCommand.exitStatus(raw)
    }

    private static func drain(_ master: Int32, _ decoder: inout UTF8Chunks, _ buffer: inout [UInt8], _ write: (String) -> Void,
                              exitStatus: Int) -> Int {
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            write(decoder.decode(buffer[..<count]))
        }
        write(decoder.finish())
        return exitStatus
    }

    /// Sets `flags` and gives the command default signal handling with nothing blocked (the
    /// kernel's own handlers and mask are not the command's business).
    static func resetSignals(_ attributes: inout posix_spawnattr_t, flags: Int32) {
        posix_spawnattr_setflags(&attributes, Int16(flags | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
    }

    package static func exitStatus(_ raw: Int32) -> Int {
        let signal = raw & 0x7F
        if signal == 0 { return Int((raw >> 8) & 0xFF) }
        return -Int(signal)
    }

    package static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Decodes UTF-8 arriving in chunks: a character split between two reads is kept for the
/// next, and invalid bytes become U+FFFD (IPython decodes with 'replace').
package struct UTF8Chunks {
    private var pending: [UInt8] = []

    package mutating func decode(_ bytes: ArraySlice<UInt8>) -> String {
        pending.append(contentsOf: bytes)
        // Keep an incomplete sequence at the end for the next chunk.
        var cut = pending.count
        var back = 0
        while back < 3, cut - back - 1 >= 0 {
            let byte = pending[cut - back - 1]
            if byte & 0xC0 == 0x80 { back += 1; continue }
            let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if needed > back + 1 { cut -= back + 1 }
            break
        }
        let text = String(decoding: pending[..<cut], as: UTF8.self)
        pending.removeFirst(cut)
        return text
    }

    package mutating func finish() -> String {
        defer { pending = [] }
        return String(decoding: pending, as: UTF8.self)
    }
}
