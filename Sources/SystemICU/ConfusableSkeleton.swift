import CICU

/// Confusable skeletons (UTS #39) from the system ICU: strings that look alike get the same skeleton,
/// whatever scripts they mix ("Ваku" with a Cyrillic В and а has the skeleton of "Baku").
///
/// ICU documents skeleton computation on a shared checker as thread-safe, so one instance serves all tasks.
public final class ConfusableSkeleton: @unchecked Sendable {
    private let handle: OpaquePointer

    /// The process-wide checker.
    public static let shared = ConfusableSkeleton()

    private init() {
        var status = U_ZERO_ERROR
        guard let checker = gz_uspoof_open(&status), !gz_failure(status) else {
            preconditionFailure("The system ICU cannot open a spoof checker (\(ICUError.statusName(status)))")
        }
        handle = checker
    }

    deinit { gz_uspoof_close(handle) }

    /// The skeleton of `text`: a string for comparison, not for display.
    package func callAsFunction(_ text: String) -> String {
        let units = Array(text.utf16)
        if units.isEmpty { return "" }
        let skeleton = UTF16Text.fromICU(capacity: units.count * 4 + 8) { buffer, capacity, status in
            units.withUnsafeBufferPointer {
                gz_uspoof_skeleton(handle, $0.baseAddress, Int32($0.count), buffer, capacity, &status)
            }
        }
        return skeleton.map(UTF16Text.string) ?? text
    }
}
