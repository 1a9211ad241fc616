import Testing
import Tensors
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct LanguageInfoTests {
    @Test func describesRecurScript() {
        let info = LanguageInfo()
        #expect(info.name == "recur")
        #expect(info.fileExtension == ".recur")
    }

    @Test func shapesPrintAsTorchSize() {
        #expect(repr(Shape([3, 1, 4])) == "torch.Size([3, 1, 4])")
    }
}
