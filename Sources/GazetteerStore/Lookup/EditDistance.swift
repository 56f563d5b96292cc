/// Edit distances between keys.
package enum EditDistance {
    /// The optimal-string-alignment Damerau–Levenshtein distance between `a` and `b` (insertions,
    /// deletions, substitutions and adjacent transpositions), counted in Unicode scalars. Stops early and
    /// returns `limit + 1` once the distance is sure to exceed `limit`.
    ///
    /// Ranking measures every transliteration candidate of a span this way, so nothing is allocated on the
    /// heap for short keys: ASCII keys (nearly all) are compared as their bytes, others as their scalars, and
    /// the three rows of the table live on the stack.
    package static func damerauLevenshtein(_ a: String, _ b: String, limit: Int = .max) -> Int {
        var a = a
        var b = b
        if a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) {
            return a.withUTF8 { x in b.withUTF8 { y in distance(x, y, limit: limit) } }
        }
        let x = a.unicodeScalars.map(\.value)
        let y = b.unicodeScalars.map(\.value)
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in distance(x, y, limit: limit) } }
    }

    private static func distance<T: Equatable>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>,
                                               limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var previous2 = rows.baseAddress!
            var previous = previous2 + width
            var current = previous + width
            previous2.initialize(repeating: 0, count: width)
            for j in 0..<width { previous[j] = j }
            current.initialize(repeating: 0, count: width)
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = current[0]
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return previous[b.count]
        }
    }
}
