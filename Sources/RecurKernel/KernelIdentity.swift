import Jupyter
import Script

/// Names and versions the kernel reports in `kernel_info_reply`.
public enum KernelIdentity {
    public static let implementation = "recur"
    public static let implementationVersion = "0.1.0"
    public static let language = LanguageInfo()

    /// The libzmq version string, for the banner.
    public static var zeromqVersion: String {
        let v = ZeroMQInfo.version
        return "\(v.major).\(v.minor).\(v.patch)"
    }
}
