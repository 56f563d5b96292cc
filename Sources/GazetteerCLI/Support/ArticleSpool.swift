import Foundation

/// An unnamed temporary file that holds an annotated article's HTML until the page's header, which counts
/// its mentions, has been written. The system removes it when it is closed or the process ends, however it
/// ends, so nothing is left behind.
final class ArticleSpool {
    private let file: UnsafeMutablePointer<FILE>

    /// - Throws: ``SpoolError`` when no temporary file can be made.
    init() throws {
        guard let file = tmpfile() else { throw SpoolError(reason: String(cString: strerror(errno))) }
        self.file = file
    }

    deinit { fclose(file) }

    func write(_ text: String) throws {
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == text.utf8.count else { throw SpoolError(reason: String(cString: strerror(errno))) }
    }

    /// Writes everything spooled to `output`.
    func copy(to output: StandardOutput) throws {
        guard fflush(file) == 0 else { throw SpoolError(reason: String(cString: strerror(errno))) }
        rewind(file)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { output.write(Array(chunk[..<count])) }
            if count < chunk.count {
                guard ferror(file) == 0 else { throw SpoolError(reason: String(cString: strerror(errno))) }
                return
            }
        }
    }

    /// The temporary file could not be written or read back.
    struct SpoolError: Error, CustomStringConvertible {
        var reason: String
        var description: String { "cannot use a temporary file for the page's article: \(reason)" }
    }
}
