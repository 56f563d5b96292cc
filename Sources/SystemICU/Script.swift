import CICU

/// A writing system (Unicode Script property), named by its ISO 15924 code.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode` value.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public static let common = Script(code: Int32(USCRIPT_COMMON.rawValue))
    package static let inherited = Script(code: Int32(USCRIPT_INHERITED.rawValue))
    public static let latin = Script(code: Int32(USCRIPT_LATIN.rawValue))
    public static let cyrillic = Script(code: Int32(USCRIPT_CYRILLIC.rawValue))
    public static let armenian = Script(code: Int32(USCRIPT_ARMENIAN.rawValue))
    package static let georgian = Script(code: Int32(USCRIPT_GEORGIAN.rawValue))
    package static let greek = Script(code: Int32(USCRIPT_GREEK.rawValue))
    package static let arabic = Script(code: Int32(USCRIPT_ARABIC.rawValue))
    package static let hebrew = Script(code: Int32(USCRIPT_HEBREW.rawValue))
    package static let han = Script(code: Int32(USCRIPT_HAN.rawValue))
    package static let unknown = Script(code: Int32(USCRIPT_UNKNOWN.rawValue))

    /// The script of one code point (`Zyyy` for punctuation and digits, `Zinh` for combining marks).
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        if scalar.value < 0x80 {
            let v = scalar.value | 0x20
            return v >= 0x61 && v <= 0x7A ? .latin : .common
        }
        var status = U_ZERO_ERROR
        let code = gz_script(UChar32(bitPattern: scalar.value), &status)
        return gz_failure(status) ? .unknown : Script(code: code)
    }

    /// The script most of the letters in `text` are written in; `Zyyy` when it has no letters.
    ///
    /// Common and inherited characters (digits, punctuation, combining marks) do not vote, so
    /// "Sot’k’" is Latin and "Ջերմուկ-2" is Armenian.
    package static func dominant<S: Sequence>(in scalars: S) -> Script where S.Element == Unicode.Scalar {
        var counts: [Script: Int] = [:]
        var first: [Script] = []
        for scalar in scalars {
            let script = of(scalar)
            if script == .common || script == .inherited || script == .unknown { continue }
            if counts[script] == nil { first.append(script) }
            counts[script, default: 0] += 1
        }
        var best = Script.common
        var bestCount = 0
        for script in first where counts[script]! > bestCount {
            best = script
            bestCount = counts[script]!
        }
        return best
    }

    /// The ISO 15924 code, e.g. `Latn`, `Cyrl`, `Armn`, `Geor`.
    package var isoCode: String {
        if code >= 0, Int(code) < Self.isoCodes.count { return Self.isoCodes[Int(code)] }
        return Self.isoCode(code)
    }

    /// The codes of the first 256 script numbers (ICU has about 200), made once: a new string per call
    /// cost a tenth of a Latin name's keys.
    private static let isoCodes: [String] = (0..<256).map(isoCode)

    private static func isoCode(_ code: Int32) -> String {
        guard let name = gz_script_short_name(code) else { return "Zzzz" }
        return String(cString: name)
    }

    public var description: String { isoCode }
}
