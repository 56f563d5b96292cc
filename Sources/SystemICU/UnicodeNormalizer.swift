import CICU

/// A Unicode normalization form from the system ICU (`unorm2`).
///
/// ICU's normalizer instances are immutable process-wide singletons, safe to use from any thread and
/// never closed; that is why this type is a plain `Sendable` value.
package struct UnicodeNormalizer: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Canonical composition (NFC): the form names are stored and displayed in.
    package static let nfc = UnicodeNormalizer(gz_nfc, name: "NFC")
    /// Canonical decomposition (NFD): base letters followed by their combining marks.
    package static let nfd = UnicodeNormalizer(gz_nfd, name: "NFD")
    /// Compatibility composition with full case folding and default-ignorables removed (NFKC_Casefold).
    package static let nfkcCasefold = UnicodeNormalizer(gz_nfkc_casefold, name: "NFKC_Casefold")

    private init(_ instance: (UnsafeMutablePointer<gz_status>) -> OpaquePointer?, name: String) {
        var status = U_ZERO_ERROR
        guard let handle = instance(&status), !gz_failure(status) else {
            preconditionFailure("The system ICU has no \(name) normalizer data (\(ICUError.statusName(status)))")
        }
        self.handle = handle
    }

    /// `text` in this normalization form.
    package func callAsFunction(_ text: String) -> String {
        var units = Array(text.utf16)
        normalize(&units)
        return UTF16Text.string(units)
    }

    /// Normalizes UTF-16 code units in place.
    package func normalize(_ units: inout [UInt16]) {
        if units.isEmpty { return }
        var status = U_ZERO_ERROR
        let normalizedPrefix = units.withUnsafeBufferPointer {
            gz_unorm2_span_quick_check_yes(handle, $0.baseAddress, Int32($0.count), &status)
        }
        if !gz_failure(status), Int(normalizedPrefix) == units.count { return }
        let source = units
        let normalized = UTF16Text.fromICU(capacity: units.count * 3 + 8) { buffer, capacity, status in
            source.withUnsafeBufferPointer { input in
                gz_unorm2_normalize(handle, input.baseAddress, Int32(input.count), buffer, capacity, &status)
            }
        }
        if let normalized { units = normalized }
    }
}
