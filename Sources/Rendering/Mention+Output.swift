import Annotation
import Foundation
import Resolution

extension JSONWriter {
    /// M = `{"start", "end", "text", "score", "place": R | null, "alternatives": [R…]}`.
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
        endObject()
    }

    /// `{"mentions": [M…]}`, with `"source"` first when given.
    public mutating func annotation(_ mentions: [Mention], source: String? = nil) {
        beginAnnotation(source: source)
        for mention in mentions { self.mention(mention) }
        endAnnotation()
    }

    /// Opens `{"mentions": [`, with `"source"` first when given; write each mention with ``mention(_:)``
    /// and close with ``endAnnotation()``, to stream a long document's mentions.
    public mutating func beginAnnotation(source: String? = nil) {
        beginObject()
        if let source { key("source"); string(source) }
        key("mentions")
        beginArray()
    }

    public mutating func endAnnotation() {
        endArray()
        endObject()
    }

    /// GeoJSON Features, one per resolved place, with the mentions that name it.
    public mutating func annotationFeatures(_ mentions: [Mention], source: String?, first: inout Bool) {
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
            beginObject()
            key("type"); string("Feature")
            key("geometry")
            beginObject()
            key("type"); string("Point")
            key("coordinates"); beginArray(); number(place.longitude); number(place.latitude); endArray()
            endObject()
            key("properties")
            beginObject()
            if let source { key("source"); string(source) }
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
public enum AnnotatedText {
    public static func render(_ text: String, mentions: [Mention], color: Bool) -> String {
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
