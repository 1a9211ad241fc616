/// What `kernel_info_reply` says about the kernel and its language.
public struct KernelInfo: Sendable, Equatable {
    /// The implementation's name, e.g. `recur`.
    public var implementation: String
    /// The implementation's version.
    public var implementationVersion: String
    /// The banner a console prints at start.
    public var banner: String
    /// `language_info.name`.
    public var languageName: String
    /// `language_info.version`.
    public var languageVersion: String
    /// `language_info.mimetype`.
    public var mimetype: String
    /// `language_info.file_extension`, with its dot.
    public var fileExtension: String
    /// `language_info.pygments_lexer`.
    public var pygmentsLexer: String
    /// `language_info.codemirror_mode`.
    public var codemirrorMode: String
    /// `help_links`: (text, url) pairs.
    public var helpLinks: [(text: String, url: String)]
    /// Whether the kernel answers `debug_request` (set by the server from the interpreter).
    public var debugger = false

    /// Creates a description.
    public init(
        implementation: String, implementationVersion: String, banner: String, languageName: String,
        languageVersion: String, mimetype: String, fileExtension: String, pygmentsLexer: String,
        codemirrorMode: String, helpLinks: [(text: String, url: String)]
    ) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.banner = banner
        self.languageName = languageName
        self.languageVersion = languageVersion
        self.mimetype = mimetype
        self.fileExtension = fileExtension
        self.pygmentsLexer = pygmentsLexer
        self.codemirrorMode = codemirrorMode
        self.helpLinks = helpLinks
    }

    /// Compares every field, help links in order.
    public static func == (lhs: KernelInfo, rhs: KernelInfo) -> Bool {
        lhs.replyContent == rhs.replyContent
    }

    /// The `kernel_info_reply` content.
    var replyContent: JSONValue {
        [
            "status": "ok",
            "protocol_version": .string(protocolVersion),
            "implementation": .string(implementation),
            "implementation_version": .string(implementationVersion),
            "banner": .string(banner),
            "debugger": .bool(debugger),
            "supported_features": debugger ? ["debugger"] : [],
            "language_info": [
                "name": .string(languageName),
                "version": .string(languageVersion),
                "mimetype": .string(mimetype),
                "file_extension": .string(fileExtension),
                "pygments_lexer": .string(pygmentsLexer),
                "codemirror_mode": .string(codemirrorMode),
                "nbconvert_exporter": "script",
            ],
            "help_links": .array(helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
        ]
    }
}
