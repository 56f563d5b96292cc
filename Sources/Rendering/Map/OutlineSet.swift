import Foundation

/// Country outlines at one level of detail, read from a file of `Gazetteer/outlines/` (written by
/// `Scripts/refresh-outlines`, whose header describes the format).
public struct OutlineSet: Sendable {
    package var outlines: [Outline]

    public init(outlines: [Outline]) { self.outlines = outlines }

    /// The outlines whose box meets `box`.
    package func meeting(_ box: GeoBox) -> [Outline] { outlines.filter { $0.bounds.intersects(box) } }

    /// Reads an outline file.
    /// - Throws: ``OutlineError`` naming the file, line and field of the first fault.
    public init(contentsOf url: URL) throws(OutlineError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OutlineError(file: url.path, reason: "cannot read the outline file (run Scripts/refresh-outlines)")
        }
        try self.init(parsing: [UInt8](data), file: url.path)
    }

    /// Parses outline text; `file` names it in errors.
    /// - Throws: ``OutlineError`` naming the line and field of the first fault.
    public init(parsing text: String, file: String) throws(OutlineError) {
        try self.init(parsing: Array(text.utf8), file: file)
    }

    /// Parses the bytes of an outline file. It works on bytes, not `String`s: the detailed file has a million
    /// numbers, and reading them as substrings took over a second of every page.
    /// - Complexity: O(n) in the size of the file.
    init(parsing bytes: [UInt8], file: String, unitsPerDegree: Double = 1000) throws(OutlineError) {
        var outlines: [Outline] = []
        var number = 0
        var lineStart = 0
        while lineStart < bytes.count {
            number += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            func fault(_ reason: String) -> OutlineError { OutlineError(file: file, line: number, reason: reason) }
            var fields: [ArraySlice<UInt8>] = []
            var fieldStart = line.startIndex
            while let tab = line[fieldStart...].firstIndex(of: UInt8(ascii: "\t")) {
                fields.append(line[fieldStart..<tab])
                fieldStart = tab + 1
            }
            fields.append(line[fieldStart...])
            guard fields.count == 4 else {
                throw fault("expected 4 tab-separated fields (code, name, box, rings), found \(fields.count)")
            }
            guard let box = Self.integers(fields[2]), box.count == 4, box[0] <= box[2], box[1] <= box[3] else {
                throw fault("field 3 (box) must be four integers: west south east north")
            }
            var rings: [[Int32]] = []
            var ringStart = fields[3].startIndex
            while ringStart < fields[3].endIndex {
                let ringEnd = fields[3][ringStart...].firstIndex(of: UInt8(ascii: "|")) ?? fields[3].endIndex
                guard let numbers = Self.integers(fields[3][ringStart..<ringEnd]), numbers.count >= 6,
                      numbers.count.isMultiple(of: 2) else {
                    throw fault("field 4 (rings), ring \(rings.count + 1): expected an even count of at least 6 integers")
                }
                rings.append(numbers)
                ringStart = ringEnd + 1
            }
            let code = String(decoding: fields[0], as: UTF8.self)
            let bounds = GeoBox(west: Double(box[0]) / unitsPerDegree, south: Double(box[1]) / unitsPerDegree,
                                east: Double(box[2]) / unitsPerDegree, north: Double(box[3]) / unitsPerDegree)
            outlines.append(Outline(code: code == "--" ? "" : code, name: String(decoding: fields[1], as: UTF8.self),
                                    bounds: bounds, encodedRings: rings, unitsPerDegree: unitsPerDegree))
        }
        self.outlines = outlines
    }

    /// Space-separated decimal integers, or nil when anything else is there or one overflows.
    private static func integers(_ field: ArraySlice<UInt8>) -> [Int32]? {
        var result: [Int32] = []
        result.reserveCapacity(field.count / 3)
        var index = field.startIndex
        while index < field.endIndex {
            if field[index] == UInt8(ascii: " ") {
                index += 1
                continue
            }
            let negative = field[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            var value: Int64 = 0
            let first = index
            while index < field.endIndex, field[index] >= UInt8(ascii: "0"), field[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int64(field[index] - UInt8(ascii: "0"))
                guard value <= Int64(Int32.max) else { return nil }
                index += 1
            }
            guard index > first, index == field.endIndex || field[index] == UInt8(ascii: " ") else { return nil }
            result.append(Int32(negative ? -value : value))
        }
        return result
    }
}

/// The outlines a map draws: a coarse world for wide views and finer countries for regional ones.
public struct MapOutlines: Sendable {
    package var world: OutlineSet
    package var detailed: OutlineSet

    public init(world: OutlineSet, detailed: OutlineSet) {
        self.world = world
        self.detailed = detailed
    }

    /// Views wider than this many degrees of longitude use the world outlines: finer detail would not show.
    package static let detailedViewWidth = 40.0

    /// The outlines for a view: the ones meeting it, at the detail its width can show.
    package func outlines(for view: GeoBox) -> [Outline] {
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
