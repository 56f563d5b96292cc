import CICU

/// UTF-16 text in a gap buffer, handed to ICU transforms as a `UReplaceable`, so that transforming a long
/// text costs time linear in its length.
///
/// ICU transforms a plain `UChar` buffer in place: every replacement that changes the length moves the whole
/// rest of the buffer, so a rule such as `oo > | o` run over a million letters moves terabytes. A transform
/// works from left to right, so its replacements arrive at (nearly) increasing offsets: a gap kept at the last
/// edit makes each one cost the length of the edit. Reading through callbacks costs more per character than a
/// plain buffer, so ``Transliterator`` uses this only for long texts.
final class GapText {
    private var storage: UnsafeMutablePointer<UInt16>
    private var capacity: Int
    /// The gap is `storage[gapStart..<gapEnd]`; text lies before and after it.
    private var gapStart: Int
    private var gapEnd: Int

    init(_ units: [UInt16]) {
        let capacity = units.count + max(64, units.count / 4)
        let storage = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity)
        units.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: source.count) }
        }
        self.capacity = capacity
        self.storage = storage
        gapStart = units.count
        gapEnd = capacity
    }

    deinit { storage.deallocate() }

    /// The number of UTF-16 code units of the text.
    var count: Int { capacity - (gapEnd - gapStart) }

    /// The text's code units, in order.
    var units: [UInt16] {
        [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
            extract(0..<count, into: buffer.baseAddress!)
            initialized = count
        }
    }

    /// The code unit at `offset`, or U+FFFF outside the text (as ICU's own strings answer).
    func unit(at offset: Int) -> UInt16 {
        guard offset >= 0, offset < count else { return 0xFFFF }
        return offset < gapStart ? storage[offset] : storage[offset + gapEnd - gapStart]
    }

    /// The code point whose code units include `offset` (either half of a surrogate pair gives the pair).
    func scalar(at offset: Int) -> UInt32 {
        let unit = UInt32(unit(at: offset))
        if unit & 0xFC00 == 0xD800, offset + 1 < count {
            let next = UInt32(self.unit(at: offset + 1))
            if next & 0xFC00 == 0xDC00 { return 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00) }
        } else if unit & 0xFC00 == 0xDC00, offset > 0 {
            let previous = UInt32(self.unit(at: offset - 1))
            if previous & 0xFC00 == 0xD800 { return 0x10000 + ((previous - 0xD800) << 10) + (unit - 0xDC00) }
        }
        return unit
    }

    /// Replaces `range` with `count` code units from `text`.
    func replace(_ range: Range<Int>, with text: UnsafePointer<UInt16>?, count: Int) {
        moveGap(to: range.lowerBound)
        gapEnd += range.count
        reserveGap(count)
        if let text, count > 0 { (storage + gapStart).update(from: text, count: count) }
        gapStart += count
    }

    /// Copies `range` to `destination`, which has room for it.
    func extract(_ range: Range<Int>, into destination: UnsafeMutablePointer<UInt16>) {
        let beforeGap = max(0, min(range.upperBound, gapStart) - range.lowerBound)
        if beforeGap > 0 { destination.update(from: storage + range.lowerBound, count: beforeGap) }
        let rest = range.count - beforeGap
        if rest > 0 {
            let from = range.lowerBound + beforeGap + (gapEnd - gapStart)
            (destination + beforeGap).update(from: storage + from, count: rest)
        }
    }

    private func moveGap(to position: Int) {
        let gap = gapEnd - gapStart
        if position < gapStart {
            let moved = gapStart - position
            UnsafeMutableRawPointer(storage + position + gap)
                .copyMemory(from: storage + position, byteCount: moved * 2)
        } else if position > gapStart {
            let moved = position - gapStart
            UnsafeMutableRawPointer(storage + gapStart).copyMemory(from: storage + gapEnd, byteCount: moved * 2)
        }
        gapStart = position
        gapEnd = position + gap
    }

    private func reserveGap(_ needed: Int) {
        guard gapEnd - gapStart < needed else { return }
        let after = capacity - gapEnd
        let newCapacity = max(capacity * 2, count + needed + 64)
        let grown = UnsafeMutablePointer<UInt16>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: gapStart)
        (grown + newCapacity - after).update(from: storage + gapEnd, count: after)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
        gapEnd = newCapacity - after
    }

    /// The callbacks through which ICU reads and edits a `GapText`, passed as the `UReplaceable`. Computed:
    /// a struct of C function pointers is not `Sendable`, and building one costs nothing.
    static var callbacks: UReplaceableCallbacks {
        UReplaceableCallbacks(
        length: { text in Int32(GapText.of(text).count) },
        charAt: { text, offset in GapText.of(text).unit(at: Int(offset)) },
        char32At: { text, offset in UChar32(bitPattern: GapText.of(text).scalar(at: Int(offset))) },
        replace: { text, start, limit, replacement, length in
            GapText.of(UnsafePointer(text)).replace(Int(start)..<Int(limit), with: replacement, count: Int(length))
        },
        extract: { text, start, limit, destination in
            guard let destination else { return }
            GapText.of(UnsafePointer(text)).extract(Int(start)..<Int(limit), into: destination)
        },
        copy: { text, start, limit, destination in
            // Into a copy first: the destination may lie inside the range copied.
            let gapText = GapText.of(UnsafePointer(text))
            let length = Int(limit - start)
            let copied = [UInt16](unsafeUninitializedCapacity: length) { buffer, initialized in
                if length > 0 { gapText.extract(Int(start)..<Int(limit), into: buffer.baseAddress!) }
                initialized = length
            }
            copied.withUnsafeBufferPointer { buffer in
                gapText.replace(Int(destination)..<Int(destination), with: buffer.baseAddress, count: length)
            }
        })
    }

    /// Transforms the text with `handle`, an ICU transliterator the caller does not use meanwhile.
    /// - Returns: false when ICU reports a failure.
    func transliterate(with handle: OpaquePointer) -> Bool {
        var text: UReplaceable? = Unmanaged.passUnretained(self).toOpaque()
        var callbacks = Self.callbacks
        var limit = Int32(count)
        var status = U_ZERO_ERROR
        withUnsafeMutablePointer(to: &text) { text in
            gz_utrans_trans_replaceable(UnsafeMutablePointer(handle), text, &callbacks, &limit, &status)
        }
        return !gz_failure(status)
    }

    private static func of(_ text: UnsafePointer<UReplaceable?>?) -> GapText {
        Unmanaged<GapText>.fromOpaque(text!.pointee!).takeUnretainedValue()
    }
}
