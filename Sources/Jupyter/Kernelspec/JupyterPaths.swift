/// Jupyter's directories, found as jupyter_core finds them on Linux.
public enum JupyterPaths {
    /// The user's data directory: `JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`, else
    /// `~/.local/share/jupyter`; nil when none of them is set.
    public static func userDataDirectory(environment: [String: String]) -> String? {
        if let dir = environment["JUPYTER_DATA_DIR"], !dir.isEmpty { return dir }
        if let dir = environment["XDG_DATA_HOME"], !dir.isEmpty { return dir + "/jupyter" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/jupyter"
    }
}
