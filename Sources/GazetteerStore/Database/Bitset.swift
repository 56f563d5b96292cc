/// A growable set of non-negative integers, one bit each: which geonameids a build has loaded. Twelve
/// million GeoNames places take 1.5 MB this way, against hundreds of megabytes as a `Set<Int>`.
struct Bitset {
    private var words: [UInt64] = []

    /// Adds `value`; returns false when it was already there.
    mutating func insert(_ value: Int) -> Bool {
        let word = value >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        let mask = UInt64(1) << UInt64(value & 63)
        if words[word] & mask != 0 { return false }
        words[word] |= mask
        return true
    }

    func contains(_ value: Int) -> Bool {
        let word = value >> 6
        return value >= 0 && word < words.count && words[word] & (UInt64(1) << UInt64(value & 63)) != 0
    }
}
