import Glibc
import Tensors

extension ShellCommand {
    /// How a captured command ended.
    package enum Captured {
        /// It ended; everything it wrote to stdout and stderr, in order.
        case output([UInt8])
        /// An interrupt stopped it (IPython prints `^C` and the result is empty).
        case interrupted
        /// Its output grew past what memory allows; it was killed.
        case tooLarge
    }

    /// `x = !cmd`: the command run by the user's shell (`$SHELL`, else `/bin/sh`) with
    /// standard output and error on one pipe and standard input at its end, as IPython's
    /// `getoutput` runs it (not in a terminal: `ls` writes one name per line). An interrupt
    /// terminates it (SIGTERM, then SIGKILL 0.2 s later).
    package func capture(interrupted: () -> Bool) throws(LaunchFailure) -> Captured {
        var output: [Int32] = [0, 0]
        var input: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { throw LaunchFailure(message: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&input) == 0 else {
            close(output[0])
            close(output[1])
            throw LaunchFailure(message: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        // The command gets them as 0, 1 and 2 only (a copy made by dup2 keeps no close-on-exec).
        for descriptor in output + input { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // Nothing is ever written to the command's input: it reads end of file, as after
        // `communicate()`.
        close(input[1])
        defer { close(output[0]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, output[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a terminate reaches what the shell started too.
        ShellCommand.resetSignals(&attributes, flags: POSIX_SPAWN_SETPGROUP)
        posix_spawnattr_setpgroup(&attributes, 0)

        let shell = getenv("SHELL").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/bin/sh"
        let arguments = [shell, "-c", command]
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, shell, &actions, &attributes, &pointers, environ)
        close(input[0])
        close(output[1])
        guard status == 0 else { throw LaunchFailure(message: "cannot run \(shell): \(String(cString: strerror(status)))") }

        var collected: [UInt8] = []
        var checkedAt = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var stopping: (Captured, Double)?
        while true {
            var descriptor = pollfd(fd: output[0], events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                let count = read(output[0], &buffer, buffer.count)
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    break
                }
                if stopping == nil { collected.append(contentsOf: buffer[..<count]) }
            }
            if stopping == nil {
                if interrupted() {
                    stopping = (.interrupted, ShellCommand.now())
                } else if collected.count - checkedAt >= 16 << 20 {
                    checkedAt = collected.count
                    if !MemoryBudget.allows(bytes: collected.count) { stopping = (.tooLarge, ShellCommand.now()) }
                }
                if stopping != nil {
                    collected = []
                    kill(-pid, SIGTERM)
                }
            } else if let (_, since) = stopping, ShellCommand.now() - since > 0.2 {
                kill(-pid, SIGKILL)
            }
        }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        if let (end, _) = stopping { return end }
        return .output(collected)
    }
}
