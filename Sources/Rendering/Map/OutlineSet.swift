import Foundation

/// Country outlines at one level of detail, read from a file of `Gazetteer/outlines/` (written by
/// `Scripts/refresh-outlines`, whose header describes the format).
public struct OutlineSet: Sendable {
    public var outlines: [Outline]

    public init(outlines: [Outline]) { self.outlines = outlines }

    /// The outlines whose box meets `box`.
    public func meeting(_ box: GeoBox) -> [Outline] { outlines.filter { $0.bounds.intersects(box) } }

    /// Reads an outline file.
    /// - Throws: ``OutlineError`` naming the file, line and field of the first fault.
    public init(contentsOf url: URL) throws(OutlineError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OutlineError(file: url.path, reason: "cannot read the outline file (run Scripts/refresh-outlines)")
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), file: url.path)
    }

    /// Parses outline text; `file` names it in errors.
    /// - Throws: ``OutlineError`` naming the line and field of the first fault.
    public init(parsing text: String, file: String, unitsPerDegree: Double = 1000) throws(OutlineError) {
        var outlines: [Outline] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fault(_ reason: String) -> OutlineError { OutlineError(file: file, line: number, reason: reason) }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else { throw fault("expected 4 tab-separated fields (code, name, box, rings), found \(fields.count)") }
            let box = fields[2].split(separator: " ").compactMap { Int32($0) }
            guard box.count == 4, box[0] <= box[2], box[1] <= box[3] else {
                throw fault("field 3 (box) must be four integers: west south east north")
            }
            var rings: [[Int32]] = []
            for (index, ring) in fields[3].split(separator: "|").enumerated() {
                let parts = ring.split(separator: " ")
                let numbers = parts.compactMap { Int32($0) }
                guard numbers.count == parts.count, numbers.count >= 6, numbers.count.isMultiple(of: 2) else {
                    throw fault("field 4 (rings), ring \(index + 1): expected an even count of at least 6 integers")
                }
                rings.append(numbers)
            }
            let code = fields[0] == "--" ? "" : String(fields[0])
            let bounds = GeoBox(west: Double(box[0]) / unitsPerDegree, south: Double(box[1]) / unitsPerDegree,
                                east: Double(box[2]) / unitsPerDegree, north: Double(box[3]) / unitsPerDegree)
            outlines.append(Outline(code: code, name: String(fields[1]), bounds: bounds, encodedRings: rings,
                                    unitsPerDegree: unitsPerDegree))
        }
        self.outlines = outlines
    }
}

/// The outlines a map draws: a coarse world for wide views and finer countries for regional ones.
public struct MapOutlines: Sendable {
    public var world: OutlineSet
    public var detailed: OutlineSet

    public init(world: OutlineSet, detailed: OutlineSet) {
        self.world = world
        self.detailed = detailed
    }

    /// Views wider than this many degrees of longitude use the world outlines: finer detail would not show.
    public static let detailedViewWidth = 40.0

    /// The outlines for a view: the ones meeting it, at the detail its width can show.
    public func outlines(for view: GeoBox) -> [Outline] {
        (view.width > Self.detailedViewWidth ? world : detailed).meeting(view)
    }

    /// Reads `outlines/world-110m.txt` and `outlines/countries-10m.txt` from the data folder.
    /// - Throws: ``OutlineError`` when a file is missing or malformed.
    public static func load(from folder: URL) throws(OutlineError) -> MapOutlines {
        let outlines = folder.appendingPathComponent("outlines")
        return MapOutlines(world: try OutlineSet(contentsOf: outlines.appendingPathComponent("world-110m.txt")),
                           detailed: try OutlineSet(contentsOf: outlines.appendingPathComponent("countries-10m.txt")))
    }
}
