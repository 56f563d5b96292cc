/// The number of names each place has been given so far in a build: a name's `seq` in its place, so that
/// `name` is keyed by (pid, seq) and a key index entry stores two bytes for its name instead of a row id.
///
/// GeoNames places count in an array by geonameid (two bytes a place: 26 MB for all of GeoNames, where a
/// dictionary of twelve million would take hundreds); curated and Who's On First places, numbered from
/// 2^40, and any larger number, in a dictionary.
struct NameSequences {
    /// Like ``Bitset/denseLimit``: a stray geonameid cannot make a build allocate in proportion to it.
    static let denseLimit = Bitset.denseLimit
    /// A place's names are numbered 0 … 65,534 (``KeyEntry`` stores the number in two bytes).
    static let maximumPerPlace = Int(UInt16.max)

    private var dense: [UInt16] = []
    private var sparse: [Int64: UInt16] = [:]

    /// The next number for a name of `pid`, or nil when the place has ``maximumPerPlace`` names already.
    mutating func next(for pid: Int64) -> UInt16? {
        guard pid >= 0, pid < Int64(Self.denseLimit) else {
            let count = sparse[pid, default: 0]
            guard count < UInt16.max else { return nil }
            sparse[pid] = count + 1
            return count
        }
        let index = Int(pid)
        if index >= dense.count {
            dense.append(contentsOf: repeatElement(0, count: max(index + 1 - dense.count, dense.count)))
        }
        let count = dense[index]
        guard count < UInt16.max else { return nil }
        dense[index] = count + 1
        return count
    }
}
