import CICU

/// Unicode character properties from the system ICU, for the scalars the standard library is vague about.
package enum CharacterProperties {
    /// Whether the scalar has the Alphabetic property (letters, and marks that act as letters).
    @inlinable
    package static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (scalar.value | 0x20) &- 0x61 < 26 }
        return gz_is_alphabetic(UChar32(bitPattern: scalar.value))
    }

    /// Whether the scalar is upper case (Uppercase property).
    @inlinable
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value &- 0x41 < 26 }
        return gz_is_upper(UChar32(bitPattern: scalar.value))
    }

    /// Whether the scalar is lower case (Lowercase property).
    @inlinable
    package static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value &- 0x61 < 26 }
        return gz_is_lower(UChar32(bitPattern: scalar.value))
    }
}
