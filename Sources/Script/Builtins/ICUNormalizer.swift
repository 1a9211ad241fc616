import Glibc

/// Unicode normalization (NFC, NFD, NFKC, NFKD) and character-name lookup through the
/// system's ICU (`libicuuc`), opened with `dlopen` on first use as OpenBLAS is: ICU's C
/// functions carry its major version in their names (`unorm2_normalize_72`), so they are
/// looked up for the version found rather than linked.
package final class ICUNormalizer: @unchecked Sendable {
    package enum Form: String, CaseIterable {
        case nfc = "NFC", nfd = "NFD", nfkc = "NFKC", nfkd = "NFKD"
    }

    private typealias GetInstance = @convention(c) (UnsafeMutablePointer<Int32>) -> OpaquePointer?
    private typealias Normalize = @convention(c) (OpaquePointer?, UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32,
                                                  UnsafeMutablePointer<Int32>) -> Int32
    private typealias CharFromName = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafeMutablePointer<Int32>) -> Int32

    private let instances: [Form: OpaquePointer]
    private let normalizeFunction: Normalize
    private let charFromName: CharFromName
    /// ICU's major version (what its function names end with).
    package let version: Int

    /// The process's ICU, or nil when no `libicuuc` can be opened.
    package static let shared: ICUNormalizer? = ICUNormalizer()

    private init?() {
        var found: (handle: UnsafeMutableRawPointer, version: Int)?
        for version in stride(from: 99, through: 50, by: -1) {
            if let handle = dlopen("libicuuc.so.\(version)", RTLD_NOW | RTLD_LOCAL) {
                found = (handle, version)
                break
            }
        }
        guard let (handle, version) = found else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let pointer = dlsym(handle, "\(name)_\(version)") else { return nil }
            return unsafeBitCast(pointer, to: type)
        }
        guard let normalize = symbol("unorm2_normalize", as: Normalize.self),
              let fromName = symbol("u_charFromName", as: CharFromName.self) else { return nil }
        var instances: [Form: OpaquePointer] = [:]
        for form in Form.allCases {
            let getter = "unorm2_get\(form.rawValue)Instance"
            var status: Int32 = 0
            guard let get = symbol(getter, as: GetInstance.self), let instance = get(&status), status <= 0 else { return nil }
            instances[form] = instance
        }
        self.instances = instances
        self.normalizeFunction = normalize
        self.charFromName = fromName
        self.version = version
    }

    /// `text` in normalization form `form`, or nil when ICU reports an error.
    package func normalize(_ text: String, _ form: Form) -> String? {
        guard let instance = instances[form] else { return nil }
        let source = Array(text.utf16)
        guard source.count < Int32.max / 4 else { return nil }
        var capacity = source.count * 3 + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let length = normalizeFunction(instance, source, Int32(source.count), &output, Int32(capacity), &status)
            // U_BUFFER_OVERFLOW_ERROR: try again with the length ICU asked for.
            if status == 15, Int(length) > capacity {
                capacity = Int(length)
                continue
            }
            guard status <= 0, length >= 0 else { return nil }
            return String(decoding: output[0..<Int(length)], as: UTF16.self)
        }
    }

    /// The character named `name` (Unicode names, then name aliases), as `unicodedata.lookup`.
    package func character(named name: String) -> Unicode.Scalar? {
        guard name.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        // U_UNICODE_CHAR_NAME (0), then U_CHAR_NAME_ALIAS (3).
        for choice: Int32 in [0, 3] {
            var status: Int32 = 0
            let value = name.withCString { charFromName(choice, $0, &status) }
            if status <= 0, value >= 0, let scalar = Unicode.Scalar(UInt32(value)) { return scalar }
        }
        return nil
    }
}
