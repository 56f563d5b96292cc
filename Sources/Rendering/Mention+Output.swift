import Annotation
import Foundation
import Resolution

extension JSONWriter {
    /// M = `{"start", "end", "text", "score", "place": R | null, "alternatives": [R…], "reasons": [why…]}`.
    public mutating func mention(_ mention: Mention) {
        beginObject()
        key("start"); number(mention.start)
        key("end"); number(mention.end)
        key("text"); string(mention.text)
        key("score"); number(mention.score)
        key("place")
        if let place = mention.place { resolvedPlace(place) } else { null() }
        key("alternatives")
        beginArray()
        for alternative in mention.alternatives { resolvedPlace(alternative) }
        endArray()
        key("reasons")
        beginArray()
        for reason in mention.reasons { self.reason(reason) }
        endArray()
        endObject()
    }

    /// `{"type": "name" | "inflection" | "abbreviation" | "generic_word" | "demonym" | "supported_by_context"}`,
    /// with `stem`, `expansion` or `word` where the reason has one.
    private mutating func reason(_ reason: Mention.Reason) {
        beginObject()
        key("type")
        switch reason {
        case .name: string("name")
        case .inflection(let stem): string("inflection"); key("stem"); string(stem)
        case .abbreviation(let expansion): string("abbreviation"); key("expansion"); string(expansion)
        case .genericWord(let word): string("generic_word"); key("word"); string(word)
        case .demonym: string("demonym")
        case .supportedByContext: string("supported_by_context")
        }
        endObject()
    }

    /// The document object D (docs/schema/document.schema.json): `{"document", "mentions": [M…], "summary"}`,
    /// with `document` (the input's name) only when given.
    public mutating func annotation(_ mentions: [Mention], document: String? = nil) {
        beginAnnotation(document: document)
        var summary = DocumentSummary()
        for mention in mentions {
            self.mention(mention)
            summary.add(mention)
        }
        endAnnotation(summary: summary)
    }

    /// Opens a document object up to its `mentions` array; write each mention with ``mention(_:)`` and close
    /// with ``endAnnotation(summary:)``, to stream a long document's mentions.
    package mutating func beginAnnotation(document: String? = nil) {
        beginObject()
        if let document { key("document"); string(document) }
        key("mentions")
        beginArray()
    }

    /// Closes the `mentions` array, writes the summary and closes the document object.
    package mutating func endAnnotation(summary: DocumentSummary) {
        endArray()
        key("summary")
        beginObject()
        key("countries"); summaryEntries(summary.countries, division: false)
        key("divisions"); summaryEntries(summary.divisions, division: true)
        key("places"); summaryEntries(summary.places, division: false)
        endObject()
        endObject()
    }

    private mutating func summaryEntries(_ entries: [DocumentSummary.Entry], division: Bool) {
        beginArray()
        for entry in entries {
            beginObject()
            key("id"); entry.id.isEmpty ? null() : string(entry.id)
            key("name"); string(entry.name)
            key("country"); string(entry.country)
            if division { key("admin1_code"); string(entry.admin1Code) }
            key("mentions"); number(entry.mentions)
            endObject()
        }
        endArray()
    }

    /// GeoJSON Features, one per resolved place, with the mentions that name it.
    package mutating func annotationFeatures(_ mentions: [Mention], document: String?, first: inout Bool) {
        var order: [String] = []
        var byPlace: [String: (ResolvedPlace, [Mention])] = [:]
        for mention in mentions {
            guard let place = mention.place else { continue }
            if byPlace[place.place.id] == nil { order.append(place.place.id) }
            byPlace[place.place.id, default: (place, [])].1.append(mention)
        }
        for id in order {
            guard let (resolved, named) = byPlace[id] else { continue }
            if !first { raw(",") }
            first = false
            let place = resolved.place
            beginPointFeature(place)
            if let document { key("document"); string(document) }
            placeFields(place)
            key("mentions")
            beginArray()
            for mention in named {
                beginObject()
                key("start"); number(mention.start)
                key("end"); number(mention.end)
                key("text"); string(mention.text)
                key("score"); number(mention.score)
                endObject()
            }
            endArray()
            endObject()
            endObject()
        }
    }
}

/// The article for a terminal, each mention marked inline: `Goris⟦Goris, AM⟧`, with the article's own control
/// characters made visible (``TerminalText``).
package enum AnnotatedText {
    package static func render(_ text: String, mentions: [Mention], color: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        for mention in mentions where mention.start >= position && mention.end <= scalars.count {
            TerminalText.append(scalars[position..<mention.start], to: &output)
            let span = TerminalText.sanitized(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])))
            let label = TerminalText.sanitized(mention.place.map { "\($0.place.name), \($0.place.country)" } ?? "?")
            let marked = color ? "\u{1B}[1;32m\(span)\u{1B}[0m\u{1B}[2m⟦\(label)⟧\u{1B}[0m" : "\(span)⟦\(label)⟧"
            output.append(contentsOf: marked.unicodeScalars)
            position = mention.end
        }
        TerminalText.append(scalars[min(position, scalars.count)...], to: &output)
        return String(output)
    }
}
