/// Breaks text into lines that fit a width.
enum TextWrapping {
    /// The lines of `text` in `font` no wider than `width`: breaks at spaces (and after "/",
    /// "," or "_" inside long words), keeps explicit newlines, and breaks a word that is wider
    /// than a whole line between characters so that nothing is ever cut off.
    /// - Parameter breakAnywhere: Break between any characters (hashes, paths).
    static func lines(
        _ text: String, font: PDFFont, width: Double, measurer: TextMeasurer, breakAnywhere: Bool = false
    ) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrapParagraph(
                String(paragraph), font: font, width: width, measurer: measurer, breakAnywhere: breakAnywhere)
        }
        return result.isEmpty ? [""] : result
    }

    private static func wrapParagraph(
        _ text: String, font: PDFFont, width: Double, measurer: TextMeasurer, breakAnywhere: Bool
    ) -> [String] {
        if breakAnywhere { return splitByCharacters(text, font: font, width: width, measurer: measurer) }
        var lines: [String] = []
        var current = ""
        // The line's width so far. Glyph advances add up (no kerning in Cairo's toy text API),
        // so a candidate line measures as the line, a space and the word: each word is
        // measured once instead of every growing prefix of its line.
        var currentWidth = 0.0
        let space = measurer.width(" ", font: font)
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = measurer.width(word, font: font)
            let candidateWidth = current.isEmpty ? wordWidth : currentWidth + space + wordWidth
            if candidateWidth <= width {
                current = current.isEmpty ? word : current + " " + word
                currentWidth = candidateWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if wordWidth <= width {
                current = word
                currentWidth = wordWidth
            } else {
                var pieces = splitByCharacters(word, font: font, width: width, measurer: measurer)
                current = pieces.removeLast()
                currentWidth = measurer.width(current, font: font)
                lines += pieces
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Greedy character-level split; every piece holds at least one character.
    private static func splitByCharacters(_ text: String, font: PDFFont, width: Double, measurer: TextMeasurer)
        -> [String]
    {
        var pieces: [String] = []
        var current = ""
        for character in text {
            let candidate = current + String(character)
            if !current.isEmpty, measurer.width(candidate, font: font) > width {
                pieces.append(current)
                current = String(character)
            } else {
                current = candidate
            }
        }
        pieces.append(current)
        return pieces
    }
}
