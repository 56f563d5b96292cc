import Annotation
import Foundation
import Resolution

/// A self-contained HTML page: the article with each place highlighted and its details on hover, and a
/// list of the places with a small map of where they lie.
public enum AnnotatedPage {
    public static func render(_ text: String, mentions: [Mention], title: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var body = ""
        var position = 0
        var places: [String: (ResolvedPlace, Int)] = [:]
        var order: [String] = []
        for mention in mentions where mention.start >= position && mention.end <= scalars.count {
            body += escape(String(String.UnicodeScalarView(scalars[position..<mention.start])))
            let span = escape(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])))
            if let resolved = mention.place {
                let place = resolved.place
                if places[place.id] == nil { order.append(place.id) }
                places[place.id, default: (resolved, 0)].1 += 1
                let details = [place.name, place.feature, [place.admin1Name, place.country].compactMap { $0 }.joined(separator: ", "),
                               String(format: "%.4f, %.4f", place.latitude, place.longitude),
                               "population \(place.population)", place.id,
                               "matched \(resolved.match.type.label) “\(resolved.match.name)” (\(resolved.match.language))",
                               String(format: "score %.2f", mention.score)]
                body += "<mark class=\"place\" data-id=\"\(escape(place.id))\">\(span)<span class=\"tip\">"
                    + details.map(escape).joined(separator: "<br>") + "</span></mark>"
            } else {
                body += "<mark class=\"unresolved\">\(span)<span class=\"tip\">a place name not in the gazetteer</span></mark>"
            }
            position = mention.end
        }
        body += escape(String(String.UnicodeScalarView(scalars[min(position, scalars.count)...])))
        let paragraphs = body.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { "<p>\($0)</p>" }.joined(separator: "\n")

        var list = ""
        var dots = ""
        let resolved = order.compactMap { places[$0] }
        let latitudes = resolved.map(\.0.place.latitude)
        let longitudes = resolved.map(\.0.place.longitude)
        let (minLat, maxLat) = (latitudes.min() ?? 0, latitudes.max() ?? 1)
        let (minLon, maxLon) = (longitudes.min() ?? 0, longitudes.max() ?? 1)
        let spanLat = max(maxLat - minLat, 0.5)
        let spanLon = max(maxLon - minLon, 0.5)
        for (index, (result, count)) in resolved.enumerated() {
            let place = result.place
            list += "<li><span class=\"n\">\(index + 1)</span> <b>\(escape(place.name))</b> "
                + "\(escape([place.admin1Name, place.country].compactMap { $0 }.joined(separator: ", "))) "
                + "<small>\(escape(place.feature)) · \(escape(place.id)) · named \(count)×</small></li>\n"
            let x = 20 + (place.longitude - minLon) / spanLon * 360
            let y = 20 + (maxLat - place.latitude) / spanLat * 200
            dots += "<circle cx=\"\(Int(x))\" cy=\"\(Int(y))\" r=\"6\"><title>\(escape(place.name))</title></circle>"
                + "<text x=\"\(Int(x) + 8)\" y=\"\(Int(y) + 4)\">\(index + 1)</text>"
        }
        return """
            <!DOCTYPE html>
            <html lang="und"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font: 16px/1.6 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
            header { background: #1d3557; color: white; padding: 12px 24px; }
            header h1 { font-size: 18px; margin: 0; }
            main { display: flex; gap: 24px; padding: 24px; align-items: flex-start; }
            article { flex: 3; background: white; padding: 8px 24px; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
            aside { flex: 2; background: white; padding: 8px 20px; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
            mark { position: relative; border-radius: 3px; padding: 0 2px; cursor: help; }
            mark.place { background: #ffe08a; }
            mark.unresolved { background: #ddd; }
            mark .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 2; min-width: 220px;
                        background: #1d2330; color: white; font-size: 13px; line-height: 1.4; padding: 6px 8px;
                        border-radius: 4px; white-space: normal; }
            mark:hover .tip { display: block; }
            ol { padding-left: 0; list-style: none; }
            li { margin: 6px 0; }
            .n { display: inline-block; width: 1.6em; text-align: center; background: #e63946; color: white;
                 border-radius: 50%; font-size: 12px; }
            svg { width: 100%; background: #eef3f8; border-radius: 6px; }
            svg circle { fill: #e63946; stroke: white; stroke-width: 2; }
            svg text { font-size: 12px; fill: #1d2330; }
            </style></head>
            <body><header><h1>\(escape(title)) — \(mentions.count) place mentions, \(order.count) places</h1></header>
            <main><article>
            \(paragraphs)
            </article>
            <aside><h2>Places</h2>
            <svg viewBox="0 0 400 240" role="img" aria-label="where the places lie">\(dots)</svg>
            <ol>
            \(list)</ol>
            <p><small>Place data © GeoNames (CC BY 4.0) and the gazetteer's curated overlay.</small></p>
            </aside></main></body></html>

            """
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
            default: result.append(character)
            }
        }
        return result
    }
}
