import Rendering
import Script

/// What the language core asks of a script class's `nn.Module` state: copies, the cycle
/// collector's edges, and the model's HTML summary.
extension ScriptModule: InstanceNative {
    package func shallowCopy(of instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) -> Value {
        try CopyModule.shallowModule(instance, self, interpreter)
    }

    package func deepCopy(of instance: InstanceObject, _ copier: CopyModule.Copier, key: Value) throws(ScriptError) -> Value {
        try copier.deepModule(instance, self, key: key)
    }

    // A script module holds its script submodules through its registry's handles, which
    // only it owns: those references count as its own.
    package func visitReferences(_ visit: (CycleEdge) -> Void) {
        for case let handle as ScriptModuleHandle in children.map(\.module) {
            visit(.value(.instance(handle.instance)))
        }
    }

    package func clearReferences() {
        clearRegistrations()
    }

    package func richDisplay(of instance: InstanceObject, interpreter: Interpreter) -> [(mime: String, data: String)] {
        [("text/html", ModuleSummary(module: ScriptModuleHandle(instance: instance, state: self)).html())]
    }
}
