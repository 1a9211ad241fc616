import Tensors

/// A tensor's rich display: PyTorch's repr as `text/plain` and a bounded HTML table.
///
/// Tensors of more than 1000 elements are summarised as PyTorch summarises them (three edge
/// items per dimension, `…` between); tensors of rank three or more show as a sequence of
/// 2-d slices labelled with their leading indices, at most `maxSlices` of them. Every label
/// is clipped, so the HTML stays within tens of kilobytes whatever the tensor.
package struct TensorDisplay {
    /// PyTorch's `threshold`: more elements than this are summarised.
    package static let threshold = 1000
    /// PyTorch's `edgeitems`: items kept at each end of a summarised dimension.
    package static let edgeItems = 3
    /// Slices shown for rank >= 3 before the middle ones are elided.
    package static let maxSlices = 16
    /// Longest caption or slice label, in characters.
    package static let maxLabel = 160

    package let tensor: Tensor

    package init(tensor: Tensor) {
        self.tensor = tensor
    }

    /// The display bundle: `text/plain` (the repr) and `text/html`.
    package func bundle() -> MimeBundle {
        MimeBundle(plainText: tensor.description, extra: [("text/html", html())])
    }

    /// One position along a dimension: an index, or the gap a summary leaves.
    package enum Position: Equatable {
        case index(Int)
        case gap
    }

    /// The positions shown along a dimension of `size` elements.
    package static func positions(size: Int, summarized: Bool) -> [Position] {
        if summarized && size > 2 * edgeItems {
            return (0..<edgeItems).map(Position.index) + [.gap] + ((size - edgeItems)..<size).map(Position.index)
        }
        return (0..<size).map(Position.index)
    }

    /// The text of the caption: shape, dtype, and autograd state.
    package var caption: String {
        var parts = [tensor.isParameter ? "Parameter" : "tensor", Markup.clip(tensor.shape.description, to: TensorDisplay.maxLabel), tensor.dtype.description]
        if let name = tensor.gradFnName {
            parts.append("grad_fn=<\(name)>")
        } else if tensor.requiresGrad {
            parts.append("requires_grad=True")
        }
        if tensor.count > TensorDisplay.threshold { parts.append("summarised") }
        return parts.joined(separator: " · ")
    }

    /// The `text/html` representation: one `<div>` holding a table per shown slice.
    package func html() -> String {
        let dims = tensor.shape.dims
        let summarized = tensor.count > TensorDisplay.threshold
        let values = ElementReader(tensor)
        var out = MarkupWriter()
        out.open("div", ["class": "recur-tensor"])
        if tensor.count == 0 {
            out.element("div", ["class": "recur-caption"], text: caption)
            out.element("div", ["class": "recur-empty"], text: "(no elements)")
            out.close("div")
            return out.text
        }
        let shownOffsets = TensorDisplay.shownOffsets(dims: dims, summarized: summarized)
        let formatter = CellFormatter(shown: shownOffsets.map(values.value), dtype: tensor.dtype)
        switch dims.count {
        case 0:
            table(&out, caption: caption, rows: nil, columns: [.index(0)], rowBase: 0, rowStride: 0, values: values, formatter: formatter)
        case 1:
            table(&out, caption: caption, rows: nil, columns: TensorDisplay.positions(size: dims[0], summarized: summarized),
                  rowBase: 0, rowStride: 0, values: values, formatter: formatter)
        default:
            let rowSize = dims[dims.count - 2]
            let columnSize = dims[dims.count - 1]
            let sliceSize = rowSize * columnSize
            let leading = Array(dims.dropLast(2))
            let slices = SliceIndices(dims: leading, summarized: summarized, limit: TensorDisplay.maxSlices).entries
            if leading.isEmpty {
                table(&out, caption: caption, rows: TensorDisplay.positions(size: rowSize, summarized: summarized),
                      columns: TensorDisplay.positions(size: columnSize, summarized: summarized),
                      rowBase: 0, rowStride: columnSize, values: values, formatter: formatter)
            } else {
                out.element("div", ["class": "recur-caption"], text: caption)
                // Slices side by side, wrapping, so a (5, 1, 4) tensor takes one row, not five.
                out.open("div", ["class": "recur-slices", "style": "display: flex; flex-wrap: wrap; gap: 0 1.5em; align-items: flex-start"])
                for slice in slices {
                    switch slice {
                    case .gap(let hidden):
                        let text = hidden.map { "⋮ \($0) more slices" } ?? "⋮"
                        out.element("div", ["class": "recur-gap"], text: text)
                    case .slice(let index):
                        let linear = zip(index, TensorDisplay.strides(leading)).reduce(0) { $0 + $1.0 * $1.1 }
                        let label = Markup.clip("[" + index.map(String.init).joined(separator: ", ") + ", :, :]", to: TensorDisplay.maxLabel)
                        table(&out, caption: label, rows: TensorDisplay.positions(size: rowSize, summarized: summarized),
                              columns: TensorDisplay.positions(size: columnSize, summarized: summarized),
                              rowBase: linear * sliceSize, rowStride: columnSize, values: values, formatter: formatter)
                    }
                }
                out.close("div")
            }
        }
        out.close("div")
        return out.text
    }

    /// Writes one table: a header row of column indices, then one row per shown row
    /// (`rows == nil` for a single unlabelled row, as for 0-d and 1-d tensors).
    private func table(_ out: inout MarkupWriter, caption: String, rows: [Position]?, columns: [Position],
                       rowBase: Int, rowStride: Int, values: ElementReader, formatter: CellFormatter) {
        out.open("table", ["class": "recur-table", "style": "font-family: monospace; border-collapse: collapse"])
        out.element("caption", ["style": "caption-side: top; text-align: left; white-space: nowrap"], text: caption)
        if tensor.rank > 0 {
            out.open("thead")
            out.open("tr")
            if rows != nil { out.element("th", text: "") }
            for column in columns { header(&out, column) }
            out.close("tr")
            out.close("thead")
        }
        out.open("tbody")
        for row in rows ?? [.index(0)] {
            out.open("tr")
            if rows != nil { header(&out, row) }
            for column in columns {
                switch (row, column) {
                case (.index(let r), .index(let c)):
                    out.element("td", ["style": "text-align: right"], text: formatter.format(values.value(rowBase + r * rowStride + c)))
                case (.gap, .index), (.index, .gap):
                    out.element("td", ["style": "text-align: center"], text: row == .gap ? "⋮" : "…")
                case (.gap, .gap):
                    out.element("td", ["style": "text-align: center"], text: "⋱")
                }
            }
            out.close("tr")
        }
        out.close("tbody")
        out.close("table")
    }

    private func header(_ out: inout MarkupWriter, _ position: Position) {
        switch position {
        case .index(let i): out.element("th", text: String(i))
        case .gap: out.element("th", text: "…")
        }
    }

    package static func strides(_ dims: [Int]) -> [Int] {
        var result = [Int](repeating: 1, count: dims.count)
        var running = 1
        for i in stride(from: dims.count - 1, through: 0, by: -1) {
            result[i] = running
            running *= dims[i]
        }
        return result
    }

    /// Flat offsets of the elements a (possibly summarised) display shows; the notation is
    /// chosen over these alone, as PyTorch does. Bounded: a summary shows at most 6 per dim
    /// and at most `maxSlices` leading slices.
    package static func shownOffsets(dims: [Int], summarized: Bool) -> [Int] {
        let strides = TensorDisplay.strides(dims)
        guard !dims.isEmpty else { return [0] }
        let tail = Array(dims.suffix(2))
        let tailStrides = Array(strides.suffix(2))
        var tailOffsets = [0]
        for (size, step) in zip(tail, tailStrides) {
            let shown = positions(size: size, summarized: summarized).compactMap { p -> Int? in
                if case .index(let i) = p { return i * step } else { return nil }
            }
            tailOffsets = tailOffsets.flatMap { base in shown.map { base + $0 } }
        }
        let leading = Array(dims.dropLast(2))
        guard !leading.isEmpty else { return tailOffsets }
        let leadingStrides = Array(strides.dropLast(2))
        var result: [Int] = []
        for entry in SliceIndices(dims: leading, summarized: summarized, limit: maxSlices).entries {
            if case .slice(let index) = entry {
                let base = zip(index, leadingStrides).reduce(0) { $0 + $1.0 * $1.1 }
                result += tailOffsets.map { base + $0 }
            }
        }
        return result
    }
}
