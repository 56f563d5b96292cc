import Foundation
import GazetteerStore
import Resolution

/// A place to show on a map.
package struct MapPlace: Hashable, Sendable {
    /// Links the place's map mark to the other elements of the page that carry the same `data-place`.
    public var key: String
    public var name: String
    public var location: Coordinate
    /// ISO 3166-1 alpha-2 code of the country the place is in.
    public var country: String
    /// True for a country itself: the map highlights its outline rather than drawing a dot.
    package var isCountry: Bool
    /// How often the text names it: the dot's size.
    public var mentions: Int
    /// The id of the element that describes the place, for `aria-describedby`; nil for none.
    package var describedBy: String?

    public init(key: String, name: String, location: Coordinate, country: String, isCountry: Bool = false,
                mentions: Int = 1, describedBy: String? = nil) {
        self.key = key
        self.name = name
        self.location = location
        self.country = country
        self.isCountry = isCountry
        self.mentions = mentions
        self.describedBy = describedBy
    }
}

/// An inline SVG map of places: country outlines, a dot per place sized by its mentions, and labels.
///
/// It needs no script and no network. Each dot (and each named country) is focusable and carries the place's
/// `data-place` key, so a page can link it to the place's mentions; the map's style is ``PlaceMap/style``.
///
/// ```swift
/// let outlines = try MapOutlines.load(from: DataDirectory.resolve())
/// let svg = PlaceMap.svg(places: [MapPlace(key: "p1", name: "Goris",
///                                          location: Coordinate(latitude: 39.51, longitude: 46.34), country: "AM")],
///                        outlines: outlines)
/// ```
package enum PlaceMap {
    /// The map of `places`, framed to fit the dots (or, with only countries, their points) with a margin.
    package static func svg(places: [MapPlace], outlines: MapOutlines?, width: Double = 440) -> String {
        let dots = places.filter { !$0.isCountry }
        let frame = MapFrame.fitting((dots.isEmpty ? places : dots).map(\.location), width: width)
        return svg(places: places, outlines: outlines, frame: frame)
    }

    /// The map of `places` in a given frame.
    package static func svg(places: [MapPlace], outlines: MapOutlines?, frame: MapFrame) -> String {
        let canvas = CanvasRect(minX: 0, minY: 0, maxX: frame.width, maxY: frame.height)
        let named = Dictionary(places.filter(\.isCountry).map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })
        let involved = Set(places.map(\.country))
        let countries = (outlines?.outlines(for: frame.view) ?? []).compactMap { outline in
            CountryShape(outline, in: frame).map { (outline, $0) }
        }

        var land: [String] = []
        var highlighted: [String] = []
        for (outline, shape) in countries {
            if let place = named[outline.code] {
                highlighted.append("<g class=\"country named\" data-place=\"\(escape(place.key))\" tabindex=\"0\" "
                    + "role=\"img\" aria-label=\"\(escape(place.name)), \(times(place.mentions))\""
                    + describedBy(place) + "><path data-country=\"\(escape(outline.code))\" d=\"\(shape.path)\"/></g>")
            } else {
                let kind = involved.contains(outline.code) ? "country involved" : "country"
                let code = outline.code.isEmpty ? "" : " data-country=\"\(escape(outline.code))\""
                land.append("<path class=\"\(kind)\"\(code) d=\"\(shape.path)\"/>")
            }
        }

        // Big dots first, so small ones stay on top and clickable; labels go in order of importance.
        let placed = places.filter { !$0.isCountry }.map { ($0, frame.project($0.location)) }
            .filter { canvas.contains(LabelLayout.box(around: $0.1, radius: 0)) }
            .sorted { ($0.0.mentions, $1.0.name) > ($1.0.mentions, $0.0.name) }
        var layout = LabelLayout(bounds: canvas.insetBy(4),
                                 obstacles: placed.map { LabelLayout.box(around: $0.1, radius: radius($0.0.mentions)) })
        var dots: [String] = []
        var labels: [String] = []
        for (place, point) in placed {
            let r = radius(place.mentions)
            dots.append("<g class=\"dot\" data-place=\"\(escape(place.key))\" tabindex=\"0\" role=\"img\" "
                + "aria-label=\"\(escape(place.name)), \(times(place.mentions))\"\(describedBy(place))>"
                + "<circle cx=\"\(number(point.x))\" cy=\"\(number(point.y))\" r=\"\(number(r))\"/></g>")
            let request = LabelLayout.Request(text: place.name, center: point, radius: r, fontSize: labelSize)
            if let spot = layout.place(request) {
                labels.append("<text class=\"label\" data-place=\"\(escape(place.key))\" x=\"\(number(spot.x))\" "
                    + "y=\"\(number(spot.y))\" text-anchor=\"\(spot.anchor)\">\(escape(place.name))</text>")
            }
        }
        // Country names are context: they go where the places' labels left room.
        var countryLabels: [String] = []
        for (outline, shape) in countries.sorted(by: { $0.1.area > $1.1.area }) where shape.area > 1500 {
            let request = LabelLayout.Request(text: outline.name.uppercased(), center: shape.middle, radius: -3,
                                              fontSize: countryLabelSize)
            guard let spot = layout.placeCentered(request) else { continue }
            countryLabels.append("<text class=\"country-label\" x=\"\(number(spot.x))\" y=\"\(number(spot.y))\" "
                + "text-anchor=\"middle\">\(escape(outline.name.uppercased()))</text>")
        }

        let names = places.map(\.name)
        let summary = names.isEmpty ? "Map" : "Map of " + names.joined(separator: ", ")
        return """
            <svg class="map" viewBox="0 0 \(number(frame.width)) \(number(frame.height))" role="group" \
            aria-label="\(escape(summary))" xmlns="http://www.w3.org/2000/svg">\
            <rect class="sea" width="\(number(frame.width))" height="\(number(frame.height))"/>
            <g aria-hidden="true">\(land.joined())</g>
            \(highlighted.joined())
            <g aria-hidden="true">\(countryLabels.joined())</g>
            \(dots.joined())
            <g aria-hidden="true">\(labels.joined())</g>
            </svg>
            """
    }

    /// The dot's radius: its area grows with the mentions, up to a cap so one place cannot hide its neighbours.
    static func radius(_ mentions: Int) -> Double { min(3.5 + 2 * Double(max(mentions, 1) - 1).squareRoot(), 11) }

    static let labelSize = 12.0
    static let countryLabelSize = 10.0

    /// The map's CSS, for a page that embeds ``svg(places:outlines:width:)``.
    package static let style = """

        svg.map { display: block; width: 100%; height: auto; border-radius: 6px; background: #cfe3ef;
                  font: 12px system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
        svg.map .sea { fill: #cfe3ef; }
        svg.map .country { fill: #f4f1ea; stroke: #a69f92; stroke-width: .7; stroke-linejoin: round;
                           fill-rule: evenodd; }
        svg.map .country.involved { fill: #fbf7ec; }
        svg.map .country.named path { fill: #fbefc6; stroke: #a69f92; stroke-width: .9; fill-rule: evenodd; }
        svg.map .country-label { fill: #8a8376; font-size: 10px; letter-spacing: .12em; }
        svg.map .dot circle { fill: #c0392b; fill-opacity: .85; stroke: #fff; stroke-width: 1.5; }
        svg.map .label { fill: #1d2330; font-weight: 600; paint-order: stroke; stroke: #fffc; stroke-width: 3px;
                         stroke-linejoin: round; }
        svg.map [tabindex] { cursor: pointer; outline: none; }
        svg.map .dot.linked circle, svg.map .dot:focus circle { fill: #d39e00; stroke: #1d2330; stroke-width: 2; }
        svg.map .country.named.linked path, svg.map .country.named:focus path { fill: #ffe08a; stroke: #d39e00;
                                                                                stroke-width: 2; }
        svg.map .label.linked { fill: #7a4f00; }

        """

    private static func describedBy(_ place: MapPlace) -> String {
        place.describedBy.map { " aria-describedby=\"\(escape($0))\"" } ?? ""
    }

    private static func times(_ count: Int) -> String { count == 1 ? "named once" : "named \(count) times" }

    private static func escape(_ text: String) -> String { AnnotatedPage.escape(text) }

    /// A canvas coordinate with one decimal: a tenth of a pixel is finer than any screen shows.
    static func number(_ value: Double) -> String { tenths(Int((value * 10).rounded())) }

    /// A count of tenths as a decimal: 123 as "12.3", -5 as "-.5", 40 as "4".
    static func tenths(_ count: Int) -> String {
        let (whole, fraction) = (count.magnitude / 10, count.magnitude % 10)
        let sign = count < 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)" }
        return whole == 0 ? "\(sign).\(fraction)" : "\(sign)\(whole).\(fraction)"
    }
}

/// An outline as the map draws it: clipped to the canvas, simplified to its scale, and its SVG path.
struct CountryShape {
    var path: String
    /// Canvas area of the largest visible ring, and the middle of that ring's box: where a country label goes.
    var area: Double
    var middle: CanvasPoint

    /// Nil when nothing of the outline shows.
    init?(_ outline: Outline, in frame: MapFrame) {
        // Clipped a little outside the canvas, so the cut edges are never drawn.
        let bounds = CanvasRect(minX: -4, minY: -4, maxX: frame.width + 4, maxY: frame.height + 4)
        var path = ""
        var (largest, middle) = (0.0, CanvasPoint(x: 0, y: 0))
        for ring in outline.rings {
            let clipped = RingGeometry.clip(ring.map(frame.project), to: bounds)
            let simple = RingGeometry.simplify(clipped, tolerance: 0.4)
            let area = abs(RingGeometry.doubleArea(simple)) / 2
            guard simple.count >= 3, area >= 0.5 else { continue }
            path += Self.pathData(simple)
            if area > largest, let box = CanvasRect(around: simple) {
                (largest, middle) = (area, CanvasPoint(x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2))
            }
        }
        guard !path.isEmpty else { return nil }
        self.path = path
        self.area = largest
        self.middle = middle
    }

    /// A closed ring as SVG path data: the first point, then each step to the next in tenths of a unit, relative
    /// (`l`), which is about a third shorter than absolute points; steps that round to nothing are left out.
    static func pathData(_ ring: [CanvasPoint]) -> String {
        let points = ring.map { (Int(($0.x * 10).rounded()), Int(($0.y * 10).rounded())) }
        guard let first = points.first else { return "" }
        var data = "M\(PlaceMap.tenths(first.0)) \(PlaceMap.tenths(first.1))l"
        var previous = first
        for point in points.dropFirst() where point != previous {
            let (dx, dy) = (point.0 - previous.0, point.1 - previous.1)
            // A minus sign separates numbers by itself.
            data += (data.last == "l" ? "" : dx < 0 ? "" : " ") + PlaceMap.tenths(dx)
            data += (dy < 0 ? "" : " ") + PlaceMap.tenths(dy)
            previous = point
        }
        return data + "z"
    }
}
