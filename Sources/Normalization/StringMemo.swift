import Foundation
import Synchronization

/// A bounded, thread-safe memo of values computed from strings: keys of names, answers to queries.
///
/// Names repeat: an article says "Jermuk" five times and a gazetteer build sees "Springfield" hundreds of
/// times. A memo hit costs a hash and a short lock, where computing the keys costs ICU round trips that
/// serialise on ICU's own mutex. Entries are found by a 64-bit FNV-1a hash of the text's UTF-8 bytes and
/// confirmed by comparing the bytes: `String`'s own hashing normalizes non-ASCII text first, which costs
/// more than the memo saves. The table is split into shards so that tasks rarely wait for each other,
/// and a full shard is simply emptied: an approximate LRU would cost more than recomputing a few keys.
public final class StringMemo<Value: Sendable>: Sendable {
    /// A class, so that a lookup copies one reference rather than every string of the entry.
    private final class Entry: Sendable {
        let text: String
        let tag: UInt8
        let value: Value

        init(text: String, tag: UInt8, value: Value) {
            self.text = text
            self.tag = tag
            self.value = value
        }
    }

    private final class Shard: Sendable {
        let table = Mutex<[UInt64: Entry]>([:])
    }

    private let shards: [Shard]
    private let shardCapacity: Int

    /// A memo of about `capacity` entries; 0 remembers nothing.
    public init(capacity: Int, shardCount: Int = 16) {
        shards = capacity > 0 ? (0..<shardCount).map { _ in Shard() } : []
        shardCapacity = max(1, capacity / shardCount)
    }

    /// The memoised value for `text` (with a small `tag` telling variants of the computation apart),
    /// computed and remembered on a miss.
    public func value(for text: String, tag: UInt8 = 0, compute: () throws -> Value) rethrows -> Value {
        if shards.isEmpty { return try compute() }
        var text = text
        let hash = text.withUTF8 { Self.fnv1a($0, tag: tag) }
        let shard = shards[Int(hash >> 60) % shards.count]
        let entry = shard.table.withLock { $0[hash] }
        if let entry, entry.tag == tag, Self.sameBytes(entry.text, text) { return entry.value }
        let value = try compute()
        shard.table.withLock { table in
            if table.count >= shardCapacity { table.removeAll(keepingCapacity: true) }
            table[hash] = Entry(text: text, tag: tag, value: value)
        }
        return value
    }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt8) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(tag)
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}
