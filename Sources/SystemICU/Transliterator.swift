import CICU
import Synchronization

/// An ICU transliterator: a built-in transform such as `Armenian-Latin/BGN`, or one compiled from rules.
///
/// ICU transliterator handles are not thread-safe, and rule-based transliteration takes a process-wide
/// mutex inside ICU anyway: clones on two threads were measured to run no faster than one. So each
/// instance serialises its calls behind its own lock and is safe to share between tasks; callers that
/// need throughput memoise results per distinct input instead of transliterating every occurrence.
///
/// ```swift
/// let armenian = try Transliterator(id: "hy-hy_Latn/BGN")
/// armenian("Ջերմուկ")  // "Jermuk"
/// ```
package final class Transliterator: @unchecked Sendable {
    /// The transform ID, or the name given to custom rules.
    package let id: String
    private let handle: OpaquePointer
    /// The lock that serialises use of `handle`, guarding a work buffer reused by every call.
    private let scratch = Mutex(Scratch())

    /// A growable UTF-16 buffer ICU transforms in place.
    private struct Scratch: ~Copyable {
        var buffer = UnsafeMutablePointer<UInt16>.allocate(capacity: 256)
        var capacity = 256

        mutating func reserve(_ count: Int) {
            guard count > capacity else { return }
            buffer.deallocate()
            capacity = max(count, capacity * 2)
            buffer = .allocate(capacity: capacity)
        }

        deinit { buffer.deallocate() }
    }

    /// Opens a built-in transform by ID (`Any-Latin`, `ru-ru_Latn/BGN`, `Latin-ASCII; Lower` …).
    /// - Throws: ``ICUError/unknownTransform(id:status:)`` when ICU has no such transform.
    public init(id: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        let idUnits = Array(id.utf16)
        let opened = idUnits.withUnsafeBufferPointer { buffer in
            gz_utrans_open_id(buffer.baseAddress, Int32(buffer.count), &status)
        }
        guard let opened, !gz_failure(status) else {
            if let opened { gz_utrans_close(opened) }
            throw .unknownTransform(id: id, status: ICUError.statusName(status))
        }
        self.id = id
        self.handle = OpaquePointer(opened)
    }

    /// Compiles transform rules written in ICU's rule syntax.
    /// - Parameters:
    ///   - rules: the rule text (`#` starts a comment; `::Transform;` lines call other transforms).
    ///   - name: a name for error messages and ``id``.
    /// - Throws: ``ICUError/invalidRules(name:offset:context:status:)`` with the UTF-16 offset of the fault.
    public init(rules: String, name: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let idUnits = Array(name.utf16)
        let ruleUnits = Array(rules.utf16)
        let opened = idUnits.withUnsafeBufferPointer { idBuffer in
            ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                gz_utrans_open_rules(idBuffer.baseAddress, Int32(idBuffer.count), ruleBuffer.baseAddress,
                                     Int32(ruleBuffer.count), &parseError, &status)
            }
        }
        guard let opened, !gz_failure(status) else {
            if let opened { gz_utrans_close(opened) }
            let context = Self.context(of: parseError)
            throw .invalidRules(name: name, offset: Int(parseError.offset), context: context,
                                status: ICUError.statusName(status))
        }
        self.id = name
        self.handle = OpaquePointer(opened)
    }

    deinit { gz_utrans_close(UnsafeMutablePointer(handle)) }

    /// Transliterates `text`.
    package func callAsFunction(_ text: String) -> String {
        var units = Array(text.utf16)
        transliterate(&units)
        return UTF16Text.string(units)
    }

    /// Texts longer than this many UTF-16 code units go through a ``GapText``: linear time, at a higher
    /// cost per character than the plain buffer names need.
    static let gapTextThreshold = 2048

    /// Transliterates UTF-16 code units in place.
    /// - Complexity: O(*n*) in the length of `units`, for any rules.
    package func transliterate(_ units: inout [UInt16]) {
        transliterate(&units, throughGapText: units.count > Self.gapTextThreshold)
    }

    /// Transliterates through a ``GapText`` or through a plain buffer (which tests compare).
    func transliterate(_ units: inout [UInt16], throughGapText: Bool) {
        if units.isEmpty { return }
        if throughGapText {
            let text = GapText(units)
            let succeeded = scratch.withLock { _ in text.transliterate(with: handle) }
            if succeeded { units = text.units }
            return
        }
        scratch.withLock { scratch in
            var capacity = units.count * 2 + 16
            while true {
                scratch.reserve(capacity)
                units.withUnsafeBufferPointer { source in
                    scratch.buffer.update(from: source.baseAddress!, count: source.count)
                }
                var length = Int32(units.count)
                var limit = length
                var status = U_ZERO_ERROR
                gz_utrans_trans(UnsafeMutablePointer(handle), scratch.buffer, &length, Int32(scratch.capacity),
                                &limit, &status)
                if status == U_BUFFER_OVERFLOW_ERROR {
                    // ICU may have written part of the result over the input: start again with more room.
                    capacity = Int(length) + 16
                    continue
                }
                if gz_failure(status) { return }
                units.removeAll(keepingCapacity: true)
                units.append(contentsOf: UnsafeBufferPointer(start: scratch.buffer, count: Int(length)))
                return
            }
        }
    }

    private static func context(of error: UParseError) -> String {
        var pre = error.preContext
        var post = error.postContext
        let before = withUnsafeBytes(of: &pre) { Self.nulTerminated($0) }
        let after = withUnsafeBytes(of: &post) { Self.nulTerminated($0) }
        return before + after
    }

    private static func nulTerminated(_ raw: UnsafeRawBufferPointer) -> String {
        let units = raw.bindMemory(to: UInt16.self)
        let end = units.firstIndex(of: 0) ?? units.count
        return UTF16Text.string(UnsafeBufferPointer(rebasing: units[..<end]))
    }
}

