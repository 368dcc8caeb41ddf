import CCairo

/// Collects the bytes Cairo writes through a `cairo_write_func_t`, so SVG, PNG and PDF
/// output can be produced in memory. The sink is passed to Cairo as `void *` through
/// `Unmanaged` and must outlive the surface (the caller keeps a strong reference).
final class ByteSink {
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
}
