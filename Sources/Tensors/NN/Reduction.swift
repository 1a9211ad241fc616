/// How a loss combines per-element values (`reduction=`).
public enum Reduction: String, Sendable {
    /// The mean over elements (over non-ignored targets for cross entropy).
    case mean
    /// The sum.
    case sum
    /// One value per element.
    case none
}
