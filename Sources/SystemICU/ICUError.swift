import CICU

/// An error reported by the system ICU.
public enum ICUError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A transform ID that ICU does not know, or whose data failed to load.
    case unknownTransform(id: String, status: String)
    /// Transform rules that ICU could not compile. `offset` counts UTF-16 units from the start of the rules.
    case invalidRules(name: String, offset: Int, context: String, status: String)
    /// Any other ICU call that failed.
    case failed(operation: String, status: String)

    public var description: String {
        switch self {
        case let .unknownTransform(id, status):
            return "ICU has no transform '\(id)' (\(status))"
        case let .invalidRules(name, offset, context, status):
            return "ICU cannot compile rules '\(name)' near offset \(offset) ('\(context)'): \(status)"
        case let .failed(operation, status):
            return "ICU \(operation) failed: \(status)"
        }
    }

    static func statusName(_ status: gz_status) -> String {
        String(cString: gz_error_name(status))
    }
}

/// The version of the system ICU this process is linked against, e.g. "72.1".
package var systemICUVersion: String { String(cString: gz_icu_version()) }
