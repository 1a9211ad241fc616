import Rendering
/// One output the host should show: a new display, or an update of an earlier one.
struct DisplayRequest: Equatable {
    var bundle: MimeBundle
    var displayID: String
    var isUpdate: Bool

    /// Sends this request through the host (`display_data` / `update_display_data`).
    func send(to host: any ScriptHost) {
        host.display(bundle, displayID: displayID, isUpdate: isUpdate)
    }
}
