/// A growable set of non-negative integers: which geonameids a build has loaded.
///
/// Values below ``denseLimit`` take one bit each: twelve million GeoNames places take 1.5 MB this way,
/// against hundreds of megabytes as a `Set<Int>`. Larger values, which GeoNames does not use but a row may
/// carry, go to a plain set, so that one such row (geonameid 30000741240, found by fuzzing) cannot make a
/// build allocate gigabytes, or trap, in proportion to its number.
struct Bitset {
    /// 2^28 ids, 32 MB of bits at most: twenty times the largest geonameid GeoNames has given.
    static let denseLimit = 1 << 28

    private var words: [UInt64] = []
    private var sparse: Set<Int> = []

    /// Adds `value`; returns false when it was already there.
    mutating func insert(_ value: Int) -> Bool {
        precondition(value >= 0, "geonameids are checked to be positive before they get here")
        guard value < Self.denseLimit else { return sparse.insert(value).inserted }
        let word = value >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        let mask = UInt64(1) << UInt64(value & 63)
        if words[word] & mask != 0 { return false }
        words[word] |= mask
        return true
    }

    func contains(_ value: Int) -> Bool {
        guard value < Self.denseLimit else { return sparse.contains(value) }
        let word = value >> 6
        return value >= 0 && word < words.count && words[word] & (UInt64(1) << UInt64(value & 63)) != 0
    }
}
