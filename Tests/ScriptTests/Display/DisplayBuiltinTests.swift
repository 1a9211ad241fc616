import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct DisplayBuiltinTests {
    @Test func displayNeedsNoImportAndIsIPythonsDisplay() {
        let session = Session()
        let host = RecordingHost()
        #expect(session.execute("display(6 * 7)", cellName: "Cell In[1]", host: host) == .success(result: nil))
        #expect(host.displays.map(\.plainText) == ["42"])
        let same = session.execute("import IPython.display\ndisplay is IPython.display.display", cellName: "Cell In[2]", host: host)
        #expect(same == .success(result: MimeBundle(plainText: "True")))
        #expect(session.complete("disp", cursor: 4).matches == ["display"])
    }
}
