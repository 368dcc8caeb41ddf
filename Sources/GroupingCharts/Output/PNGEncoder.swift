import CCairo
import CZlib

/// Encodes a Cairo image surface as PNG (W3C PNG specification, 2nd edition) with zlib at
/// its fastest level.
///
/// Cairo's own `cairo_surface_write_to_png_stream` compresses at zlib's default level,
/// which costs about 30 ms for one 1440-pixel chart and dominated the time of a whole
/// report. Charts are mostly flat colour, so the fastest level loses little: files grow by
/// about a quarter and encoding is several times faster. Pixels: Cairo's ARGB32 is
/// premultiplied, native-endian; PNG wants straight RGB(A) bytes. A fully opaque image is
/// written as RGB (colour type 2), anything else as RGBA (colour type 6). Every row uses the
/// Sub filter (each byte minus the one a pixel to the left), which suits flat areas.
enum PNGEncoder {
    /// The PNG bytes of an ARGB32 image surface (flushed by the caller).
    static func encode(surface: OpaquePointer) throws -> [UInt8] {
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0, let data = cairo_image_surface_get_data(surface) else {
            throw ChartOutputError.cairo("empty image surface")
        }
        var opaque = true
        for y in 0..<height where opaque {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var offset = y * rowBytes
                out[offset] = 1  // Sub filter
                offset += 1
                var pr: UInt8 = 0
                var pg: UInt8 = 0
                var pb: UInt8 = 0
                var pa: UInt8 = 0
                for x in 0..<width {
                    let pixel = row[x]
                    let alpha = pixel >> 24
                    var r = (pixel >> 16) & 0xFF
                    var g = (pixel >> 8) & 0xFF
                    var b = pixel & 0xFF
                    if alpha != 0xFF && alpha != 0 {
                        // Undo the premultiplication, rounding to nearest.
                        r = Swift.min(255, (r * 255 + alpha / 2) / alpha)
                        g = Swift.min(255, (g * 255 + alpha / 2) / alpha)
                        b = Swift.min(255, (b * 255 + alpha / 2) / alpha)
                    }
                    let cr = UInt8(r)
                    let cg = UInt8(g)
                    let cb = UInt8(b)
                    let ca = UInt8(alpha)
                    out[offset] = cr &- pr
                    out[offset + 1] = cg &- pg
                    out[offset + 2] = cb &- pb
                    if channels == 4 { out[offset + 3] = ca &- pa }
                    (pr, pg, pb, pa) = (cr, cg, cb, ca)
                    offset += channels
                }
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth 8, colour type, deflate, filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", try deflate(raw))
        png.appendChunk("IEND", [])
        return png
    }

    /// A zlib stream of `bytes` at the fastest compression level.
    static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), Z_BEST_SPEED)
            }
        }
        guard status == Z_OK else { throw ChartOutputError.cairo("zlib compress2 failed (\(status))") }
        output.removeSubrange(Int(capacity)...)
        return output
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [
            UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF),
        ])
    }

    /// A PNG chunk: length, type, data, and the CRC-32 of type and data.
    fileprivate mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        append(contentsOf: typed)
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(crc))
    }
}
