// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Recur",
    products: [
        .executable(name: "recur", targets: ["recur"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // System-library shims. libzmq is linked from its module map: its pkg-config entry
        // carries an -isystem flag that SwiftPM refuses with a warning.
        .systemLibrary(
            name: "CZeroMQ",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // zlib compresses and decompresses for gzip and zipfile.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // PCRE2 (32-bit code units) is the engine behind `re`.
        .systemLibrary(
            name: "CPCRE2",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // PyTorch's float32 element-wise kernels over Sleef (libsleef-dev), with ATen's
        // runtime choice of AVX512, AVX2 or the C library.
        // Optimised in every configuration: at -O0 clang passes a second vector argument to
        // the Sleef functions declared for AVX2/AVX512 in the wrong register (pow got x, x).
        .target(name: "CSleef", cSettings: [.unsafeFlags(["-O2"])],
                linkerSettings: [.linkedLibrary("sleef"), .linkedLibrary("m")]),

        // NumPy's own exp, float32 sin/cos and the vector loops of Recur's numpy (AVX512F or AVX2 when present).
        .target(name: "CNumPy", linkerSettings: [.linkedLibrary("m")]),

        // OpenBLAS is not linked: Tensors opens it on the first matrix product (BLASLibrary).
        // Autograd and the kernels touch class properties constantly; release builds skip the
        // dynamic exclusivity checks there too (debug builds, which the tests use, keep them).
        .target(
            name: "Tensors", dependencies: ["CSleef"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // What a value looks like, with no interpreter: MIME bundles, HTML tables of tensors and
        // models, progress bars, SVG plots, and Python's text for floats and strings.
        .target(name: "Rendering", dependencies: ["Tensors"]),
        // The interpreter's hot loop touches class properties constantly; release builds skip
        // the dynamic exclusivity checks (debug builds, which the tests use, keep them).
        .target(
            name: "Script", dependencies: ["Tensors", "Rendering", "CZlib", "CPCRE2", "CNumPy"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // The modules scripts import beyond the language's own: torch, numpy, matplotlib.pyplot,
        // IPython.display, tqdm and ipywidgets, each registered through `ModuleProvider`.
        .target(
            name: "ScriptLibrary", dependencies: ["Script", "Rendering", "Tensors", "CNumPy"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Running cells for a host: the session over a workspace with every library registered.
        .target(name: "ScriptSession", dependencies: ["Script", "ScriptLibrary", "Rendering", "Tensors"]),
        .target(name: "Jupyter", dependencies: ["CZeroMQ", "COpenSSL"]),
        .target(name: "RecurKernel", dependencies: ["Jupyter", "Script", "ScriptSession", "Rendering"]),
        .executableTarget(
            name: "recur",
            dependencies: [
                "RecurKernel",
                "Script",
                "ScriptLibrary",
                "ScriptSession",
                "Rendering",
                "Tensors",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], exclude: ["Fixtures"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "ScriptLibrary", "ScriptSession", "Rendering"], exclude: ["Programs", "TorchPrograms", "NumPyPrograms", "Checkpoints"]),
        .testTarget(name: "JupyterTests", dependencies: ["Jupyter", "CZeroMQ"]),
        .testTarget(name: "RecurKernelTests", dependencies: ["RecurKernel", "Script", "ScriptSession", "Rendering"]),
    ]
)
