/// Places map labels beside their dots so that no two labels, and no label and dot, overlap: each label tries
/// the positions around its dot in a fixed order of preference and takes the first that is free and on the
/// canvas; a label with no free position is left out (its dot still names the place to a screen reader and on
/// hover, and the list beside the map has every place).
struct LabelLayout {
    /// A label to place: its text, its dot, and its size on the canvas.
    struct Request {
        var text: String
        var center: CanvasPoint
        var radius: Double
        var fontSize: Double
    }

    /// Where a label goes: the text's anchor point (baseline) and alignment, and the box it covers.
    struct Placement: Hashable {
        var x: Double
        var y: Double
        var anchor: String
        var box: CanvasRect
    }

    /// The free canvas.
    var bounds: CanvasRect
    /// What labels must not cover: dots and labels already placed.
    private(set) var taken: [CanvasRect] = []

    init(bounds: CanvasRect, obstacles: [CanvasRect] = []) {
        self.bounds = bounds
        self.taken = obstacles
    }

    /// The box of a dot, for `obstacles`.
    static func box(around center: CanvasPoint, radius: Double) -> CanvasRect {
        CanvasRect(minX: center.x - radius, minY: center.y - radius, maxX: center.x + radius, maxY: center.y + radius)
    }

    /// An estimate of a text's width: no font metrics without a browser, and labels are short.
    static func width(of text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.62 }

    /// Places one label, or returns nil when every position around its dot is taken or off the canvas.
    mutating func place(_ request: Request) -> Placement? {
        let width = Self.width(of: request.text, fontSize: request.fontSize)
        let height = request.fontSize * 1.15
        let gap = request.radius + 3
        let (x, y) = (request.center.x, request.center.y)
        // Right, left, above, below, then the corners: the order cartographers prefer for point labels; in a
        // crowd, the same a little farther out before giving up.
        for reach in [gap, gap + height * 0.6] {
            let candidates: [(Double, Double, String)] = [
                (x + reach, y + height * 0.35, "start"), (x - reach, y + height * 0.35, "end"),
                (x, y - reach - height * 0.25, "middle"), (x, y + reach + height * 0.8, "middle"),
                (x + reach * 0.75, y - reach * 0.75, "start"), (x + reach * 0.75, y + reach * 0.75 + height * 0.7, "start"),
                (x - reach * 0.75, y - reach * 0.75, "end"), (x - reach * 0.75, y + reach * 0.75 + height * 0.7, "end"),
            ]
            for (labelX, baseline, anchor) in candidates {
                if let placement = take(x: labelX, baseline: baseline, anchor: anchor, width: width, height: height) {
                    return placement
                }
            }
        }
        return nil
    }

    /// Places a label centred on its point (a country's name in its middle), or a line or two above or below
    /// it when that is taken; nil when all are.
    mutating func placeCentered(_ request: Request) -> Placement? {
        let height = request.fontSize * 1.15
        let width = Self.width(of: request.text, fontSize: request.fontSize)
        for shift in [0, -1.5, 1.5, -3, 3] {
            let baseline = request.center.y + height * (0.3 + shift)
            if let placement = take(x: request.center.x, baseline: baseline, anchor: "middle", width: width,
                                    height: height) {
                return placement
            }
        }
        return nil
    }

    private mutating func take(x: Double, baseline: Double, anchor: String, width: Double,
                               height: Double) -> Placement? {
        let left = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2
        let box = CanvasRect(minX: left, minY: baseline - height * 0.8, maxX: left + width, maxY: baseline + height * 0.2)
        guard bounds.contains(box), !taken.contains(where: { $0.intersects(box) }) else { return nil }
        taken.append(box)
        return Placement(x: x, y: baseline, anchor: anchor, box: box)
    }
}
