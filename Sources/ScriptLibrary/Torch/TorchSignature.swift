import Script
/// The keyword arguments PyTorch accepts for one Tensor method or torch function, and the
/// TypeError it raises for any other (the table is generated from PyTorch's stubs by
/// tools/signatures/generate.py: TorchSignature+Table.swift).
package struct TorchSignature {
    /// Every parameter name PyTorch accepts as a keyword, over all overloads.
    package let keywords: Set<String>
    /// Whether PyTorch's argument parser also takes NumPy's names (`axis`, `keepdims`).
    let numpyAliases: Bool
    /// PyTorch's message for an unknown keyword: `{keyword}` is the keyword, `{got}` the
    /// argument types as PyTorch lists them.
    let unknownKeyword: String
    /// PyTorch's message when the unknown keyword comes without positional arguments (it
    /// may report missing arguments instead).
    let unknownKeywordAlone: String

    /// NumPy's names PyTorch's parser accepts for its own (`x.sum(axis=1, keepdims=True)`).
    static let numpyNames = ["axis": "dim", "keepdims": "keepdim", "x1": "input", "x2": "other"]

    /// The arguments with NumPy's names replaced by PyTorch's; PyTorch's TypeError for a
    /// keyword it does not accept, and a NotImplementedError naming a keyword PyTorch accepts
    /// but Recur does not implement (none is ever ignored).
    package func check(_ a: Arguments, name: String, implemented: Set<String>) throws(ScriptError) -> Arguments {
        var result = a
        for (i, entry) in a.keywords.enumerated() {
            var keyword = entry.name
            if numpyAliases, let canonical = TorchSignature.numpyNames[keyword], keywords.contains(canonical),
               !a.keywords.contains(where: { $0.name == canonical }) {
                keyword = canonical
                result.keywords[i].name = canonical
            }
            guard keywords.contains(keyword) else { throw .typeError(message(for: entry.name, a)) }
            guard implemented.contains(keyword) else {
                throw ScriptError(.notImplementedError, "\(name)(): the argument '\(keyword)' is not supported in Recur")
            }
        }
        return result
    }

    /// PyTorch's message for the unknown `keyword` in the call `a`.
    package func message(for keyword: String, _ a: Arguments) -> String {
        var got = a.positional.map(TorchSignature.typeName).joined(separator: ", ")
        let named = a.keywords.map { "\($0.name)=\(TorchSignature.typeName($0.value))" }.joined(separator: ", ")
        if !named.isEmpty { got += got.isEmpty ? named + ", " : ", " + named }
        let unknown = a.keywords.map(\.name).filter { !keywords.contains($0) }.joined(separator: ", ")
        return (a.positional.isEmpty ? unknownKeywordAlone : unknownKeyword).replacing("{got}", with: got)
            .replacing("incorrect: {keyword}", with: "incorrect: " + unknown)
            .replacing("{keyword}", with: keyword)
    }

    /// A value's type as PyTorch's argument errors name it (`torch.dtype`, `Tensor`, `int`).
    package static func typeName(_ value: Value) -> String {
        if case .object(let object) = value {
            if object is DTypeObject { return "torch.dtype" }
            if object is SizeObject { return "torch.Size" }
            if object is DeviceObject { return "torch.device" }
        }
        return value.typeName
    }
}
