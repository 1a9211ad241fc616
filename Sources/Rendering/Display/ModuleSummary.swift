import Tensors

/// A neutral description of a model for its HTML summary: the layers (with PyTorch's repr
/// of each) and their parameters. Built from a Tensors `Module`, or by the evaluator for a
/// script `nn.Module` subclass.
package struct ModuleSummary: Equatable {
    package struct Parameter: Equatable {
        /// The name within its layer (`weight_ih_l0`).
        package var name: String
        package var shape: Shape
        package var requiresGrad: Bool
        /// Elements in the parameter.
        package var count: Int { shape.count }
    }

    package struct Layer: Equatable {
        /// The attribute path (`rnn`, `0`), empty for the model itself.
        package var name: String
        /// PyTorch's one-line repr of the layer (`Linear(in_features=4, out_features=2, bias=True)`).
        package var repr: String
        package var parameters: [Parameter]
    }

    /// The model's class name.
    package var typeName: String
    /// The model's full repr (`print(model)`), which is also the `text/plain` form.
    package var repr: String
    package var layers: [Layer]

    /// Elements over every parameter.
    package var totalParameters: Int { layers.reduce(0) { $0 + $1.parameters.reduce(0) { $0 + $1.count } } }
    /// Elements over the parameters that require grad.
    package var trainableParameters: Int {
        layers.reduce(0) { $0 + $1.parameters.filter(\.requiresGrad).reduce(0) { $0 + $1.count } }
    }
}

extension ModuleSummary {
    /// The summary of a module: its own parameters (if any) as a first row named after the
    /// model, then each leaf module under its dotted path.
    package init(module: any Module) {
        var layers: [Layer] = []
        func visit(_ module: any Module, path: String) {
            let own = module.ownParameters.map {
                Parameter(name: $0.name, shape: $0.tensor.shape, requiresGrad: $0.tensor.requiresGrad)
            }
            let children = module.children
            if children.isEmpty || !own.isEmpty {
                let repr = children.isEmpty ? module.description : module.typeName
                layers.append(Layer(name: path, repr: repr, parameters: own))
            }
            for (name, child) in children {
                visit(child, path: path.isEmpty ? name : path + "." + name)
            }
        }
        visit(module, path: "")
        self.init(typeName: module.typeName, repr: module.description, layers: layers)
    }

    /// `text/plain` (the repr) and `text/html` (the summary table).
    package func bundle() -> MimeBundle {
        MimeBundle(plainText: repr, extra: [("text/html", html())])
    }

    /// Rows beyond this are elided: a model is a handful of layers, a pathological one
    /// must not produce megabytes.
    package static let maxRows = 200

    /// The summary table: layer, parameter, shape, count, trainable; totals in the footer.
    package func html() -> String {
        var out = MarkupWriter()
        out.open("div", ["class": "recur-module"])
        out.open("table", ["class": "recur-table", "style": "font-family: monospace; border-collapse: collapse"])
        out.element("caption", ["style": "caption-side: top; text-align: left; white-space: nowrap"], text: Markup.clip(typeName, to: 160))
        out.open("thead")
        out.open("tr")
        for title in ["layer", "module", "parameter", "shape", "count", "trainable"] {
            out.element("th", ["style": "text-align: left"], text: title)
        }
        out.close("tr")
        out.close("thead")
        out.open("tbody")
        var rows = 0
        for layer in layers {
            let parameters: [Parameter?] = layer.parameters.isEmpty ? [nil] : layer.parameters.map { $0 }
            for (i, parameter) in parameters.enumerated() {
                rows += 1
                guard rows <= ModuleSummary.maxRows else { continue }
                out.open("tr")
                if i == 0 {
                    let span = String(parameters.count)
                    out.element("td", ["rowspan": span, "style": "vertical-align: top"], text: Markup.clip(layer.name.isEmpty ? "(model)" : layer.name, to: 120))
                    out.element("td", ["rowspan": span, "style": "vertical-align: top; white-space: pre"], text: Markup.clip(layer.repr, to: 400))
                }
                if let parameter {
                    out.element("td", text: Markup.clip(parameter.name, to: 120))
                    out.element("td", text: Markup.clip(parameter.shape.tupleDescription, to: 120))
                    out.element("td", ["style": "text-align: right"], text: ModuleSummary.grouped(parameter.count))
                    out.element("td", ["style": "text-align: center"], text: parameter.requiresGrad ? "yes" : "no")
                } else {
                    out.element("td", ["colspan": "4"], text: "(no parameters)")
                }
                out.close("tr")
            }
        }
        if rows > ModuleSummary.maxRows {
            out.open("tr")
            out.element("td", ["colspan": "6"], text: "… \(ModuleSummary.grouped(rows - ModuleSummary.maxRows)) more rows")
            out.close("tr")
        }
        out.close("tbody")
        out.open("tfoot")
        footer(&out, "Total params", totalParameters)
        footer(&out, "Trainable params", trainableParameters)
        footer(&out, "Non-trainable params", totalParameters - trainableParameters)
        out.close("tfoot")
        out.close("table")
        out.close("div")
        return out.text
    }

    private func footer(_ out: inout MarkupWriter, _ title: String, _ count: Int) {
        out.open("tr")
        out.element("th", ["colspan": "4", "style": "text-align: left"], text: title)
        out.element("td", ["style": "text-align: right"], text: ModuleSummary.grouped(count))
        out.element("td", text: "")
        out.close("tr")
    }

    /// `1234567` as `1,234,567`.
    package static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
