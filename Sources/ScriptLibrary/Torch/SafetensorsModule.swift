import Tensors
import Script

/// Fills `safetensors.torch`: `save_file(tensors, filename)` and `load_file(filename)`.
package enum SafetensorsModule {
    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        module.namespace["save_file"] = .builtin(BuiltinFunction("save_file",
            signature: "safetensors.torch.save_file(tensors, filename, metadata=None)",
            doc: "Saves a dict of name -> tensor to a .safetensors file.") { interpreter, a throws(ScriptError) in
            try a.expect("save_file", 2...3, keywords: ["metadata", "filename", "tensors"])
            let dict: DictObject
            switch a.value(0, "tensors") ?? .none {
            case .dict(let d): dict = d
            case .object(let ordered as CountingDict) where ordered.isOrdered: dict = ordered.storage
            default: throw .typeError("save_file() expects a dict of tensors")
            }
            let path = try (a.value(1, "filename") ?? .none).asString("filename")
            var entries: [(name: String, tensor: Tensor)] = []
            for (key, value) in dict.items { entries.append((try key.asString("tensor name"), try interpreter.tensor(value))) }
            var metadata: [String: String]?
            if case .dict(let m)? = a.value(2, "metadata") {
                var table: [String: String] = [:]
                for (k, v) in m.items { table[try k.asString("metadata key")] = try v.asString("metadata value") }
                metadata = table
            }
            try tensorCall { () throws(TensorError) in try SafeTensors.save(entries, path: path, metadata: metadata) }
            return Value.none
        })
        module.namespace["load_file"] = .builtin(BuiltinFunction("load_file",
            signature: "safetensors.torch.load_file(filename, device='cpu')",
            doc: "Loads a .safetensors file as a dict of name -> tensor.") { interpreter, a throws(ScriptError) in
            try a.expect("load_file", 1...2, keywords: ["device", "filename"])
            let path = try (a.value(0, "filename") ?? .none).asString("filename")
            let entries = try tensorCall { () throws(TensorError) in try SafeTensors.load(path: path) }
            let dict = DictObject()
            for (name, tensor) in entries { try dict.set(.str(name), interpreter.wrap(tensor)) }
            return .dict(dict)
        })
    }
}
