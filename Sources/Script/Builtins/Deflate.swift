import CZlib
import Tensors

/// Raw deflate streams (RFC 1951, what gzip members and zip entries hold) and CRC-32,
/// through zlib.
package enum Deflate {
    /// Why inflating stopped short.
    package enum Failure: Error {
        /// The data ended before the end-of-stream marker.
        case truncated
        /// zlib's message for corrupt data.
        case corrupt(String)
        case tooLarge
    }

    package static func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(uLong(crc), buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// Compresses `bytes` as one raw deflate stream at `level` (0-9, -1 for zlib's default).
    static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        var stream = z_stream()
        // windowBits -15: raw deflate, no zlib header; memLevel 8 as CPython's zlib module.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }

    /// Inflates one raw deflate stream starting at `data[start...]`; returns the output and
    /// where the stream ended in `data`. `expected` sizes the output when it is known.
    package static func decompress(_ data: [UInt8], from start: Int, expected: Int? = nil) throws(Failure) -> (bytes: [UInt8], end: Int) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("cannot start inflating")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(min(expected ?? 0, 1 << 26), 1 << 16))
        var input = Array(data[min(start, data.count)...])
        var status: Int32 = Z_OK
        let consumed: Int = try input.withUnsafeMutableBufferPointer { (inBuffer) throws(Failure) -> Int in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                output += chunk[0..<produced]
                guard MemoryBudget.allows(bytes: output.count) else { throw .tooLarge }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { throw .truncated }
                if status != Z_OK && status != Z_STREAM_END {
                    throw .corrupt(stream.msg.map { String(cString: $0) } ?? "invalid data (\(status))")
                }
            } while status != Z_STREAM_END
            return inBuffer.count - Int(stream.avail_in)
        }
        return (output, min(start, data.count) + consumed)
    }
}
