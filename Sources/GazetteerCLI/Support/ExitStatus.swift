import ArgumentParser
import GazetteerInternals

/// The command's exit statuses, after BSD's sysexits.h so that scripts can tell a typo from a full disk.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | some inputs found no answer (`resolve`, `info`); the rest of the output is valid |
/// | 64 | usage: an unknown option, a bad value, `--out` naming an input |
/// | 65 | bad data: malformed rows in `--strict` mode, a file with no usable row, a damaged database |
/// | 66 | an input or database is missing, unreadable, or a directory |
/// | 70 | an internal error (a bug: please report it) |
/// | 73 | the output cannot be created |
/// | 74 | an I/O error: reading failed, or writing standard output failed (a full disk, a closed stream) |
/// | 128 + N | stopped by signal N: 130 for Ctrl-C (SIGINT), 143 for SIGTERM |
enum ExitStatus {
    static let partialFailure: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let internalError: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74

    /// The status for an error that ends the command.
    static func of(_ error: any Error) -> Int32 {
        switch error {
        case let error as InputError:
            return error.isReadFailure ? ioError : noInput
        case is OutputError:
            return ioError
        case let error as ImportError:
            switch error {
            case .unreadable: return noInput
            case .corrupt, .malformedRow, .rejectedRows, .noRows: return dataError
            }
        case let error as StoreError:
            switch error {
            case .missing, .unreadable: return noInput
            case .notAGazetteer, .schemaMismatch, .damaged: return dataError
            case .sqlite: return ioError
            case .outputIsInput: return usage
            case .buildFailed: return cannotCreate
            }
        case is RuleError:
            return dataError
        default:
            let code = GazetteerCommand.exitCode(for: error)
            // ArgumentParser gives 64 for usage errors and 1 for anything else it does not know; 1 means
            // "some inputs found no answer" here, so an unknown error is reported as internal.
            return code == .validationFailure || code == .success ? code.rawValue : internalError
        }
    }
}
