import Jupyter

extension KernelIdentity {
    /// What `kernel_info_reply` reports.
    public static var kernelInfo: KernelInfo {
        KernelInfo(
            implementation: implementation, implementationVersion: implementationVersion,
            banner: "Recur \(implementationVersion): Recur script, PyTorch-flavoured recurrent networks"
                + " (libzmq \(zeromqVersion))",
            languageName: language.name, languageVersion: language.version, mimetype: language.mimetype,
            fileExtension: language.fileExtension, pygmentsLexer: language.pygmentsLexer,
            codemirrorMode: language.codemirrorMode,
            helpLinks: [("PyTorch torch.nn reference", "https://pytorch.org/docs/stable/nn.html")])
    }
}
