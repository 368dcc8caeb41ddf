import CCairo

/// Collects the bytes Cairo writes through a `cairo_write_func_t`, so SVG and PDF output
/// (charts and the paged report) can be produced in memory. The sink is passed to Cairo as
/// `void *` through `Unmanaged` and must outlive the surface (`collect` keeps it alive).
public final class ByteSink {
    var bytes: [UInt8] = []

    /// The callback Cairo calls with each chunk of output.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// The unretained pointer to hand to Cairo.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// A streamed vector surface's document in memory: creates the surface with `create`
    /// (given the write callback and its closure, e.g. `cairo_pdf_surface_create_for_stream`),
    /// lets `draw` draw on it, finishes and destroys it.
    ///
    /// - Returns: the bytes and the surface's final status (the bytes are incomplete unless
    ///   it is `CAIRO_STATUS_SUCCESS`); nil when no surface was created.
    public static func collect(
        create: (cairo_write_func_t, UnsafeMutableRawPointer) -> OpaquePointer?,
        draw: (OpaquePointer) throws -> Void
    ) rethrows -> (bytes: [UInt8], status: cairo_status_t)? {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            guard let surface = create(ByteSink.write, sink.opaque) else { return nil }
            defer { cairo_surface_destroy(surface) }
            try draw(surface)
            cairo_surface_finish(surface)
            return (sink.bytes, cairo_surface_status(surface))
        }
    }
}
