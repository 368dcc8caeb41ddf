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
        let rawCount = rowBytes * height
        let compressed = try ScratchBuffers.shared.withBuffer(byteCount: rawCount) { buffer in
            let out = buffer.assumingMemoryBound(to: UInt8.self)
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                let target = out + y * rowBytes
                target[0] = 1  // Sub filter
                if opaque {
                    subFilteredOpaqueRow(row, width: width, into: target + 1)
                } else {
                    subFilteredRow(row, width: width, into: target + 1)
                }
            }
            return try deflate(UnsafeBufferPointer(start: out, count: rawCount))
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // depth 8, colour type, deflate, filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", [])
        return png
    }

    /// One row of an opaque image as Sub-filtered RGB bytes: no alpha to undo, so each pixel
    /// is three shifts and three subtractions (most of a chart is flat background, and this
    /// loop runs for every one of its pixels).
    private static func subFilteredOpaqueRow(
        _ row: UnsafePointer<UInt32>, width: Int, into out: UnsafeMutablePointer<UInt8>
    ) {
        var left: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var offset = 0
        for x in 0..<width {
            let pixel = row[x]
            let r = UInt8(truncatingIfNeeded: pixel >> 16)
            let g = UInt8(truncatingIfNeeded: pixel >> 8)
            let b = UInt8(truncatingIfNeeded: pixel)
            out[offset] = r &- left.0
            out[offset + 1] = g &- left.1
            out[offset + 2] = b &- left.2
            left = (r, g, b)
            offset += 3
        }
    }

    /// One row with transparency as Sub-filtered RGBA bytes, the premultiplication undone
    /// (rounding to nearest).
    private static func subFilteredRow(_ row: UnsafePointer<UInt32>, width: Int, into out: UnsafeMutablePointer<UInt8>)
    {
        var left: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var offset = 0
        for x in 0..<width {
            let pixel = row[x]
            let alpha = pixel >> 24
            var r = (pixel >> 16) & 0xFF
            var g = (pixel >> 8) & 0xFF
            var b = pixel & 0xFF
            if alpha != 0xFF && alpha != 0 {
                r = Swift.min(255, (r * 255 + alpha / 2) / alpha)
                g = Swift.min(255, (g * 255 + alpha / 2) / alpha)
                b = Swift.min(255, (b * 255 + alpha / 2) / alpha)
            }
            let current = (UInt8(r), UInt8(g), UInt8(b), UInt8(alpha))
            out[offset] = current.0 &- left.0
            out[offset + 1] = current.1 &- left.1
            out[offset + 2] = current.2 &- left.2
            out[offset + 3] = current.3 &- left.3
            left = current
            offset += 4
        }
    }

    /// A zlib stream of `bytes` at the fastest compression level.
    static func deflate(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let bound = Int(compressBound(uLong(bytes.count)))
        return try ScratchBuffers.shared.withBuffer(byteCount: bound) { buffer in
            let out = buffer.assumingMemoryBound(to: UInt8.self)
            var length = uLong(bound)
            let status = compress2(out, &length, bytes.baseAddress, uLong(bytes.count), Z_BEST_SPEED)
            guard status == Z_OK else { throw ChartOutputError.cairo("zlib compress2 failed (\(status))") }
            return Array(UnsafeBufferPointer(start: out, count: Int(length)))
        }
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
