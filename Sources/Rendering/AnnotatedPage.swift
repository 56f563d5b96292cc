import Annotation
import Foundation
import GazetteerStore
import Resolution

/// A self-contained HTML page: the article with each place highlighted, a map of the places, and a list of them
/// with links to a map site. Inline CSS and SVG only, so the page works offline and from a mail attachment; a
/// little script adds details on hover or focus and links each place's mentions, dot and list entry.
///
/// The details of a mention are not inside its marked text but referenced with `aria-describedby`, so copying
/// the article or reading it aloud gives the text as written.
package enum AnnotatedPage {
    /// The page for `text` and its mentions; `outlines` draws the countries under the map's dots (none: dots only).
    package static func render(_ text: String, mentions: [Mention], title: String, outlines: MapOutlines? = nil) -> String {
        var page = Writer()
        let article = page.article(text, mentions: mentions) + page.finishArticle()
        return page.header(title: title) + article + page.footer(outlines: outlines)
    }

    /// A page written piece by piece, for an article too long to hold: the article's HTML as its windows
    /// come, then the header (whose summary counts every mention), and the map, list of places and the
    /// mentions' details. The caller puts the header before the article.
    package struct Writer {
        private var article = Paragraphs()
        private var places = PlaceList()
        /// The hidden descriptions that marks point at with `aria-describedby`, in mention order.
        private var details: [String] = []

        public init() {}

        /// The article's HTML for `text`, its next window. Mention offsets count from the start of `text`.
        public mutating func article(_ text: String, mentions: [Mention]) -> String {
            let scalars = Array(text.unicodeScalars)
            func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
            var position = 0
            // Mentions are in text order; one that overlaps the previous is left out rather than nested.
            for mention in mentions where position <= mention.start && mention.start < mention.end
                && mention.end <= scalars.count {
                article.append(text: slice(position..<mention.start))
                // A paragraph break inside a span would split the <mark> across paragraphs.
                let span = escape(String(slice(mention.start..<mention.end).map { $0.isNewline ? " " : $0 }))
                let id = "m\(details.count + 1)"
                let key = places.add(mention)
                article.append(markup: mark(span, id: id, key: key, resolved: mention.place != nil))
                details.append("<div id=\"\(id)\">\(describe(mention))</div>")
                position = mention.end
            }
            article.append(text: slice(position..<scalars.count))
            return article.takeHTML()
        }

        /// The end of the article's last paragraph (or the note of an empty article), after its last window.
        package mutating func finishArticle() -> String {
            article.endLine()
            let rest = article.takeHTML()
            return article.isEmpty ? "<p>The article is empty.</p>\n" : rest
        }

        /// Everything before the article.
        public func header(title: String) -> String {
            let mentions = places.entries.reduce(0) { $0 + $1.count }
            var summary = "\(counted(mentions, "mention")) of \(counted(places.entries.count, "place"))"
            if !places.missing.isEmpty { summary += " · \(counted(places.missing.count, "name")) not in the gazetteer" }
            return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>\(escape(title))</title>
                <style>\(style)\(PlaceMap.style)\(interactionStyle)</style></head>
                <body><header><h1>\(escape(title))</h1><p>\(summary)</p></header>
                <main><article lang="und">

                """
        }

        /// Everything after the article: the map, the list of places and the details; `outlines` draws the
        /// countries under the map's dots (none: dots only).
        package func footer(outlines: MapOutlines? = nil) -> String {
            let map = places.entries.isEmpty ? nil : PlaceMap.svg(places: mapPlaces(places), outlines: outlines)
            var list = places.entries.enumerated().map { listItem($0.element, key: places.key($0.offset)) }
                .joined(separator: "\n")
            if places.entries.isEmpty { list = "<li>No places found.</li>" }
            var missing = ""
            if !places.missing.isEmpty {
                missing = "<h3>Not in the gazetteer</h3>\n<ul class=\"missing\">"
                    + places.missing.map { "<li><bdi>\(escape($0))</bdi></li>" }.joined() + "</ul>\n"
            }
            let about = places.entries.enumerated()
                .map { "<div id=\"\(places.key($0.offset))-about\">\(describe($0.element))</div>" }
            return """
                </article>
                <aside><h2>Places</h2>
                \(map.map { "<figure class=\"map\">\($0)</figure>" } ?? "")
                <ul class="places">
                \(list)
                </ul>
                \(missing)<p class="credit">Place data © GeoNames (CC BY 4.0) and the gazetteer’s curated overlay.
                Outlines: Natural Earth (public domain). Map links open OpenStreetMap.</p>
                </aside></main>
                <div class="details" hidden>
                \((details + about).joined(separator: "\n"))
                </div>
                <div id="tip" class="tip" role="tooltip" dir="ltr"></div>
                <script>\(interactionScript)</script></body></html>

                """
        }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A highlighted span, focusable so that a tap or the keyboard shows its details too; `key` links it to its
    /// place's dot and list entry.
    private static func mark(_ span: String, id: String, key: String?, resolved: Bool) -> String {
        let link = key.map { " data-place=\"\($0)\"" } ?? ""
        return "<mark class=\"\(resolved ? "place" : "unresolved")\" tabindex=\"0\"\(link) aria-describedby=\"\(id)\">"
            + span + "</mark>"
    }

    /// What the tooltip of a mention says: the place, where it is, and how the name matched.
    private static func describe(_ mention: Mention) -> String {
        guard let resolved = mention.place else { return "<b>not in the gazetteer</b><br>recognized as a place name" }
        let place = resolved.place
        let match = resolved.match
        var lines = [
            "<b>\(name(place))</b> · \(kind(of: place)) (\(escape(place.feature)))",
            escape(location(of: place)),
            coordinates(of: place) + (place.population > 0 ? " · pop.\u{A0}\(grouped(place.population))" : ""),
            "matched “<bdi>\(escape(match.name))</bdi>” (\(escape(match.language))), \(match.type.label)"
                + String(format: " · score\u{A0}%.2f", mention.score),
        ].filter { !$0.isEmpty }
        let others = unique(mention.alternatives.map { label(of: $0.place) }.filter { $0 != label(of: place) })
        if !others.isEmpty { lines.append("or: " + others.map { "<bdi>\(escape($0))</bdi>" }.joined(separator: "; ")) }
        return lines.joined(separator: "<br>")
    }

    /// What the tooltip of a place's dot says: the place, where it is, and how the article named it.
    private static func describe(_ entry: PlaceList.Entry) -> String {
        let place = entry.place
        return ["<b>\(name(place))</b> · \(kind(of: place))", escape(location(of: place)), coordinates(of: place),
                "named \(entry.count)× as " + entry.spellings.map { "<bdi>\(escape($0))</bdi>" }.joined(separator: ", ")]
            .filter { !$0.isEmpty }.joined(separator: "<br>")
    }

    /// The map's places: a country is its outline, anything else a dot at its point.
    private static func mapPlaces(_ places: PlaceList) -> [MapPlace] {
        places.entries.enumerated().map { index, entry in
            let place = entry.place
            return MapPlace(key: places.key(index), name: place.name,
                            location: Coordinate(latitude: place.latitude, longitude: place.longitude),
                            country: place.country, isCountry: place.featureClass == "A" && place.featureCode.hasPrefix("PCL"),
                            mentions: entry.count, describedBy: places.key(index) + "-about")
        }
    }

    private static func listItem(_ entry: PlaceList.Entry, key: String) -> String {
        let place = entry.place
        let zoom = place.featureClass == "A" ? 6 : 12
        let (lat, lon) = (String(format: "%.5f", place.latitude), String(format: "%.5f", place.longitude))
        let map = "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=\(zoom)/\(lat)/\(lon)"
        let spellings = entry.spellings.map { "<bdi>\(escape($0))</bdi>" }.joined(separator: ", ")
        return "<li data-place=\"\(key)\"><b>\(name(place))</b> <span class=\"kind\">\(kind(of: place))</span><br>"
            + [escape(location(of: place)), "<a href=\"\(escape(map))\">\(coordinates(of: place))</a>"]
                .filter { !$0.isEmpty }.joined(separator: " · ") + "<br>"
            + "<small>named \(entry.count)× as \(spellings) · \(escape(place.id))</small></li>"
    }

    private static func name(_ place: Place) -> String { "<bdi>\(escape(place.name))</bdi>" }

    /// Region and country, in words: "Syunik, Armenia"; a place is not repeated as its own region or country.
    private static func location(of place: Place) -> String {
        let country = countryName(place.country)
        return unique([place.admin1Name, country].compactMap { $0 }.filter { !$0.isEmpty && $0 != place.name })
            .joined(separator: ", ")
    }

    /// "Gori, Georgia": enough to tell same-named places apart.
    private static func label(of place: Place) -> String {
        [place.name, countryName(place.country)].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The English name of an ISO 3166-1 code (from the toolchain's CLDR data), or the code when it has none.
    private static func countryName(_ code: String) -> String { english.localizedString(forRegionCode: code) ?? code }

    private static let english = Locale(identifier: "en")

    private static func coordinates(of place: Place) -> String {
        String(format: "%.4f, %.4f", place.latitude, place.longitude)
    }

    /// The GeoNames feature as a reader would say it; the code itself is in the tooltip.
    private static func kind(of place: Place) -> String {
        switch (place.featureClass, place.featureCode) {
        case ("A", let code) where code.hasPrefix("PCL"): return "country"
        case ("A", _): return "administrative region"
        case ("P", "PPLC"): return "capital"
        case ("P", let code) where code.hasPrefix("PPLA"): return "regional centre"
        case ("P", _): return "town or village"
        case ("H", _): return "water"
        case ("T", _): return "mountain or landform"
        case ("L", _): return "area"
        case ("R", _): return "road or railway"
        case ("S", _): return "site or building"
        case ("U", _): return "undersea feature"
        case ("V", _): return "forest or heath"
        default: return "place"
        }
    }

    /// 1234567 as "1,234,567", the same whatever the machine's locale.
    private static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return (number < 0 ? "-" : "") + digits
    }

    private static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Readable on a phone and a wide screen: the place list sits beside the article and stays in view, or
    /// below it on a narrow screen, where a tooltip becomes a panel at the bottom so it is never cut off.
    private static let style = """

        * { box-sizing: border-box; }
        body { margin: 0; color: #1d2330; background: #f3f4f6;
               font: 17px/1.65 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Armenian",
                     "Noto Sans Georgian", "DejaVu Sans", sans-serif; }
        header { background: #1d3557; color: #fff; padding: 14px 24px; }
        header h1 { font-size: 19px; margin: 0; overflow-wrap: anywhere; }
        header p { font-size: 14px; margin: 2px 0 0; opacity: .85; }
        main { display: flex; gap: 24px; align-items: flex-start; max-width: 1240px; margin: 0 auto; padding: 24px; }
        article, aside { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px #0002; min-width: 0; }
        article { flex: 3 1 0; padding: 6px 28px; overflow-wrap: break-word; }
        aside { flex: 2 1 0; padding: 4px 20px 8px; position: sticky; top: 16px; max-height: calc(100vh - 32px);
                overflow: auto; font-size: 15px; line-height: 1.45; }
        h2 { font-size: 18px; margin: 14px 0 6px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        mark { position: relative; color: inherit; padding: 0 .12em; border-radius: 3px; cursor: help;
               -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        mark.place { background: #ffe08a; }
        mark.unresolved { background: #eceef2; border-bottom: 2px dashed #7b8496; border-radius: 3px 3px 0 0; }
        mark:hover, mark:focus { outline: 2px solid #d39e00; outline-offset: 0; }
        mark.unresolved:hover, mark.unresolved:focus { outline-color: #7b8496; }
        .tip { display: none; position: fixed; left: 0; top: 0; z-index: 3; width: max-content;
               max-width: 24em; padding: 7px 10px; border-radius: 6px; background: #1d2330; color: #fff;
               font-size: 13px; line-height: 1.45; text-align: left; white-space: normal; cursor: auto;
               box-shadow: 0 4px 14px #0004; }
        .tip.shown { display: block; }
        ul.places { list-style: none; padding: 0; margin: 0; }
        ul.places li { padding: 8px 0; border-top: 1px solid #e6e8ec; }
        ul.places li:first-child { border-top: 0; }
        .kind, small { color: #5b6474; }
        small { font-size: 13px; }
        a { color: #1d5fa8; }
        ul.missing { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }
        ul.missing li { background: #eceef2; border-bottom: 2px dashed #7b8496; padding: 0 6px; }
        .credit { font-size: 12px; color: #5b6474; margin-top: 16px; }
        @media (max-width: 800px) {
            main { flex-direction: column; align-items: stretch; gap: 12px; padding: 12px; }
            article, aside { flex: none; }
            article { padding: 2px 16px; }
            aside { position: static; max-height: none; overflow: visible; padding: 2px 16px 8px; }
            .tip { position: fixed; left: 8px; right: 8px; bottom: 8px; top: auto; width: auto; max-width: none;
                   font-size: 14px; }
        }

        """
}

/// The article as paragraphs, one per non-blank line, built from text and markup in reading order. A
/// paragraph's HTML is handed over as it grows, so that a line of megabytes is never held whole; only the
/// blank stretch at the start of a line waits, until it is known whether the line has any text.
private struct Paragraphs {
    /// HTML not yet taken.
    private var html = ""
    /// The start of the current line while it is all white space.
    private var blankStart = ""
    private var isOpen = false
    /// Whether no paragraph has been started yet.
    private(set) var isEmpty = true

    mutating func append(text: String) {
        for (index, piece) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if index > 0 { endLine() }
            append(markup: AnnotatedPage.escape(String(piece)), visible: piece.contains { !$0.isWhitespace })
        }
    }

    mutating func append(markup: String) { append(markup: markup, visible: true) }

    private mutating func append(markup: String, visible: Bool) {
        if isOpen {
            html += markup
        } else if visible {
            html += "<p dir=\"auto\">" + blankStart + markup
            blankStart = ""
            isOpen = true
            isEmpty = false
        } else {
            blankStart += markup
        }
    }

    mutating func endLine() {
        if isOpen { html += "</p>\n" }
        isOpen = false
        blankStart = ""
    }

    /// The HTML written since the last call.
    mutating func takeHTML() -> String {
        defer { html = "" }
        return html
    }
}

/// The places an article names, in order of first mention, with how each was written; and the names not found.
private struct PlaceList {
    struct Entry {
        var place: Place
        var spellings: [String]
        var count: Int
    }

    private(set) var entries: [Entry] = []
    private(set) var missing: [String] = []
    private var missingSeen: Set<String> = []
    private var index: [String: Int] = [:]

    /// Counts the mention; returns its place's key, or nil when it has no place.
    mutating func add(_ mention: Mention) -> String? {
        let spelling = mention.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let place = mention.place?.place else {
            if missingSeen.insert(spelling).inserted { missing.append(spelling) }
            return nil
        }
        if let position = index[place.id] {
            entries[position].count += 1
            if !entries[position].spellings.contains(spelling) { entries[position].spellings.append(spelling) }
            return key(position)
        }
        index[place.id] = entries.count
        entries.append(Entry(place: place, spellings: [spelling], count: 1))
        return key(entries.count - 1)
    }

    /// The key that links the elements of one place across the page (`data-place`): p1, p2… in order of first mention.
    func key(_ position: Int) -> String { "p\(position + 1)" }
}
