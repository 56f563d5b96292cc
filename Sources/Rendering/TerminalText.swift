/// Text made safe to print on a terminal.
///
/// Article text and database names come from anyone: an ESC or OSC sequence inside them would let the
/// author retitle the window, move the cursor or hide lines of the report. Control characters other than
/// line feed and tab are shown as visible symbols instead (ESC as ␛, BEL as ␇, C1 controls as �), and a
/// carriage return survives only as part of a CRLF line break.
package enum TerminalText {
    /// `text` with every control character that could steer a terminal replaced by a visible symbol.
    package static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var output = String.UnicodeScalarView()
        append(text.unicodeScalars, to: &output)
        return String(output)
    }

    /// Appends `scalars` to `output`, replacing control characters as ``sanitized(_:)`` does.
    static func append<S: Sequence>(_ scalars: S, to output: inout String.UnicodeScalarView)
    where S.Element == Unicode.Scalar {
        var pendingReturn = false
        for scalar in scalars {
            if pendingReturn {
                output.append(scalar == "\n" ? "\r" : "\u{240D}")
                pendingReturn = false
            }
            if scalar == "\r" {
                pendingReturn = true
            } else if needsReplacement(scalar) {
                output.append(visible(scalar))
            } else {
                output.append(scalar)
            }
        }
        if pendingReturn { output.append("\u{240D}") }
    }

    private static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// The Control Pictures block has a symbol for each C0 control and DEL; C1 controls have none.
    private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }
}
