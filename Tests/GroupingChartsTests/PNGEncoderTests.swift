import CCairo
import CZlib
import XCTest

@testable import GroupingCharts

/// The PNG encoder's output decodes (inflate, then undo the Sub filter) to the surface's pixels.
final class PNGEncoderTests: XCTestCase {
    /// Chunks of a PNG file by type.
    func chunks(_ png: [UInt8]) -> [(type: String, data: [UInt8])] {
        var result: [(String, [UInt8])] = []
        var i = 8
        while i + 8 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = Array(png[(i + 8)..<(i + 8 + length)])
            let typed = Array(png[(i + 4)..<(i + 8 + length)])
            let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let stored =
                UInt32(png[i + 8 + length]) << 24 | UInt32(png[i + 9 + length]) << 16
                | UInt32(png[i + 10 + length]) << 8 | UInt32(png[i + 11 + length])
            XCTAssertEqual(crc, stored, "CRC of \(type)")
            result.append((type, data))
            i += 12 + length
        }
        return result
    }

    func inflate(_ data: [UInt8], size: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        let status = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
        }
        XCTAssertEqual(status, Z_OK)
        XCTAssertEqual(Int(length), size)
        return output
    }

    func encoded(_ draw: (OpaquePointer) -> Void, width: Int32, height: Int32) throws -> (
        png: [UInt8], surface: OpaquePointer
    ) {
        let surface = try XCTUnwrap(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height))
        let context = try XCTUnwrap(cairo_create(surface))
        draw(context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        return (try PNGEncoder.encode(surface: surface), surface)
    }

    func testOpaqueImageRoundTripsAsRGB() throws {
        let (png, surface) = try encoded(
            { cr in
                cairo_set_source_rgb(cr, 1, 1, 1)
                cairo_paint(cr)
                cairo_set_source_rgb(cr, 0.2, 0.4, 0.7)
                cairo_arc(cr, 20, 15, 9, 0, 6.3)
                cairo_fill(cr)
            }, width: 41, height: 30)
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let parts = chunks(png)
        XCTAssertEqual(parts.map(\.type), ["IHDR", "IDAT", "IEND"])
        XCTAssertEqual(parts[0].data, [0, 0, 0, 41, 0, 0, 0, 30, 8, 2, 0, 0, 0])
        let raw = inflate(parts[1].data, size: 30 * (1 + 41 * 3))
        let data = try XCTUnwrap(cairo_image_surface_get_data(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<30 {
            XCTAssertEqual(raw[y * (1 + 41 * 3)], 1, "Sub filter")
            var left: [UInt8] = [0, 0, 0]
            for x in 0..<41 {
                let pixel = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)[x]
                let expected = [UInt8((pixel >> 16) & 0xFF), UInt8((pixel >> 8) & 0xFF), UInt8(pixel & 0xFF)]
                for c in 0..<3 {
                    let value = raw[y * (1 + 41 * 3) + 1 + x * 3 + c] &+ left[c]
                    XCTAssertEqual(value, expected[c])
                    left[c] = value
                }
            }
        }
    }

    func testTranslucentImageIsRGBAWithStraightAlpha() throws {
        let (png, surface) = try encoded(
            { cr in
                cairo_set_source_rgba(cr, 1, 0, 0, 0.5)
                cairo_paint(cr)
            }, width: 3, height: 2)
        defer { cairo_surface_destroy(surface) }
        let parts = chunks(png)
        XCTAssertEqual(parts[0].data[9], 6, "colour type RGBA")
        let raw = inflate(parts[1].data, size: 2 * (1 + 3 * 4))
        // The first pixel of a row is stored as is: red at full intensity, alpha about half.
        XCTAssertEqual(raw[1], 255)
        XCTAssertEqual(raw[2], 0)
        XCTAssertEqual(raw[3], 0)
        XCTAssertEqual(Double(raw[4]), 127.5, accuracy: 1)
    }
}
