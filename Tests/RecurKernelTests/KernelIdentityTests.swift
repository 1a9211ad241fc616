import Testing
@testable import RecurKernel

@Suite struct KernelIdentityTests {
    @Test func reportsRecurLanguageAndLinkedLibzmq() {
        #expect(KernelIdentity.language.name == "recur")
        #expect(KernelIdentity.zeromqVersion.hasPrefix("4."))
    }
}
