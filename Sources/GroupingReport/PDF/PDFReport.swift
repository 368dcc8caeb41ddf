import CCairo
import GroupingCharts

/// A failure of Cairo while writing the PDF.
public struct PDFError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "PDF: \(message)" }
}

/// Renders a `ReportDocument` as a paged PDF with Cairo's PDF surface: title block, running
/// header, "Page n of N", tables that repeat their header across pages, vector charts,
/// embedded (subset) fonts, selectable text, an outline, and metadata from the run.
public enum PDFReport {
    /// The PDF's bytes.
    /// - Parameters:
    ///   - document: The report.
    ///   - paper: A4 or Letter; the document's `context.paper` when nil.
    /// - Throws: `PDFError` when Cairo reports an error.
    public static func render(_ document: ReportDocument, paper: PaperSize? = nil) throws -> [UInt8] {
        let size = (paper ?? document.context.paper).points
        let layout = PDFLayout.layout(
            document, pageWidth: size.width, pageHeight: size.height, measurer: CairoTextMeasurer())
        return try write(layout, document: document)
    }

    /// Lays the document out without drawing it (for tests and page counts).
    static func layout(_ document: ReportDocument, paper: PaperSize, measurer: TextMeasurer) -> PDFLayout {
        let size = paper.points
        return PDFLayout.layout(document, pageWidth: size.width, pageHeight: size.height, measurer: measurer)
    }

    private static func write(_ layout: PDFLayout, document: ReportDocument) throws -> [UInt8] {
        guard
            let result = try ByteSink.collect(
                create: { cairo_pdf_surface_create_for_stream($0, $1, layout.pageWidth, layout.pageHeight) },
                draw: { surface in try paint(layout, document: document, on: surface) })
        else { throw PDFError(message: "cannot create the PDF surface") }
        guard result.status == CAIRO_STATUS_SUCCESS else {
            throw PDFError(message: String(cString: cairo_status_to_string(result.status)))
        }
        return result.bytes
    }

    /// Metadata, outline and pages onto the PDF surface.
    private static func paint(_ layout: PDFLayout, document: ReportDocument, on surface: OpaquePointer) throws {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
        cairo_pdf_surface_set_metadata(
            surface, CAIRO_PDF_METADATA_SUBJECT, "Grouping selection for hierarchical Bayesian models")
        cairo_pdf_surface_set_metadata(
            surface, CAIRO_PDF_METADATA_CREATOR, "grouping-report \(document.context.toolVersion)")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, document.context.generatedAtISO)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, document.context.generatedAtISO)
        for mark in layout.sectionMarks {
            let link = "page=\(mark.page + 1) pos=[\(Int(layout.left)) \(Int(mark.y))]"
            cairo_pdf_surface_add_outline(
                surface, CAIRO_PDF_OUTLINE_ROOT, mark.title, link, cairo_pdf_outline_flags_t(0))
        }

        guard let context = cairo_create(surface) else { throw PDFError(message: "cannot create the drawing context") }
        defer { cairo_destroy(context) }
        let painter = PDFPainter(
            context: context, layout: layout, title: document.title,
            footerNote: "\(document.title) · \(document.context.generatedAtText)")
        painter.paint()
    }
}
