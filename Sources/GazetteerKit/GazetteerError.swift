internal import GazetteerInternals

/// Why the gazetteer could not do what was asked. The description is one line for a person.
public enum GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file is missing, unreadable, damaged or of another version; `reason` says which.
    case database(reason: String)
    /// The data folder (names, rules, word lists) is missing or malformed, or building the default
    /// database from it failed.
    case data(reason: String)
    /// An option is out of range or malformed.
    case invalidOption(String)
    /// The text is too large to annotate as one document (2³¹ − 1 UTF-16 code units, about 2 GB).
    case textTooLarge(utf16Units: Int)

    public var description: String {
        switch self {
        case let .database(reason), let .data(reason): return reason
        case let .invalidOption(reason): return reason
        case let .textTooLarge(units): return AnnotationError.documentTooLarge(units: units).description
        }
    }

    /// The error the facade reports for an error of the modules under it.
    init(_ error: any Error) {
        switch error {
        case let error as GazetteerError: self = error
        case let error as StoreError: self = .database(reason: error.description)
        case let AnnotationError.documentTooLarge(units): self = .textTooLarge(utf16Units: units)
        default: self = .data(reason: String(describing: error))
        }
    }
}

/// Runs `body`, reporting what it throws as a ``GazetteerError``.
func reportingErrors<T>(_ body: () throws -> T) throws(GazetteerError) -> T {
    do {
        return try body()
    } catch {
        throw GazetteerError(error)
    }
}
