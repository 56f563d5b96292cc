/// The store's spatial index, `place_cell`: every place under the cell of a tenth-of-a-degree grid its point
/// is in. Cells are numbered row by row from the south-west corner, so the cells of a box in one row of the
/// grid are one range of numbers, and a query reads a few ranges of a WITHOUT ROWID table: about 12 bytes a
/// place, where SQLite's R*Tree took 48.
enum SpatialGrid {
    static let cellsPerDegree = 10.0
    static let rows = 1800
    static let columns = 3600

    /// The SQL expression of a `place` row's cell; the same arithmetic as ``row(_:)`` and ``column(_:)``, so
    /// that a place is always in the cells that a box holding its point covers.
    static let cellSQL = "min(\(rows - 1), CAST((\(StoredCoordinate.degrees("latitude")) + 90) * \(cellsPerDegree) "
        + "AS INTEGER)) * \(columns) + min(\(columns - 1), CAST((\(StoredCoordinate.degrees("longitude")) + 180) * "
        + "\(cellsPerDegree) AS INTEGER))"

    static func row(_ latitude: Double) -> Int {
        min(rows - 1, max(0, Int(((latitude + 90) * cellsPerDegree).rounded(.towardZero))))
    }

    static func column(_ longitude: Double) -> Int {
        min(columns - 1, max(0, Int(((longitude + 180) * cellsPerDegree).rounded(.towardZero))))
    }

    /// The ranges of cell numbers that cover a box (west ≤ east; the box does not wrap the antimeridian),
    /// adjacent ranges merged: a box as wide as the world is one range.
    static func cellRanges(south: Double, north: Double, west: Double, east: Double) -> [ClosedRange<Int>] {
        let (first, last) = (column(west), column(east))
        var ranges: [ClosedRange<Int>] = []
        for row in row(south)...row(max(south, north)) {
            let range = row * columns + first...row * columns + last
            if let previous = ranges.last, previous.upperBound + 1 == range.lowerBound {
                ranges[ranges.count - 1] = previous.lowerBound...range.upperBound
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }
}
