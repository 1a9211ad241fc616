/// `nn.Embedding(num_embeddings, embedding_dim)`: a lookup table of learned vectors.
public final class Embedding: Module {
    /// Table size.
    public let numEmbeddings: Int
    /// Vector size.
    public let embeddingDim: Int
    /// `weight`, shape (num_embeddings, embedding_dim), initialised N(0, 1).
    public let weight: Tensor
    /// `padding_idx` (non-negative): its row starts at zeros and gets no gradient.
    public let paddingIdx: Int?
    /// Training mode flag.
    public var isTraining = true

    /// Creates the table with standard normal entries, as PyTorch does, then zeroes the
    /// row of `paddingIdx` (which the caller has checked lies in the table).
    public init(numEmbeddings: Int, embeddingDim: Int, paddingIdx: Int? = nil, generator: Generator) throws(TensorError) {
        guard numEmbeddings >= 0, embeddingDim >= 0 else {
            throw .runtime("Trying to create tensor with negative dimension \(min(numEmbeddings, embeddingDim)): [\(numEmbeddings), \(embeddingDim)]")
        }
        _ = try Shape.checkedCount([numEmbeddings, embeddingDim])
        self.numEmbeddings = numEmbeddings
        self.embeddingDim = embeddingDim
        weight = try .initialised([numEmbeddings, embeddingDim]) { (w) throws(TensorError) in try w.normal(generator: generator) }
        self.paddingIdx = paddingIdx
        if let paddingIdx, paddingIdx >= 0, paddingIdx < numEmbeddings {
            let row = Array(paddingIdx * embeddingDim..<(paddingIdx + 1) * embeddingDim)
            weight.mutateBuffer { $0.scatter(.float32(filledArray(Float(0), count: embeddingDim)), at: row) }
        }
    }

    private init(numEmbeddings: Int, embeddingDim: Int, paddingIdx: Int?, weight: Tensor) {
        self.numEmbeddings = numEmbeddings
        self.embeddingDim = embeddingDim
        self.paddingIdx = paddingIdx
        self.weight = weight
    }

    /// The same table over `copier`'s weight.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        return inSameMode(Embedding(numEmbeddings: numEmbeddings, embeddingDim: embeddingDim, paddingIdx: paddingIdx, weight: try copier.tensor(weight)))
    }

    /// "Embedding"
    public var typeName: String { "Embedding" }
    /// weight
    public var ownParameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// `4, 10`
    public var extraRepr: String { "\(numEmbeddings), \(embeddingDim)" + (paddingIdx.map { ", padding_idx=\($0)" } ?? "") }

    /// Looks up each index of an int64 tensor; the result gains a trailing dimension.
    public func callAsFunction(_ input: Tensor) throws(TensorError) -> Tensor {
        try Functional.embedding(input, weight: weight, paddingIdx: paddingIdx)
    }

    /// `forward(input)` without arrays; nil for two inputs (`forward` reports the error).
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? {
        second == nil ? try self(first) : nil
    }

    /// `forward(input)`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        try Tensor.expectCount(inputs, 1...1, typeName)
        return [try self(inputs[0])]
    }
}
