import Script
/// `torch` and its submodules, and `safetensors.torch`.
package enum TorchLibrary: ModuleProvider {
    package static func register(in library: inout ModuleLibrary) {
        library.add("torch") { (i, m) throws(ScriptError) in try TorchModule.fill(i, m) }
        library.add("torch.nn") { (i, m) throws(ScriptError) in try TorchNN.fill(i, m) }
        library.add("torch.nn.init") { (i, m) throws(ScriptError) in try TorchInit.fill(i, m) }
        library.add("torch.nn.functional") { (i, m) throws(ScriptError) in try TorchFunctional.fill(i, m) }
        library.add("torch.nn.utils") { (i, m) throws(ScriptError) in try TorchFunctional.fillUtils(i, m) }
        library.add("torch.nn.utils.rnn") { (i, m) throws(ScriptError) in try TorchRNNUtils.fill(i, m) }
        library.add("torch.optim") { (i, m) throws(ScriptError) in try TorchOptim.fill(i, m) }
        library.add("torch.optim.lbfgs") { (i, m) throws(ScriptError) in try BundledModules.fill(BundledModules.lbfgs, i, m) }
        library.add("torch.optim.lr_scheduler") { (i, m) throws(ScriptError) in try TorchLRScheduler.fill(i, m) }
        library.add("torch.autograd") { (i, m) throws(ScriptError) in try TorchAutograd.fill(i, m) }
        library.add("torch.utils") { _, _ throws(ScriptError) in }
        library.add("torch.utils.data") { (i, m) throws(ScriptError) in try TorchData.fill(i, m) }
        library.add("torch.cuda") { (i, m) throws(ScriptError) in try TorchModule.fillCuda(i, m) }
        library.add("torch.serialization") { (i, m) throws(ScriptError) in TorchSerialization.fillModule(i, m) }
        library.add("torch.onnx") { (i, m) throws(ScriptError) in TorchModule.fillOnnx(i, m) }
        library.add("safetensors") { _, _ throws(ScriptError) in }
        library.add("safetensors.torch") { (i, m) throws(ScriptError) in try SafetensorsModule.fill(i, m) }
    }
}
