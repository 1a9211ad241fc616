extension Tensor: CustomStringConvertible {
    /// PyTorch's repr: `tensor([[0.1000, 0.2000]], grad_fn=<AddmmBackward0>)`, prefixed with
    /// `Parameter containing:` for module parameters.
    public var description: String {
        let body = layout == nil ? tensorRepr() : denseCopyForPrinting().tensorRepr()
        return isParameter ? "Parameter containing:\n" + body : body
    }

    /// The elements laid out row-major, with this tensor's autograd state (what it prints).
    func denseCopyForPrinting() -> Tensor {
        let copy = Tensor(shape: shape, storage: storage, requiresGrad: requiresGradFlag)
        copy.gradFn = gradFn
        return copy
    }

    func tensorRepr() -> String {
        let options = PrintOptions.current
        let prefix = "tensor("
        let indent = prefix.count
        var suffixes: [String] = []
        let text: String
        if count == 0 {
            if rank != 1 { suffixes.append("size=" + shape.tupleDescription) }
            if dtype != DefaultDType.current { suffixes.append("dtype=" + dtype.description) }
            text = "[]"
        } else {
            let summarize = count > options.threshold
            let shown = summarize ? summarizedOffsets(0, 0, edgeItems: options.edgeItems) : Array(0..<count)
            let all = dtype.isFloatingPoint || dtype == .bool ? [] : storage.int64s
            let integers: [Int64] = all.isEmpty ? [] : shown.map { all[$0] }
            let formatter = ElementFormatter(values: shown.map { storage.double(at: $0) }, integers: integers, dtype: dtype, options: options)
            text = render(offset: 0, dim: 0, indent: indent, summarize: summarize, formatter: formatter)
        }
        if count > 0 && ![DefaultDType.current, .int64, .bool].contains(dtype) {
            suffixes.append("dtype=" + dtype.description)
        }
        if let name = gradFn?.name {
            suffixes.append("grad_fn=<\(name)>")
        } else if requiresGradFlag {
            suffixes.append("requires_grad=True")
        }
        var result = prefix + text
        let newline = result.lastIndex(of: "\n").map { result.distance(from: result.startIndex, to: $0) } ?? -1
        var lastLine = result.count - newline + 1
        for suffix in suffixes {
            if lastLine + suffix.count + 2 > options.lineWidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLine = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLine += suffix.count + 2
            }
        }
        return result + ")"
    }

    /// Element `i` formatted; int64 values print exactly, never through a Double.
    func element(_ i: Int, _ formatter: ElementFormatter) -> String {
        switch storage {
        case .int64(let v): formatter.format(0, integer: v[i])
        case .int32(let v): formatter.format(0, integer: Int64(v[i]))
        case .uint8(let v): formatter.format(0, integer: Int64(v[i]))
        case .float32, .float64, .bool: formatter.format(storage.double(at: i))
        }
    }

    /// Flat offsets of the elements a summarised print shows, in order.
    func summarizedOffsets(_ offset: Int, _ dim: Int, edgeItems: Int) -> [Int] {
        if rank == 0 { return [0] }
        let size = shape.dims[dim]
        let stride = shape.dims[(dim + 1)...].reduce(1, *)
        let rows = size > 2 * edgeItems ? Array(0..<edgeItems) + Array((size - edgeItems)..<size) : Array(0..<size)
        if dim == rank - 1 { return rows.map { offset + $0 } }
        return rows.flatMap { summarizedOffsets(offset + $0 * stride, dim + 1, edgeItems: edgeItems) }
    }

    func render(offset: Int, dim: Int, indent: Int, summarize: Bool, formatter: ElementFormatter) -> String {
        if rank == 0 { return element(0, formatter) }
        let edgeItems = formatter.options.edgeItems
        let size = shape.dims[dim]
        let elided = summarize && size > 2 * edgeItems
        if dim == rank - 1 {
            var items: [String]
            if elided {
                items = (0..<edgeItems).map { element(offset + $0, formatter) }
                items.append(" ...")
                items += ((size - edgeItems)..<size).map { element(offset + $0, formatter) }
            } else {
                items = (0..<size).map { element(offset + $0, formatter) }
            }
            let perLine = Swift.max(1, (formatter.options.lineWidth - indent) / (formatter.width + 2))
            var lines: [String] = []
            var start = 0
            while start < items.count {
                lines.append(items[start..<Swift.min(start + perLine, items.count)].joined(separator: ", "))
                start += perLine
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }
        let stride = shape.dims[(dim + 1)...].reduce(1, *)
        var slices: [String] = []
        let rows = elided ? Array(0..<edgeItems) + [-1] + Array((size - edgeItems)..<size) : Array(0..<size)
        for r in rows {
            slices.append(r < 0 ? "..." : render(offset: offset + r * stride, dim: dim + 1, indent: indent + 1, summarize: summarize, formatter: formatter))
        }
        let separator = "," + String(repeating: "\n", count: rank - dim - 1) + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }
}
