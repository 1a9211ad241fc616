import Rendering
import Script
/// One output the host should show: a new display, or an update of an earlier one.
package struct DisplayRequest: Equatable {
    package var bundle: MimeBundle
    package var displayID: String
    package var isUpdate: Bool

    /// Sends this request through the host (`display_data` / `update_display_data`).
    package func send(to host: any ScriptHost) {
        host.display(bundle, displayID: displayID, isUpdate: isUpdate)
    }
}
