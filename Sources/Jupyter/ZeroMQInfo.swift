import CZeroMQ

/// What the linked libzmq is and can do.
public enum ZeroMQInfo {
    /// The libzmq version as (major, minor, patch).
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    /// Whether libzmq was built with CurveZMQ (needed for `supported_encryption`).
    public static var hasCurve: Bool { zmq_has("curve") == 1 }
}
