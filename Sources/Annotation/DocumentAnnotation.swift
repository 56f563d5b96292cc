/// Annotation of one long document given in consecutive windows, in memory bounded by the window rather
/// than the document.
///
/// Each window is annotated with what the windows before it said: the places they named (context for
/// choosing among namesakes) and the people they named (so that a surname alone stays a person). Offsets
/// count Unicode scalars from the start of the document. A document that fits in one window gets exactly
/// the mentions ``Annotator/annotate(_:options:each:)`` gives; a longer one, cut by ``DocumentWindows``
/// where no name can span the cut, gets the same spans, ranked without the context of later windows.
///
/// ```swift
/// let document = DocumentAnnotation(annotator: annotator)
/// for window in windows { try document.annotate(window) { print($0.start, $0.text) } }
/// ```
/// One per document; not shared between tasks.
package final class DocumentAnnotation {
    public let annotator: Annotator
    public let options: AnnotateOptions
    private var context = Annotator.DocumentContext()

    public init(annotator: Annotator, options: AnnotateOptions = AnnotateOptions()) {
        self.annotator = annotator
        self.options = options
    }

    /// Unicode scalars of the document annotated so far: where the next window starts.
    public var scalarOffset: Int { context.scalarOffset }

    /// Calls `body` with each place mention of the next window of the document, in order.
    /// - Throws: ``AnnotationError`` when a window is too large, or what `body` throws.
    public func annotate(_ window: String, each body: (Mention) throws -> Void) throws {
        try annotator.annotate(window: window, options: options, context: &context, each: body)
    }
}

/// Where to cut a document's UTF-8 text into windows for ``DocumentAnnotation``.
///
/// After a line feed whenever the window holds one: names never span a line (words of a name are joined
/// by one space or hyphen), and a line starts a sentence, so detection sees the same words either way.
/// A single line longer than a window is cut after a sentence's end (a full stop, exclamation or question
/// mark and a space after five ASCII letters, so never inside "St. Louis"), else after a space, and only as
/// a last resort inside a word (longer than any name) at a character boundary.
package enum DocumentWindows {
    /// About a megabyte: far beyond a news article, so that articles are annotated whole, and small
    /// enough that a window's words, facts and mentions take tens of megabytes.
    package static let defaultSize = 1 << 20

    /// The length of the first window of `bytes`: all of them when they fit in `limit`, else at most
    /// `limit` and at least half of it.
    package static func firstWindowLength(of bytes: UnsafeBufferPointer<UInt8>, limit: Int = defaultSize) -> Int {
        guard bytes.count > max(limit, 8) else { return bytes.count }
        let end = max(limit, 8)
        // Only the second half is searched, so that every window makes progress of at least half a window.
        let earliest = end / 2
        if let newline = lastIndex(in: bytes, from: earliest, to: end, where: { $0 == 0x0A }) { return newline + 1 }
        var index = end - 1
        while index > earliest {
            // ". X" after a word of five letters or more: not "St. Louis", whose dot detection reads across.
            if bytes[index - 1] == 0x20, [0x2E, 0x21, 0x3F].contains(bytes[index - 2]), endsLongWord(bytes, at: index - 2) {
                return index
            }
            index -= 1
        }
        if let space = lastIndex(in: bytes, from: earliest, to: end, where: { $0 == 0x20 }) { return space + 1 }
        // Never between a character's lead byte and its continuation bytes.
        index = end
        while index > earliest, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    private static func lastIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                  where matches: (UInt8) -> Bool) -> Int? {
        var index = end - 1
        while index >= start {
            if matches(bytes[index]) { return index }
            index -= 1
        }
        return nil
    }

    /// Whether the five bytes before `position` are ASCII letters.
    private static func endsLongWord(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position >= 5 else { return false }
        return (position - 5..<position).allSatisfy { (bytes[$0] | 0x20) &- 0x61 < 26 }
    }
}
