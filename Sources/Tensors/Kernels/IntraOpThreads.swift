import Glibc

/// How many threads PyTorch's parallel reductions split their work between
/// (`torch.get_num_threads()`), which decides how a large sum associates: Recur partitions its
/// reductions as PyTorch does with this many threads, so the bits are PyTorch's on the same
/// machine whatever Recur's own scheduling.
///
/// The default is PyTorch's: `OMP_NUM_THREADS`, overridden by `MKL_NUM_THREADS`, when set to a
/// positive number, at most the machine's physical cores (as PyTorch 2.15 caps it), otherwise
/// those cores (cpuinfo's core count; logical processors where the topology cannot be read).
/// Per thread, as `DefaultDType`.
public enum IntraOpThreads {
    private static let state = ThreadValue(0)

    /// The machine's default, read once.
    public static let machineDefault: Int = {
        let cores = physicalCores()
        return environmentCount().map { Swift.min($0, cores) } ?? cores
    }()

    /// The count in effect on this thread.
    public static var current: Int {
        get {
            let set = state.value
            return set > 0 ? set : machineDefault
        }
        set { state.value = Swift.max(newValue, 1) }
    }

    /// ATen's `get_env_num_threads`: OMP_NUM_THREADS, then MKL_NUM_THREADS over it.
    private static func environmentCount() -> Int? {
        var count: Int?
        for name in ["OMP_NUM_THREADS", "MKL_NUM_THREADS"] {
            guard let raw = getenv(name), let n = Int(String(cString: raw)), n > 0 else { continue }
            count = n
        }
        return count
    }

    /// Distinct (package, core) pairs of the configured processors.
    private static func physicalCores() -> Int {
        let processors = Swift.max(sysconf(Int32(_SC_NPROCESSORS_CONF)), 1)
        var cores = Set<[Int]>()
        for cpu in 0..<processors {
            let base = "/sys/devices/system/cpu/cpu\(cpu)/topology/"
            guard let package = readInt(base + "physical_package_id"), let core = readInt(base + "core_id") else { continue }
            cores.insert([package, core])
        }
        return cores.isEmpty ? Swift.max(sysconf(Int32(_SC_NPROCESSORS_ONLN)), 1) : cores.count
    }

    private static func readInt(_ path: String) -> Int? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 32)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.prefix { $0 != "\n" && $0 != " " })
    }
}
