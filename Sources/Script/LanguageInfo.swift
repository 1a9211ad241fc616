import Tensors

/// What a frontend needs to know about Recur script (Jupyter's `language_info`).
public struct LanguageInfo: Sendable {
    public let name = "recur"
    public let version = "0.1.0"
    public let mimetype = "text/x-recur"
    public let fileExtension = ".recur"
    public let pygmentsLexer = "python"
    public let codemirrorMode = "python"

    /// Creates the language description.
    public init() {}
}

/// Renders a shape the way PyTorch prints `tensor.shape`.
package func repr(_ shape: Shape) -> String { shape.description }
