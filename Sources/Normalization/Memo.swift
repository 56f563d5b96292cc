import Foundation
import Synchronization

/// A key a ``Memo`` can hold: hashed and compared by the memo's own cheap means.
///
/// Public, as ``Memo`` is (Normalization is no product, so this widens no library's API): the compiler
/// specializes an `@inlinable` generic in its clients only when it is public, not when it is `package`.
public protocol MemoKey: Sendable {
    /// A 64-bit hash, mixed with a small `tag` telling variants of one computation apart.
    func memoHash(tag: UInt8) -> UInt64
    func memoEquals(_ other: Self) -> Bool
}

extension String: MemoKey {
    /// FNV-1a of the UTF-8 bytes: `String`'s own hashing normalizes non-ASCII text first, which costs more
    /// than the memo saves.
    @inlinable
    public func memoHash(tag: UInt8) -> UInt64 {
        var text = self
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(tag)
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    @inlinable
    public func memoEquals(_ other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}

extension Int64: MemoKey {
    /// A multiplicative mix, so that consecutive row ids spread over the shards.
    @inlinable
    public func memoHash(tag: UInt8) -> UInt64 {
        (UInt64(bitPattern: self) ^ UInt64(tag) << 56) &* 0x9E37_79B9_7F4A_7C15
    }

    @inlinable
    public func memoEquals(_ other: Int64) -> Bool { self == other }
}

/// A bounded, thread-safe memo of values computed from strings or row ids: keys of names, answers to
/// queries, places by id.
///
/// Names repeat: an article says "Jermuk" five times and a gazetteer build sees "Springfield" hundreds of
/// times. A memo hit costs a hash and a short lock, where computing the keys costs ICU round trips that
/// serialise on ICU's own mutex. Entries are found by the key's 64-bit ``MemoKey/memoHash(tag:)`` and
/// confirmed by comparing keys. The table is split into shards so that tasks rarely wait for each other,
/// and a full shard is simply emptied: an approximate LRU would cost more than recomputing a few values.
public final class Memo<Key: MemoKey, Value: Sendable>: Sendable {
    /// A class, so that a lookup copies one reference rather than every string of the entry.
    @usableFromInline final class Entry: Sendable {
        @usableFromInline let key: Key
        @usableFromInline let tag: UInt8
        @usableFromInline let value: Value

        @usableFromInline init(key: Key, tag: UInt8, value: Value) {
            self.key = key
            self.tag = tag
            self.value = value
        }
    }

    @usableFromInline final class Shard: Sendable {
        @usableFromInline let table = Mutex<[UInt64: Entry]>([:])

        @usableFromInline init() {}

        @inlinable func value(hash: UInt64, key: Key, tag: UInt8) -> Value? {
            guard let entry = table.withLock({ $0[hash] }), entry.tag == tag, entry.key.memoEquals(key) else { return nil }
            return entry.value
        }
    }

    @usableFromInline let shards: [Shard]
    @usableFromInline let shardCapacity: Int

    /// A memo of about `capacity` entries; 0 remembers nothing.
    public init(capacity: Int, shardCount: Int = 16) {
        shards = capacity > 0 ? (0..<shardCount).map { _ in Shard() } : []
        shardCapacity = max(1, capacity / shardCount)
    }

    /// The memoised value for `key` (with a small `tag` telling variants of the computation apart),
    /// computed and remembered on a miss. Inlinable and always inlined, so that clients specialize it for
    /// their types: an unspecialized lookup pays for generic metadata, witness calls and generic dictionary
    /// operations (callgrind: about 7 k instructions a lookup, while the memo was `package` and no client
    /// could specialize it).
    @inlinable @inline(__always)
    public func value(for key: Key, tag: UInt8 = 0, compute: () throws -> Value) rethrows -> Value {
        if shards.isEmpty { return try compute() }
        let hash = key.memoHash(tag: tag)
        let shard = shards[Int(hash >> 60) % shards.count]
        if let value = shard.value(hash: hash, key: key, tag: tag) { return value }
        let value = try compute()
        shard.table.withLock { table in
            if table.count >= shardCapacity { table.removeAll(keepingCapacity: true) }
            table[hash] = Entry(key: key, tag: tag, value: value)
        }
        return value
    }

    /// The value remembered for `key` and `tag`, if any, without computing it: for callers that answer what
    /// is remembered at once and send the rest to be computed elsewhere.
    @inlinable
    public func remembered(for key: Key, tag: UInt8 = 0) -> Value? {
        if shards.isEmpty { return nil }
        let hash = key.memoHash(tag: tag)
        return shards[Int(hash >> 60) % shards.count].value(hash: hash, key: key, tag: tag)
    }
}

/// A memo of values computed from strings.
public typealias StringMemo<Value: Sendable> = Memo<String, Value>
