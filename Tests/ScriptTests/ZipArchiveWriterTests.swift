import Foundation
import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// The zip writer's archives are what CPython's zipfile writes and reads.
@Suite struct ZipArchiveWriterTests {
    /// Members written through `ZipArchiveWriter`, in memory.
    private func archive(_ members: [(String, [UInt8], ZipArchiveWriter.Method)]) throws -> [UInt8] {
        var writer = ZipArchiveWriter()
        var bytes: [UInt8] = []
        for (name, contents, method) in members {
            bytes += try writer.add(name: name, contents: contents, method: method, dateTime: [2024, 1, 5, 13, 4, 6],
                                    externalAttributes: 0o600 << 16)
        }
        return bytes + writer.finish()
    }

    @Test func cpythonReadsWhatItWrites() throws {
        let text = Array(String(repeating: "Recur writes zip archives. ", count: 40).utf8)
        let bytes = try archive([("a.txt", text, .stored), ("dir/b.txt", text, .deflated), ("é.bin", Array(0...255), .deflated),
                                 ("empty.txt", [], .stored)])
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        let path = scratch.path + "/written.zip"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try CPython.run("""
            import zipfile
            with zipfile.ZipFile(\(PythonString.repr(path))) as z:
                print(z.testzip())
                for i in z.infolist():
                    print(i.filename, i.file_size, i.compress_type, i.date_time, oct(i.external_attr >> 16), len(z.read(i)))
            """)
        #expect(run.error == "")
        #expect(run.stdout == """
            None
            a.txt 1080 0 (2024, 1, 5, 13, 4, 6) 0o600 1080
            dir/b.txt 1080 8 (2024, 1, 5, 13, 4, 6) 0o600 1080
            é.bin 256 8 (2024, 1, 5, 13, 4, 6) 0o600 256
            empty.txt 0 0 (2024, 1, 5, 13, 4, 6) 0o600 0

            """)
    }

    @Test func bytesMatchCPythonsForTheSameMembers() throws {
        let bytes = try archive([("hello.txt", Array("Hello, zip!".utf8), .stored), ("packed.txt", Array(String(repeating: "ab", count: 500).utf8), .deflated)])
        let run = try CPython.run("""
            import io, zipfile
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, 'w') as z:
                for name, data, method in [('hello.txt', b'Hello, zip!', zipfile.ZIP_STORED), ('packed.txt', b'ab' * 500, zipfile.ZIP_DEFLATED)]:
                    info = zipfile.ZipInfo(name, date_time=(2024, 1, 5, 13, 4, 6))
                    info.external_attr = 0o600 << 16
                    info.create_system = 3
                    z.writestr(info, data, compress_type=method)
            print(buffer.getvalue().hex())
            """)
        #expect(run.error == "")
        #expect(bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined() + "\n" == run.stdout)
    }

    @Test func earlyTimestampsAreRefused() {
        var writer = ZipArchiveWriter()
        #expect(throws: ZipArchiveWriter.Failure.self) {
            try writer.add(name: "old", contents: [], method: .stored, dateTime: [1979, 12, 31, 0, 0, 0], externalAttributes: 0)
        }
    }
}
