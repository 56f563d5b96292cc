import GazetteerStore
import Resolution

/// The page `gazetteer serve` shows at `/`: paste or upload an article to see it annotated with its map (the
/// page of ``AnnotatedPage``), or type a name to see its ranked places, the reason for each and a map.
///
/// Plain HTML forms that work without script; a few lines of script only read an uploaded file into the
/// text box. No external assets, so the page works on a machine without network.
package enum ServicePage {
    /// The start page, with both forms empty.
    package static func home() -> String {
        page(title: "gazetteer", body: forms(query: ""))
    }

    /// The ranked places for a name, with a map of them, and the forms to ask again.
    public static func resolution(_ resolution: Resolution, outlines: MapOutlines?) -> String {
        let query = AnnotatedPage.escape(resolution.query)
        var body = "<section aria-labelledby=\"results\"><h2 id=\"results\">Places named “<bdi>\(query)</bdi>”</h2>\n"
        guard !resolution.results.isEmpty else {
            return page(title: "\(resolution.query) · gazetteer",
                        body: body + "<p>No place has this name.</p></section>" + forms(query: resolution.query))
        }
        let places = resolution.results.enumerated().map { index, result in
            MapPlace(key: "r\(index + 1)", name: result.place.name,
                     location: Coordinate(latitude: result.place.latitude, longitude: result.place.longitude),
                     country: result.place.country, mentions: max(1, resolution.results.count - index),
                     describedBy: "r\(index + 1)-about")
        }
        body += "<figure class=\"map\">\(PlaceMap.svg(places: places, outlines: outlines))</figure>\n<ol class=\"results\">\n"
        for (index, result) in resolution.results.enumerated() {
            body += item(result, key: "r\(index + 1)")
        }
        body += "</ol></section>" + forms(query: resolution.query)
        return page(title: "\(resolution.query) · gazetteer", body: body)
    }

    private static func item(_ result: ResolvedPlace, key: String) -> String {
        let place = result.place
        let match = result.match
        var how = "\(match.type.label) “<bdi>\(AnnotatedPage.escape(match.name))</bdi>” "
            + "(\(AnnotatedPage.escape(match.kind.rawValue)), \(AnnotatedPage.escape(match.language)), "
            + "\(AnnotatedPage.escape(match.source)))"
        if case let .fuzzy(distance, _) = match.type { how += " at distance \(distance)" }
        return """
            <li id="\(key)-about" data-place="\(key)"><b><bdi>\(AnnotatedPage.escape(place.label))</bdi></b>
            <span class="score">\(String(format: "%.3f", result.score))</span><br>
            <span class="how">\(how)</span><br>
            <span class="meta">\(AnnotatedPage.escape(place.feature)) · \(String(format: "%.4f, %.4f", place.latitude,
                place.longitude)) · population \(place.population) · \(AnnotatedPage.escape(place.id))</span></li>

            """
    }

    private static func forms(query: String) -> String {
        """
        <section aria-labelledby="annotate-title"><h2 id="annotate-title">Annotate an article</h2>
        <form method="post" action="/" enctype="application/x-www-form-urlencoded">
        <label for="text">Paste the article, or choose a text file</label>
        <textarea id="text" name="text" rows="10" required></textarea>
        <input type="file" id="file" accept=".txt,text/plain" aria-label="Text file to annotate">
        <button type="submit">Annotate</button>
        </form></section>
        <section aria-labelledby="resolve-title"><h2 id="resolve-title">Resolve a name</h2>
        <form method="get" action="/">
        <label for="q">A place name, in any spelling or script</label>
        <input id="q" name="q" value="\(AnnotatedPage.escape(query))" required placeholder="Cermuk, Джермук, Ջերմուկ">
        <button type="submit">Resolve</button>
        </form></section>

        """
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(AnnotatedPage.escape(title))</title>
        <style>\(style)\(PlaceMap.style)</style></head>
        <body><header><h1><a href="/">gazetteer</a></h1>
        <p>Place names in any spelling and script, resolved to places; places found in running text.</p></header>
        <main>
        \(body)
        </main>
        <footer>Place data © GeoNames and Who’s On First (CC BY 4.0); outlines: Natural Earth.
        <a href="/openapi.yaml">API</a></footer>
        <script>
        var file = document.getElementById("file");
        if (file) file.addEventListener("change", function () {
          if (!file.files.length) return;
          file.files[0].text().then(function (text) { document.getElementById("text").value = text; });
        });
        </script></body></html>

        """
    }

    private static let style = """
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f3f4f6; }
        header { background: #1f355e; color: #fff; padding: 12px 24px; }
        header a { color: #fff; text-decoration: none; } header p { margin: 0; opacity: .85; }
        main { max-width: 960px; margin: 0 auto; padding: 16px 24px; }
        section { background: #fff; border-radius: 8px; padding: 8px 20px 16px; margin: 16px 0;
                  box-shadow: 0 1px 3px rgba(0,0,0,.1); }
        label { display: block; margin: 4px 0; }
        textarea, input[type=text], #q { width: 100%; box-sizing: border-box; font: inherit; padding: 6px; }
        button { font: inherit; padding: 6px 16px; margin-top: 8px; }
        .results li { margin: 8px 0; } .score { color: #555; margin-left: 8px; }
        .how, .meta { font-size: 14px; color: #444; }
        figure.map { margin: 8px 0; max-width: 560px; }
        figure.map svg { width: 100%; height: auto; }
        footer { text-align: center; font-size: 13px; color: #555; padding: 16px; }
        @media print { form, footer { display: none; } section { box-shadow: none; } }

        """
}
