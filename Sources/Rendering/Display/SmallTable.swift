import Tensors

/// A small horizontal table: a caption, then labelled rows of equally many cells. Used for
/// `torch.Size`, lists of indices and character dictionaries, where a row of boxes reads
/// faster than a bracketed list. Rows longer than `maxColumns` keep their two ends.
package struct SmallTable: Equatable {
    /// Cells kept per row; the middle of a longer row becomes one `…` column.
    package static let maxColumns = 64
    /// Longest cell text, in characters.
    package static let maxCell = 80

    package struct Row: Equatable {
        package var label: String
        package var cells: [String]
    }

    package var caption: String
    package var rows: [Row]

    /// The `text/html` representation: a `<table>` inside a `<div>`.
    package func html() -> String {
        let width = rows.map(\.cells.count).max() ?? 0
        let keep = SmallTable.maxColumns / 2
        let elided = width > SmallTable.maxColumns
        var out = MarkupWriter()
        out.open("div", ["class": "recur-small-table"])
        out.open("table", ["class": "recur-table", "style": "font-family: monospace; border-collapse: collapse"])
        out.element("caption", ["style": "caption-side: top; text-align: left; white-space: nowrap"], text: Markup.clip(caption, to: 160))
        out.open("tbody")
        for row in rows {
            out.open("tr")
            out.element("th", ["style": "text-align: left"], text: Markup.clip(row.label, to: SmallTable.maxCell))
            let shown: [String?] = elided
                ? row.cells.prefix(keep).map { $0 } + [nil] + row.cells.suffix(keep).map { $0 }
                : row.cells.map { $0 }
            for cell in shown {
                out.element("td", ["style": "text-align: center"], text: cell.map { Markup.clip($0, to: SmallTable.maxCell) } ?? "…")
            }
            out.close("tr")
        }
        out.close("tbody")
        out.close("table")
        out.close("div")
        return out.text
    }

    /// A bundle of `plainText` (the value's repr) and this table as HTML.
    package func bundle(plainText: String) -> MimeBundle {
        MimeBundle(plainText: plainText, extra: [("text/html", html())])
    }
}

extension SmallTable {
    /// `torch.Size([5, 1, 4])` as a row of dims over a row of sizes.
    package static func size(_ shape: Shape) -> SmallTable {
        SmallTable(caption: shape.description, rows: [
            Row(label: "dim", cells: shape.dims.indices.map(String.init)),
            Row(label: "size", cells: shape.dims.map(String.init)),
        ])
    }

    /// A list of indices (`[1, 0, 2, 2, 3]`) under their positions; with `decoded`, a third
    /// row shows what each index stands for (the character `idx2char` maps it to).
    package static func indices(_ values: [Int], decoded: [String]? = nil) -> SmallTable {
        var rows = [
            Row(label: "position", cells: values.indices.map(String.init)),
            Row(label: "index", cells: values.map(String.init)),
        ]
        if let decoded, decoded.count == values.count { rows.append(Row(label: "token", cells: decoded)) }
        return SmallTable(caption: "list of \(values.count) indices", rows: rows)
    }

    /// An `idx2char` list: each token under its index.
    package static func vocabulary(_ tokens: [String]) -> SmallTable {
        SmallTable(caption: "index → token (\(tokens.count))", rows: [
            Row(label: "index", cells: tokens.indices.map(String.init)),
            Row(label: "token", cells: tokens),
        ])
    }

    /// A `{char: index}` dict: each key over its value, in the dict's order.
    package static func mapping(_ pairs: [(key: String, value: String)]) -> SmallTable {
        SmallTable(caption: "token → index (\(pairs.count))", rows: [
            Row(label: "key", cells: pairs.map(\.key)),
            Row(label: "value", cells: pairs.map(\.value)),
        ])
    }
}
