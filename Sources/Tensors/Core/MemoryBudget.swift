import Glibc

/// The check made before a tensor's storage is allocated: an allocation the process cannot
/// make fails with PyTorch's allocator error (a `RuntimeError` the workspace survives)
/// instead of ending the process when `malloc` fails or the kernel's OOM killer steps in.
///
/// The budget is the smaller of what the address-space limit (`ulimit -v`, as JupyterHub sets
/// one) leaves above the process's current size and the memory the system reports available
/// (`MemAvailable` plus free swap). One allocation may take half of it: the operation that
/// makes it may need as much again for its inputs' conversions and temporaries.
public enum MemoryBudget {
    /// Below this size an allocation is not checked: reading the limits costs microseconds,
    /// and a few megabytes cannot be what exhausts the machine.
    static let uncheckedBytes = 16 << 20

    /// Checks storage for `dims` of `elementSize`-byte elements; throws PyTorch's errors: the
    /// size overflowing, or memory that is not there.
    public static func reserve(_ dims: [Int], elementSize: Int) throws(TensorError) {
        var bytes = elementSize
        for d in dims {
            guard d >= 0 else {
                throw .runtime("Trying to create tensor with negative dimension \(d): " + Shape(dims).listDescription)
            }
            let (product, overflow) = bytes.multipliedReportingOverflow(by: d)
            guard !overflow else { throw overflowed(dims) }
            bytes = product
        }
        guard bytes >= uncheckedBytes, !allows(bytes: bytes) else { return }
        throw .runtime(
            "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to "
                + "allocate \(bytes) bytes. Error code 12 (Cannot allocate memory)")
    }

    /// PyTorch's error for sizes whose byte count does not fit in an Int.
    static func overflowed(_ dims: [Int]) -> TensorError {
        .runtime("Storage size calculation overflowed with sizes=" + Shape(dims).listDescription)
    }

    /// Whether `bytes` more may be allocated now (for values built outside tensors, such as
    /// the list `tolist()` makes).
    public static func allows(bytes: Int) -> Bool {
        guard bytes >= uncheckedBytes else { return true }
        guard let available = available() else { return true }
        return bytes <= available / 2
    }

    /// The bytes the process may still allocate, when the system says.
    static func available() -> Int? {
        var budget: Int?
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max, let size = addressSpaceSize() {
            budget = Int(clamping: limit.rlim_cur) - size
        }
        if let free = systemAvailable() { budget = min(budget ?? free, free) }
        return budget.map { max(0, $0) }
    }

    /// The process's virtual size: the first field of /proc/self/statm, in pages.
    private static func addressSpaceSize() -> Int? {
        guard let text = read("/proc/self/statm"), let pages = text.split(separator: " ").first.flatMap({ Int($0) })
        else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// `MemAvailable` plus `SwapFree` from /proc/meminfo, in bytes.
    private static func systemAvailable() -> Int? {
        guard let text = read("/proc/meminfo") else { return nil }
        var total: Int?
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") || line.hasPrefix("SwapFree:") {
            guard let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { continue }
            total = (total ?? 0) + kilobytes * 1024
        }
        return total
    }

    private static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = Glibc.read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
