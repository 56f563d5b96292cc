import CICU

/// The kind of a segment found by word-break iteration (ICU's rule status ranges).
package enum WordKind: Sendable, Equatable {
    /// Spaces, punctuation and symbols.
    case none
    case number
    /// Words of letters, in any alphabet.
    case letter
    case kana
    case ideographic
}

/// UAX #29 word segmentation by the system ICU.
///
/// A break iterator holds the text it walks, so it is not shared between tasks: each task makes its own
/// (opening one costs microseconds; resetting its text is cheap).
package final class WordBreaker {
    private let handle: OpaquePointer

    public init() {
        var status = U_ZERO_ERROR
        guard let iterator = gz_ubrk_open_word(&status), !gz_failure(status) else {
            preconditionFailure("The system ICU cannot open a word break iterator (\(ICUError.statusName(status)))")
        }
        handle = iterator
    }

    deinit { gz_ubrk_close(handle) }

    /// Calls `body` with each segment of `units` (offsets in UTF-16 code units) and its kind, in order.
    /// The segments tile the text: each one starts where the previous ended.
    package func segments(of units: UnsafeBufferPointer<UInt16>, _ body: (Range<Int>, WordKind) -> Void) {
        guard let base = units.baseAddress, units.count > 0 else { return }
        var status = U_ZERO_ERROR
        gz_ubrk_set_text(handle, base, Int32(units.count), &status)
        guard !gz_failure(status) else { return }
        var start = Int(gz_ubrk_first(handle))
        while true {
            let end = Int(gz_ubrk_next(handle))
            if end < 0 { break }
            body(start..<end, Self.kind(gz_ubrk_rule_status(handle)))
            start = end
        }
    }

    /// The segments of `text` as substrings with their kinds.
    package func segments(of text: String) -> [(text: Substring, kind: WordKind)] {
        let units = Array(text.utf16)
        var result: [(Substring, WordKind)] = []
        units.withUnsafeBufferPointer { buffer in
            segments(of: buffer) { range, kind in
                let utf16 = text.utf16
                let lower = utf16.index(utf16.startIndex, offsetBy: range.lowerBound)
                let upper = utf16.index(lower, offsetBy: range.count)
                result.append((text[lower..<upper], kind))
            }
        }
        return result
    }

    private static func kind(_ status: Int32) -> WordKind {
        switch status {
        case ..<Int32(GZ_WORD_NONE_LIMIT): return .none
        case ..<Int32(GZ_WORD_NUMBER_LIMIT): return .number
        case ..<Int32(GZ_WORD_LETTER_LIMIT): return .letter
        case ..<Int32(GZ_WORD_KANA_LIMIT): return .kana
        default: return .ideographic
        }
    }
}
