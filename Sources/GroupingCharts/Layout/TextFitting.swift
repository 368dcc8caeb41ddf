/// Shortening and wrapping text to a width, measured through a renderer.
public enum TextFitting {
    /// The ellipsis appended to shortened text.
    public static let ellipsis = "…"

    /// `text` if it fits in `maxWidth`, else its longest prefix that fits with "…" appended.
    ///
    /// - Complexity: O(log n) measurements (binary search on the prefix length).
    public static func truncate(_ text: String, toWidth maxWidth: Double, font: Font, renderer: Renderer) -> String {
        if renderer.measureText(text, font: font).width <= maxWidth { return text }
        let characters = Array(text)
        var low = 0
        var high = characters.count
        while low < high {
            let mid = (low + high + 1) / 2
            let candidate = String(characters[0..<mid]).trimmingTrailingSpaces + ellipsis
            if renderer.measureText(candidate, font: font).width <= maxWidth { low = mid } else { high = mid - 1 }
        }
        return low == 0 ? ellipsis : String(characters[0..<low]).trimmingTrailingSpaces + ellipsis
    }

    /// `text` if it fits, else its start and end around "…" (keeps suffixes such as the
    /// "_Q3" of a crossed label, which tell similar labels apart).
    ///
    /// - Complexity: O(log n) measurements.
    public static func truncateMiddle(_ text: String, toWidth maxWidth: Double, font: Font, renderer: Renderer)
        -> String
    {
        if renderer.measureText(text, font: font).width <= maxWidth { return text }
        let characters = Array(text)
        func candidate(_ kept: Int) -> String {
            let tail = kept / 2
            let head = kept - tail
            return String(characters[0..<head]) + ellipsis + String(characters[(characters.count - tail)...])
        }
        var low = 0
        var high = characters.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if renderer.measureText(candidate(mid), font: font).width <= maxWidth { low = mid } else { high = mid - 1 }
        }
        return candidate(low)
    }

    /// Shortens each label to `maxWidth` at its end; labels that would then read the same
    /// as another, different label are shortened in the middle instead, so they stay apart.
    public static func truncateDistinctly(
        _ labels: [String], toWidth maxWidth: Double, font: Font, renderer: Renderer
    ) -> [String] {
        var shortened = labels.map { truncate($0, toWidth: maxWidth, font: font, renderer: renderer) }
        var originals: [String: Set<String>] = [:]
        for (label, short) in zip(labels, shortened) { originals[short, default: []].insert(label) }
        for index in shortened.indices where (originals[shortened[index]]?.count ?? 0) > 1 {
            shortened[index] = truncateMiddle(labels[index], toWidth: maxWidth, font: font, renderer: renderer)
        }
        return shortened
    }

    /// Splits `text` into at most `maxLines` lines no wider than `maxWidth`, breaking at
    /// spaces (and after "_", "-", "/" for identifiers); the last line is shortened with
    /// "…" when the text does not fit. A single word wider than the width is shortened.
    public static func wrap(
        _ text: String, toWidth maxWidth: Double, maxLines: Int, font: Font, renderer: Renderer
    ) -> [String] {
        let words = breakableWords(text)
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current + word
            if current.isEmpty || renderer.measureText(candidate.trimmingTrailingSpaces, font: font).width <= maxWidth {
                current = candidate
                index += 1
            } else {
                lines.append(current.trimmingTrailingSpaces)
                current = ""
                if lines.count == maxLines - 1 {
                    current = words[index...].joined()
                    index = words.count
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current.trimmingTrailingSpaces) }
        return lines.prefix(maxLines).map { truncate($0, toWidth: maxWidth, font: font, renderer: renderer) }
    }

    /// Pieces that keep their trailing separator, so joining them gives back the text.
    private static func breakableWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " || character == "_" || character == "-" || character == "/" {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
